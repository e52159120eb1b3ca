import { distance } from 'fastest-levenshtein';
import type { Plan, PlanEvent } from '../plan/schema.ts';
import { when } from './describe.ts';

export type FoundEvent = { ok: true; event: PlanEvent } | { ok: false; message: string };

const IGNORED = new Set(['the', 'deadline', 'for', 'of']);
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const listed = (e: PlanEvent) => `${e.id} (${e.title}, ${when(e.date, e.time)})`;

/**
 * Finds the event a staff member means: its id, or words of its title ("proposal", "progress report"). An
 * ambiguous reference lists the candidates; an unknown one suggests the closest id.
 */
export function findEvent(plan: Plan, reference: string): FoundEvent {
  const ref = reference.trim().toLowerCase();
  const exact = plan.events.find((e) => e.id === ref);
  if (exact) return { ok: true, event: exact };
  const all = wordsOf(ref);
  const words = all.filter((w) => !IGNORED.has(w)).length > 0 ? all.filter((w) => !IGNORED.has(w)) : all;
  const matches = plan.events.filter((e) => {
    const own = [...wordsOf(e.title), ...e.id.split('-')];
    return words.every((w) => own.some((t) => t === w || (w.length >= 3 && t.startsWith(w))));
  });
  if (matches.length === 1) return { ok: true, event: matches[0]! };
  if (matches.length > 1) {
    return {
      ok: false,
      message: `"${reference.trim()}" matches ${matches.length} events: ${matches.map(listed).join('; ')}. Name one by its id.`,
    };
  }
  const scored = plan.events
    .map((e) => ({ e, d: Math.min(distance(ref, e.id), ...wordsOf(e.title).map((t) => distance(ref, t))) }))
    .sort((a, b) => a.d - b.d);
  const best = scored[0];
  const hint =
    best && best.d <= Math.max(2, Math.floor(ref.length / 3))
      ? ` Did you mean ${best.e.id} (${best.e.title})?`
      : plan.events.length > 0
        ? ` The events are: ${plan.events.map((e) => e.id).join(', ')}.`
        : ' The plan has no events.';
  return { ok: false, message: `No event matches "${reference.trim()}".${hint}` };
}
