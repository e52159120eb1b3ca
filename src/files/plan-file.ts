import { readFileSync } from 'node:fs';
import { parsePlanText } from '../plan/parse-plan.ts';
import { formatProblem, type Problem } from '../plan/problems.ts';
import type { Plan } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';

export type PlanFileResult =
  | { ok: true; plan: Plan; warnings: Problem[]; text: string }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Whether a file in a courses folder is a course's plan (a JSON Schema kept beside them is not). */
export function isPlanFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json');
}

/** Reads and validates a plan file; a missing or unreadable file is a problem like any other. */
export function readPlanFile(path: string): PlanFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found: create it with `coursebot import PAGE -o schedule.json`, or point COURSEBOT_SCHEDULE / --schedule at your plan'
        : `cannot read the file (${code ?? String(error)})`;
    return { ok: false, errors: [{ severity: 'error', path: '', message }], warnings: [] };
  }
  const parsed = parsePlanText(text);
  return parsed.ok ? { ...parsed, text } : parsed;
}

/** Reads a plan or throws a UserError listing every problem, one per line; `text` is the file as read. */
export function loadPlanOrThrow(path: string): { plan: Plan; warnings: string[]; text: string } {
  const result = readPlanFile(path);
  if (!result.ok) {
    const lines = [...result.errors, ...result.warnings].map((p) => formatProblem(p, path));
    throw new UserError(`${path} is not a valid course plan:\n${lines.join('\n')}`);
  }
  return {
    plan: result.plan,
    warnings: result.warnings.map((p) => formatProblem(p, path)),
    text: result.text,
  };
}
