import { meetingOf } from '../plan/calendar.ts';
import { dayInline, whenInline } from '../content/date-inline.ts';
import type { Inline } from '../content/content.ts';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';

// Answers build their date inlines with the plan's remembered calendar: the same few days come back in
// every answer.

/** A whole day of the plan. */
export function planDay(plan: Plan, date: LocalDate): Inline {
  return dayInline(answerIndex(plan).calendar, date);
}

/** When a class meets: with its start time when the plan has a meeting time. */
export function classWhen(plan: Plan, session: Session): Inline {
  return whenInline(answerIndex(plan).calendar, session.date, meetingOf(plan.course, session)?.start);
}

/** When an event is: with its time when it has one. */
export function eventWhen(plan: Plan, event: PlanEvent): Inline {
  return whenInline(answerIndex(plan).calendar, event.date, event.time);
}

/** Calendar days in words: "today", "tomorrow", "in 3 days", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
