import { link, type Block, type Inline, type Line } from '../../content/content.ts';
import { whenInline, zoneDateTexts } from '../../content/date-inline.ts';
import type { Course, PlanEvent } from '../../plan/schema.ts';
import { eventName } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';
import { titleInline } from '../../content/plan-inlines.ts';

/**
 * "HW1 is out today, due Tue Sep 30 at 11:59 PM" (the title "HW1 posted" names the release, not the
 * homework), with where to find it: the event's own link, else the course's Piazza. The due date is the
 * plan's deadline for the same work ("HW1 due"), the first on or after the release; left out when the plan
 * has none.
 */
export function homeworkSection(
  due: DueOf<'homework'>[],
  course: Course,
  events: readonly PlanEvent[] = [],
): Block {
  const piazza = course.links?.piazza;
  const lines: Line[] = due.map(({ event }): Line => [
    titleInline(eventName(event), event.url),
    ' is out today',
    ...dueInlines(event, events, course.timezone),
    ...(piazza ? ['. Details on ', link(piazza, 'Piazza')] : []),
  ]);
  return { kind: 'section', heading: 'Homework', lines };
}

function dueInlines(release: PlanEvent, events: readonly PlanEvent[], zone: string): Inline[] {
  const work = eventName(release).toLowerCase();
  const deadline = events
    .filter((e) => e.kind === 'deadline' && e.date >= release.date && eventName(e).toLowerCase() === work)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  return deadline ? [', due ', whenInline(zoneDateTexts(zone), deadline.date, deadline.time)] : [];
}
