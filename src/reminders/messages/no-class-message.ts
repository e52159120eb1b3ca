import { strong, type Block, type Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { whenInlines } from './inlines.ts';

/** "No class tomorrow, Thu Nov 27: Thanksgiving". */
export function noClassSection(due: DueOf<'no-class'>[], course: Course): Block {
  const lines: Line[] = due.map(({ session, day, daysBefore }): Line => [
    strong('No class'),
    ' ',
    ...whenInlines(day, undefined, daysBefore, course.timezone),
    ...(session.noClass ? [': ', session.noClass] : []),
  ]);
  return { kind: 'section', heading: 'No class', lines };
}
