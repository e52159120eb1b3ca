import type { DateTime } from 'luxon';
import { addDays, atLocal, startOfLocalDay } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';

/** A session that is actually taught: it has a number and is not marked as a day without class. */
export function isHeld(session: Session): boolean {
  return session.number !== null && !session.noClass;
}

/** When a class begins: the meeting time, or the start of its day when the plan has none. */
export function classStart(plan: Plan, session: Session): DateTime {
  const { meeting, timezone } = plan.course;
  return meeting ? atLocal(session.date, meeting.start, timezone) : startOfLocalDay(session.date, timezone);
}

/** When a class is over: the meeting's end, or the end of its day when the plan has no meeting time. */
export function classEnd(plan: Plan, session: Session): DateTime {
  const { meeting, timezone } = plan.course;
  return meeting
    ? atLocal(session.date, meeting.end, timezone)
    : startOfLocalDay(addDays(session.date, 1), timezone);
}

/** When an event falls due: its time, or the end of its day (a deadline without a time lasts all day). */
export function eventDue(plan: Plan, event: PlanEvent): DateTime {
  const zone = plan.course.timezone;
  return event.time ? atLocal(event.date, event.time, zone) : startOfLocalDay(addDays(event.date, 1), zone);
}

/** Sort key of an event within its day: its time, untimed ones first. */
export function eventSortKey(event: PlanEvent): string {
  return `${event.date}T${event.time ?? '00:00'}`;
}

export function byEventTime(a: PlanEvent, b: PlanEvent): number {
  return eventSortKey(a).localeCompare(eventSortKey(b));
}

/** Sessions in date order (the plan is usually sorted; a hand edit may not be). */
export function sessionsByDate(plan: Plan): Session[] {
  return [...plan.sessions].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Why there is no class, as a short phrase: "Monday schedule", "Thanksgiving". Importers sometimes keep
 * the page's "No class, …" wording, which the messages already say.
 */
export function noClassReason(session: Session): string {
  const reason = (session.noClass ?? session.topic).replace(/^\s*no class\s*[,:;.-]?\s*/i, '').trim();
  return reason;
}

/** What a class is about: its topic, else its section (e.g. "Paper presentations"). */
export function classSubject(session: Session): string {
  return session.topic.trim() || session.section?.trim() || '';
}

/** The first and last class numbers, for messages about a class that does not exist. */
export function classNumberRange(plan: Plan): { first: number; last: number } | undefined {
  const numbers = plan.sessions.flatMap((s) => (s.number === null ? [] : [s.number]));
  if (numbers.length === 0) return undefined;
  return { first: Math.min(...numbers), last: Math.max(...numbers) };
}
