import { code, type Content, type Line } from '../../content/content.ts';
import type { Course } from '../../deployment/deployment.ts';
import type { ScheduleReply } from '../schedule-commands.ts';

/** One id per button: Slack wants the action ids of one block distinct. */
export const chooseCourseAction = (index: number): string => `course_choose-${index}`;
export const CHOOSE_COURSE_ACTIONS = /^course_choose-\d+$/;

/** Buttons shown at most; the others are named by typing their id. */
export const MAX_CHOICES = 10;
/** Course ids the hint names at most. */
const MAX_NAMED = 30;
/** Slack keeps at most 2,000 characters of a button's value. */
const MAX_VALUE = 2000;

export interface CourseChoice {
  courseId: string;
  /** The request as typed, answered for the chosen course. */
  text: string;
  /** The users it mentions (their IDs are not in the text). */
  mentions: readonly string[];
}

/** What a chooser button carries: the course and the original request, so a click answers it. */
export const choiceValue = (choice: CourseChoice): string =>
  JSON.stringify({ c: choice.courseId, t: choice.text, m: choice.mentions });

export function readChoice(value: string | undefined): CourseChoice | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { c?: unknown; t?: unknown; m?: unknown };
    if (typeof parsed.c !== 'string' || typeof parsed.t !== 'string') return undefined;
    const mentions = Array.isArray(parsed.m)
      ? parsed.m.filter((m): m is string => typeof m === 'string')
      : [];
    return { courseId: parsed.c, text: parsed.t, mentions };
  } catch {
    return undefined;
  }
}

const courseLabel = (course: Course): string => {
  const { code: courseCode, term } = course.plans.current().course;
  return `${courseCode} (${term})`;
};

/**
 * "Which course?": one button per course (capped, with a hint to name the course instead), each answering
 * the original request for that course. A request too long to ride in a button gets only the hint.
 */
export function courseChooser(
  courses: readonly Course[],
  text: string,
  mentions: readonly string[],
  command: string,
): ScheduleReply {
  const shown = courses.slice(0, MAX_CHOICES);
  const fits = shown.every((c) => choiceValue({ courseId: c.id, text, mentions }).length <= MAX_VALUE);
  const typed = text ? ` ${text}` : '';
  const lines: Line[] = [['Which course? This channel has none of its own.']];
  if (courses.length > shown.length || !fits) {
    // Named in full up to a point: a department's thousand ids would make the reply unreadable.
    const ids = courses.slice(0, MAX_NAMED).map((c) => c.id);
    const more = courses.length > ids.length ? ` and ${courses.length - ids.length} more` : '';
    lines.push([
      fits ? 'Or type ' : 'Type ',
      code(`${command} ID${typed}`.slice(0, 200)),
      ` with the course's ID: ${ids.join(', ')}${more}.`,
    ]);
  } else
    lines.push([
      'Or name it next time: ',
      code(`${command} ${shown[0]?.id ?? 'ID'}${typed}`.slice(0, 200)),
      '.',
    ]);
  const content: Content = { blocks: [{ kind: 'section', lines }] };
  if (!fits) return { content };
  return {
    content,
    buttons: shown.map((c, index) => ({
      actionId: chooseCourseAction(index),
      text: courseLabel(c),
      value: choiceValue({ courseId: c.id, text, mentions }),
    })),
  };
}

/** An ambiguous course name: the courses it fits, to type one of them in full. */
export function ambiguousCourse(word: string, courses: readonly Course[], command: string): ScheduleReply {
  return {
    content: {
      blocks: [
        {
          kind: 'section',
          lines: [
            [`"${word}" fits ${courses.length} courses: ${courses.map(courseLabel).join(', ')}.`],
            ['Type more of it, e.g. ', code(`${command} ${courses[0]!.id} next`), '.'],
          ],
        },
      ],
    },
  };
}
