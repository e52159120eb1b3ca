import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

export const FIXTURE_PATH = new URL('../fixtures/plans/cs599-fall-2025.json', import.meta.url).pathname;

/** The CS 599 plan, fresh each call so a test may change it. */
export function cs599(): Plan {
  const parsed = parsePlanText(readFileSync(FIXTURE_PATH, 'utf8'));
  if (!parsed.ok) throw new Error('fixture plan is invalid');
  return parsed.plan;
}

/** Monday Oct 20 2025, 10:00 in New York: the day before Class 14. */
export const MONDAY = DateTime.fromISO('2025-10-20T10:00', { zone: 'America/New_York' });
