import { matchCourse } from '../../courses/match-course.ts';
import type { Course, Deployment } from '../../deployment/deployment.ts';
import type { Logger } from '../../util/logger.ts';
import type { ScheduleReply } from '../schedule-commands.ts';
import { ambiguousCourse, courseChooser } from './course-chooser.ts';

export interface CourseResolverDeps {
  deployment: Deployment;
  /** The channel IDs a person is a member of (MemberChannels.of). */
  memberChannels(userId: string): Promise<ReadonlySet<string>>;
  /** First words that are commands (`next`, `cancel`, …): never read as a course name. */
  isCommandWord(word: string): boolean;
  command: string;
  log: Pick<Logger, 'warn'>;
}

/** The course a request is for, with the request's own words (a course named first is taken off). */
export type Resolved =
  { kind: 'course'; course: Course; text: string } | { kind: 'reply'; reply: ScheduleReply };

const NO_COURSE = (command: string): ScheduleReply => ({
  content: {
    blocks: [
      {
        kind: 'section',
        lines: [
          [
            'No course is set up yet. In the course channel, type ',
            { kind: 'code', text: `${command} setup URL` },
            ' with the address of its schedule page.',
          ],
        ],
      },
    ],
  },
});

type Who = { userId: string; channelId: string; mentions: readonly string[] };

/**
 * Which course a `/schedule` request is for: the course named by its first word, else the channel's course,
 * else the person's only course channel, else a question with one button per course. Only the last steps
 * may call Slack (a channel name never resolved; the person's channels, cached briefly). Answered at once
 * when Slack need not be asked, as for every request typed in a course's channel: no promise, no timer.
 */
export function resolveCourse(
  deps: CourseResolverDeps,
  text: string,
  who: Who,
): Resolved | Promise<Resolved> {
  const courses = deps.deployment.courses();
  const [first = '', ...rest] = text.split(' ');
  if (first && !deps.isCommandWord(first)) {
    const named = matchCourse(courses.map(withCode), first);
    if (named.kind === 'one') return { kind: 'course', course: named.course.course, text: rest.join(' ') };
    if (named.kind === 'many') {
      const fits = named.courses.map((n) => n.course);
      return { kind: 'reply', reply: ambiguousCourse(first, fits, deps.command) };
    }
  }
  const here = deps.deployment.courseForChannel(who.channelId);
  return here instanceof Promise
    ? here.then((found) => outsideNamed(deps, found, text, who))
    : outsideNamed(deps, here, text, who);
}

/** A request that names no course: the channel's course (`here`), else the person's, else a question. */
function outsideNamed(
  deps: CourseResolverDeps,
  here: Course | undefined,
  text: string,
  who: Who,
): Resolved | Promise<Resolved> {
  if (here) return { kind: 'course', course: here, text };
  const courses = deps.deployment.courses();
  if (courses.length === 0) return { kind: 'reply', reply: NO_COURSE(deps.command) };
  // One course is every request's course: no lookup, and today's one-course bot answers as it always did.
  if (courses.length === 1) return { kind: 'course', course: courses[0]!, text };
  return coursesOf(deps, who.userId).then((mine): Resolved => {
    if (mine.length === 1) return { kind: 'course', course: mine[0]!, text };
    return {
      kind: 'reply',
      reply: courseChooser(mine.length > 1 ? mine : courses, text, who.mentions, deps.command),
    };
  });
}

const withCode = (course: Course) => ({ id: course.id, code: course.plans.current().course.code, course });

/** The courses whose channels the person is in; none when Slack cannot say (they are then asked which). */
export async function coursesOf(
  deps: Pick<CourseResolverDeps, 'deployment' | 'memberChannels' | 'log'>,
  userId: string,
): Promise<Course[]> {
  let channels: ReadonlySet<string>;
  try {
    channels = await deps.memberChannels(userId);
  } catch (error) {
    deps.log.warn(
      `slack: the channels of ${userId} could not be listed (${error instanceof Error ? error.message : String(error)}): asking which course`,
    );
    return [];
  }
  const found = new Map<string, Course>();
  for (const channel of channels) {
    const course = await deps.deployment.courseForChannel(channel);
    if (course) found.set(course.id, course);
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}
