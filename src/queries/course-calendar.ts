import type { Plan, PlanEvent, Session } from '../plan/schema.ts';

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

/** The first and last class numbers, for messages about a class that does not exist. */
export function classNumberRange(plan: Plan): { first: number; last: number } | undefined {
  const numbers = plan.sessions.flatMap((s) => (s.number === null ? [] : [s.number]));
  if (numbers.length === 0) return undefined;
  return { first: Math.min(...numbers), last: Math.max(...numbers) };
}
