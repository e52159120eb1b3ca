import { strong, type Block, type Inline, type Line } from '../../content/content.ts';
import { formatTime } from '../../plan/local-date.ts';
import type { Course, PlanEvent } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { deadlineName } from './deadline-message.ts';
import { homeworkName } from './homework-message.ts';
import { className, dayInline, sessionTopic, titled } from './inlines.ts';

/**
 * The week ahead, one line per class, day off and event. Presenters are named by their initials, not
 * mentioned: a digest should not notify a dozen people.
 */
export function weeklySection(due: DueOf<'weekly'>[], course: Course): Block {
  const zone = course.timezone;
  const lines: Line[] = due.flatMap(({ week }): Line[] => [
    ['From ', dayInline(week.from, zone), ' to ', dayInline(week.to, zone), ':'],
    ...week.days.flatMap(({ day, classes, noClass, events }): Line[] => {
      const on = (rest: Inline[]): Line => ['• ', dayInline(day, zone), ': ', ...rest];
      return [
        ...classes.map((s) => {
          const presenters = s.presentations.flatMap((p) => p.presenters);
          return on([
            strong(className(s.number)),
            ...(sessionTopic(s) ? [', ', sessionTopic(s)] : []),
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
      return [titled(deadlineName(event.title), event.url), ` due${at}`];
    case 'homework-release':
      return [titled(homeworkName(event.title), event.url), ' out'];
    default:
      return [titled(event.title, event.url), at];
  }
}
