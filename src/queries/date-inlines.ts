import type { Inline } from '../content/content.ts';
import type { LocalDate, LocalTime } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { planIndex } from './plan-index.ts';

/**
 * A whole day. Slack shows it in the reader's timezone, so it points at local noon: the same calendar day
 * for readers anywhere from Hawaii to central Europe, where midnight would show the day before in the west.
 */
export function dayInline(plan: Plan, date: LocalDate): Inline {
  const { calendar } = planIndex(plan);
  return {
    kind: 'date',
    epochSeconds: calendar.epochSeconds(date, '12:00'),
    style: 'day',
    text: calendar.formatDay(date),
  };
}

/** A day and a wall-clock time in the course timezone: "Thu Oct 16 at 3:30 PM" as the fallback. */
export function dayTimeInline(plan: Plan, date: LocalDate, time: LocalTime): Inline {
  const { calendar } = planIndex(plan);
  return {
    kind: 'date',
    epochSeconds: calendar.epochSeconds(date, time),
    style: 'day-time',
    text: `${calendar.formatDay(date)} at ${calendar.formatTime(time)}`,
  };
}

/** When a class meets: with its start time when the plan has a meeting time. */
export function classWhen(plan: Plan, session: Session): Inline {
  const meeting = plan.course.meeting;
  return meeting ? dayTimeInline(plan, session.date, meeting.start) : dayInline(plan, session.date);
}

/** When an event is: with its time when it has one. */
export function eventWhen(plan: Plan, event: PlanEvent): Inline {
  return event.time ? dayTimeInline(plan, event.date, event.time) : dayInline(plan, event.date);
}

/** Calendar days in words: "today", "tomorrow", "in 3 days", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
