// The course plan the app tests run on: the CS 599 fixture, validated as the bot would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

export const FIXTURE = fileURLToPath(new URL('../reminders/fixtures/cs599-fall2025.json', import.meta.url));

export function coursePlan(): Plan {
  const parsed = parsePlanText(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error(`fixture plan is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.plan;
}
