// Loads the hand-written plans in tests/fixtures/plans through the real parser, so defaults apply.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { renderText } from '../../src/content/render-text.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { ask } from '../../src/queries/ask.ts';

export function fixturePlan(name: 'cs599-fall-2025' | 'dst-week'): Plan {
  const parsed = parsePlanText(
    readFileSync(new URL(`../fixtures/plans/${name}.json`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.plan;
}

/** An instant written with its offset, as users and tests write it. */
export const at = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/** What the terminal shows for a request. */
export function askText(plan: Plan, text: string, now: string): string {
  return renderText(ask(plan, text, at(now)).content);
}
