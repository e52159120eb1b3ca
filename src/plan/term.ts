import type { LocalDate } from './local-date.ts';
import type { Plan } from './schema.ts';

export interface Term {
  start: LocalDate;
  end: LocalDate;
}

/** The term runs from the first to the last session of the plan (or, without sessions, its events). */
export function termOf(plan: Pick<Plan, 'sessions' | 'events'>): Term | undefined {
  const source = plan.sessions.length > 0 ? plan.sessions : plan.events;
  const dates = source.map((s) => s.date).sort();
  if (dates.length === 0) return undefined;
  return { start: dates[0]!, end: dates.at(-1)! };
}
