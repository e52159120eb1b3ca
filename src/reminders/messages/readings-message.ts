import type { Block, Line } from '../../content/content.ts';
import { readingInline, readingsLabel } from '../../content/plan-inlines.ts';
import type { Course } from '../../plan/schema.ts';
import { classTopic } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';
import { classWhenInlines } from './inlines.ts';

/** A heads-up to read before a class: the class, when it is, and each reading on its own line. */
export function readingsSection(due: DueOf<'readings'>[], course: Course): Block {
  const lines: Line[] = due.flatMap(({ session, day, daysBefore }): Line[] => [
    [
      'Before ',
      ...classWhenInlines(session, day, daysBefore, course),
      ...(classTopic(session) ? [': ', classTopic(session)] : []),
    ],
    ...session.readings.map((r): Line => ['• ', readingInline(r)]),
  ]);
  return {
    kind: 'section',
    heading: readingsLabel(due.reduce((n, { session }) => n + session.readings.length, 0)),
    lines,
  };
}
