import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { parsePlanValue } from '../../src/plan/parse-plan.ts';
import type { Plan, PlanInput } from '../../src/plan/schema.ts';

export const ZONE = 'America/New_York';
export const FIXTURE = fileURLToPath(new URL('./fixtures/cs599-fall2025.json', import.meta.url));

/** The raw fixture, to be edited by a test before validation. */
export const fixtureInput = (): PlanInput => JSON.parse(readFileSync(FIXTURE, 'utf8')) as PlanInput;

/** Validates a plan as the bot would, failing the test on any error. */
export function planOf(input: unknown): Plan {
  const parsed = parsePlanValue(input);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.plan;
}

export const fixturePlan = (): Plan => planOf(fixtureInput());

/** A course-local instant, e.g. local('2025-10-28T09:00'). */
export const local = (text: string): DateTime => DateTime.fromISO(text, { zone: ZONE });

/** A window of whole local days [from, to]. */
export const days = (from: string, to: string) => ({
  from: local(from).startOf('day'),
  to: local(to).plus({ days: 1 }).startOf('day'),
});
