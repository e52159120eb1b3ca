import { link, type Block, type Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { titleInline } from '../../content/plan-inlines.ts';

/** "HW1 posted" or "HW1 released" names the release, not the homework: say "HW1 is out today". */
export const homeworkName = (title: string): string =>
  title.replace(/\s+(?:is\s+)?(?:posted|released|release|out|available)\s*$/i, '').trim() || title;

/** Released today, with where to find it: the event's own link, else the course's Piazza. */
export function homeworkSection(due: DueOf<'homework'>[], course: Course): Block {
  const piazza = course.links?.piazza;
  const lines: Line[] = due.map(({ event }): Line => [
    titleInline(homeworkName(event.title), event.url),
    ' is out today',
    ...(piazza ? ['. Details on ', link(piazza, 'Piazza')] : []),
  ]);
  return { kind: 'section', heading: 'Homework', lines };
}
