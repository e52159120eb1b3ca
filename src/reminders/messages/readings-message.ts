import { strong, type Block, type Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { className, readingInline, whenInlines, sessionTopic } from './inlines.ts';

/** A heads-up to read before a class: the class, when it is, and each reading on its own line. */
export function readingsSection(due: DueOf<'readings'>[], course: Course): Block {
  const lines: Line[] = due.flatMap(({ session, day, daysBefore }): Line[] => [
    [
      'Before ',
      strong(className(session.number)),
      ' ',
      ...whenInlines(day, course.meeting?.start, daysBefore, course.timezone, true),
      ...(sessionTopic(session) ? [': ', sessionTopic(session)] : []),
    ],
    ...session.readings.map((r): Line => ['• ', readingInline(r)]),
  ]);
  return { kind: 'section', heading: 'Reading', lines };
}
