import type { LocalDate } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';

/** Where a day falls relative to the term: answers before and after it say so. */
export type TermPhase =
  { phase: 'before'; start: LocalDate } | { phase: 'during' } | { phase: 'after'; end: LocalDate };

export function termPhase(plan: Plan, today: LocalDate): TermPhase {
  const term = answerIndex(plan).term;
  if (!term) return { phase: 'during' };
  if (today < term.start) return { phase: 'before', start: term.start };
  if (today > term.end) return { phase: 'after', end: term.end };
  return { phase: 'during' };
}
