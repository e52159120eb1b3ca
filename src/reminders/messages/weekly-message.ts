import { strong, type Block, type Inline, type Line } from '../../content/content.ts';
import { dayInline, zoneDateTexts } from '../../content/date-inline.ts';
import { titleInline } from '../../content/plan-inlines.ts';
import { formatTime } from '../../plan/local-date.ts';
import type { Course, PlanEvent } from '../../plan/schema.ts';
import { className, classTopic, eventName } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';

/**
 * The week ahead, one line per class, day off and event. Presenters are named by their initials, not
 * mentioned: a digest should not notify a dozen people.
 */
export function weeklySection(due: DueOf<'weekly'>[], course: Course): Block {
  const dates = zoneDateTexts(course.timezone);
  const lines: Line[] = due.flatMap(({ week }): Line[] => [
    ['From ', dayInline(dates, week.from), ' to ', dayInline(dates, week.to), ':'],
    ...week.days.flatMap(({ day, classes, noClass, events }): Line[] => {
      const on = (rest: Inline[]): Line => ['• ', dayInline(dates, day), ': ', ...rest];
      return [
        ...classes.map((s) => {
          const presenters = s.presentations.flatMap((p) => p.presenters);
          return on([
            strong(className(s.number)),
            ...(classTopic(s) ? [', ', classTopic(s)] : []),
            ...(presenters.length > 0 ? [` (presenters: ${presenters.join(', ')})`] : []),
          ]);
        }),
        ...noClass.map((s) => on([strong('No class'), ...(s.noClass ? [`: ${s.noClass}`] : [])])),
        ...events.map((e) => on(eventInlines(e))),
      ];
    }),
  ]);
  return { kind: 'section', heading: 'The week ahead', lines };
}

function eventInlines(event: PlanEvent): Inline[] {
  const at = event.time ? ` at ${formatTime(event.time)}` : '';
  switch (event.kind) {
    case 'deadline':
      return [titleInline(eventName(event), event.url), ` due${at}`];
    case 'homework-release':
      return [titleInline(eventName(event), event.url), ' out'];
    default:
      return [titleInline(event.title, event.url), at];
  }
}
