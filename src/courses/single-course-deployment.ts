import type { DateTime } from 'luxon';
import { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import { memoryRevisionLog } from '../changes/revision-log.ts';
import { StaffDesk } from '../changes/staff-desk.ts';
import type { AnnounceStatus } from '../delivery/announcer.ts';
import type { Course, CourseSource, Deployment, SetupResult, StaffEdit } from '../deployment/deployment.ts';
import { courseId } from '../plan/course-id.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Logger } from '../util/logger.ts';

export interface SingleCourseOptions {
  /** The effective plan; a plain source (a fixed plan) gets an in-memory record of changes. */
  plans: PlanSource;
  /** COURSEBOT_INSTRUCTORS. */
  staff: readonly string[];
  /** The course's channels as configured (home first). */
  channels(): readonly string[];
  source?: CourseSource;
  log: Pick<Logger, 'info' | 'warn'>;
  command?: string;
}

/** One course's deployment, with the desk and announcer of the running bot attached once they exist. */
export interface SingleCourseDeployment extends Deployment {
  /** The staff desk and announcement path `coursebot start` builds after the Slack app. */
  attach(desk: StaffDesk, announce: (revisionId: number) => Promise<AnnounceStatus>): void;
}

const FIXED =
  'this bot serves one course from its plan file and COURSEBOT_INSTRUCTORS: edit those and restart';

/**
 * Today's setup as a deployment: one course, every channel its own, its staff the instructors, nothing to set
 * up or retire from Slack. Staff words work before the running bot attaches its desk (an in-memory one).
 */
export function singleCourseDeployment(options: SingleCourseOptions): SingleCourseDeployment {
  const plans =
    options.plans instanceof RevisedPlanSource
      ? options.plans
      : new RevisedPlanSource(options.plans.current(), memoryRevisionLog());
  let desk = new StaffDesk({
    source: plans,
    instructors: options.staff,
    log: options.log,
    ...(options.command ? { command: options.command } : {}),
  });
  let announce: (revisionId: number) => Promise<AnnounceStatus> = async () => ({
    state: 'failed',
    channel: options.channels()[0] ?? '',
    reason: 'announcements are not connected in this process',
  });
  const course: Course = {
    id: courseId(plans.current()),
    source: options.source ?? { kind: 'file', path: 'schedule.json' },
    plans,
    get desk() {
      return desk;
    },
    homeChannel: () => options.channels()[0] ?? '',
    channels: () => options.channels(),
    staff: () => options.staff,
    retiredAt: () => undefined,
    announce: (revisionId) => announce(revisionId),
  };
  const refused = async (): Promise<StaffEdit> => ({ ok: false, message: `Not changed: ${FIXED}.` });
  return {
    courses: () => [course],
    course: (id) => (id === course.id ? course : undefined),
    courseForChannel: (channelId) => (options.channels().includes(channelId) ? course : undefined),
    isAdmin: () => false,
    isStaff: (_course, userId) => options.staff.includes(userId),
    maySetUp: () => false,
    setUp: async (): Promise<SetupResult> => ({ ok: false, message: FIXED }),
    addStaff: refused,
    removeStaff: refused,
    retire: async (_course: Course, _by: string, _now: DateTime) => refused(),
    attach(attached, announcing) {
      desk = attached;
      announce = announcing;
    },
  };
}
