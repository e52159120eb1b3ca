import { link, type Block, type Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import { eventName } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';
import { titleInline } from '../../content/plan-inlines.ts';

/**
 * "HW1 is out today" (the title "HW1 posted" names the release, not the homework), with where to find it:
 * the event's own link, else the course's Piazza.
 */
export function homeworkSection(due: DueOf<'homework'>[], course: Course): Block {
  const piazza = course.links?.piazza;
  const lines: Line[] = due.map(({ event }): Line => [
    titleInline(eventName(event), event.url),
    ' is out today',
    ...(piazza ? ['. Details on ', link(piazza, 'Piazza')] : []),
  ]);
  return { kind: 'section', heading: 'Homework', lines };
}
