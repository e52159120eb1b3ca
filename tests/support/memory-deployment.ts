/**
 * A deployment of several courses held in memory, built as the runtime builds one (each course over its own
 * RevisedPlanSource, revision log and StaffDesk), for tests of the Slack side. Records every setUp.
 */
import type { DateTime } from 'luxon';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { memoryRevisionLog } from '../../src/changes/revision-log.ts';
import { StaffDesk } from '../../src/changes/staff-desk.ts';
import type { AnnounceStatus } from '../../src/delivery/announcer.ts';
import type { Course, Deployment, SetupRequest, StaffEdit } from '../../src/deployment/deployment.ts';
import { courseId } from '../../src/plan/course-id.ts';
import type { Plan } from '../../src/plan/schema.ts';

export interface MemoryCourseSpec {
  plan: Plan;
  /** Channel IDs, home first. */
  channels: string[];
  staff?: string[];
}

export interface MemoryDeployment extends Deployment {
  setUps: SetupRequest[];
  announced: Array<{ course: string; revisionId: number }>;
}

interface Held {
  course: Course;
  staff: string[];
  /** What the course's desk checks: the admins and the staff, kept in step with `staff`. */
  deskStaff: string[];
  channels: string[];
  retired?: DateTime;
}

const silent = { info: () => {}, warn: () => {} };

export function memoryDeployment(
  specs: MemoryCourseSpec[],
  options: { admins?: string[]; openSetup?: boolean } = {},
): MemoryDeployment {
  const admins = options.admins ?? [];
  const held = new Map<string, Held>();
  const setUps: SetupRequest[] = [];
  const announced: MemoryDeployment['announced'] = [];

  const add = (plan: Plan, channels: string[], staff: string[]): Course => {
    const id = courseId(plan);
    // The desk's own staff check sees the live list (admins included), as the deployment's rule does.
    const deskStaff = [...admins, ...staff];
    const plans = new RevisedPlanSource(plan, memoryRevisionLog());
    const entry = { staff, deskStaff, channels } as Held;
    const course: Course = {
      id,
      source: { kind: 'file', path: `${id}.json` },
      plans,
      desk: new StaffDesk({ source: plans, instructors: deskStaff, log: silent }),
      homeChannel: () => channels[0]!,
      channels: () => channels,
      staff: () => entry.staff.filter((u) => !admins.includes(u)),
      retiredAt: () => entry.retired,
      announce: async (revisionId): Promise<AnnounceStatus> => {
        announced.push({ course: id, revisionId });
        return { state: 'posted', channel: channels[0]! };
      },
    };
    entry.course = course;
    held.set(id, entry);
    return course;
  };
  for (const spec of specs) add(spec.plan, spec.channels, [...(spec.staff ?? [])]);

  const entryOf = (course: Course) => held.get(course.id)!;
  const deskStaffOf = (course: Course) => entryOf(course).deskStaff;
  const isStaff = (course: Course, userId: string) =>
    admins.includes(userId) || entryOf(course).staff.includes(userId);

  return {
    setUps,
    announced,
    courses: () => [...held.values()].map((h) => h.course).sort((a, b) => a.id.localeCompare(b.id)),
    course: (id) => held.get(id)?.course,
    courseForChannel: (channelId) => [...held.values()].find((h) => h.channels.includes(channelId))?.course,
    isAdmin: (userId) => admins.includes(userId),
    isStaff,
    maySetUp: (userId) => admins.includes(userId) || options.openSetup === true,
    async setUp(request) {
      setUps.push(request);
      const existing = [...held.values()].find((h) => h.channels.includes(request.channelId));
      if (existing) {
        existing.course.plans.replaceBase(request.plan);
        return { ok: true, course: existing.course, created: false };
      }
      const plan: Plan = {
        ...request.plan,
        reminders: {
          ...request.plan.reminders,
          channels: { ...request.plan.reminders.channels, default: request.channelId },
        },
      };
      const course = add(plan, [request.channelId], [request.userId]);
      return { ok: true, course, created: true };
    },
    async addStaff(course, userId): Promise<StaffEdit> {
      const entry = entryOf(course);
      if (entry.staff.includes(userId)) return { ok: false, message: `${userId} is already staff.` };
      entry.staff.push(userId);
      deskStaffOf(course).push(userId);
      return { ok: true, message: `${userId} is now staff of ${course.id}.` };
    },
    async removeStaff(course, userId): Promise<StaffEdit> {
      const entry = entryOf(course);
      if (!entry.staff.includes(userId)) return { ok: false, message: `${userId} is not staff.` };
      entry.staff.splice(entry.staff.indexOf(userId), 1);
      const desk = deskStaffOf(course);
      desk.splice(desk.indexOf(userId), 1);
      return { ok: true, message: `${userId} is no longer staff of ${course.id}.` };
    },
    async retire(course, _by, now): Promise<StaffEdit> {
      const entry = entryOf(course);
      if (entry.retired) return { ok: false, message: `${course.id} is already retired.` };
      entry.retired = now;
      return { ok: true, message: `${course.id} is retired: no more posts.` };
    },
  };
}
