import { logSafe } from '../../util/log-safe.ts';

/** What the user sees when a listener fails unexpectedly: one polite line, never a stack trace. */
export const FAILED_TEXT =
  'Sorry, that request failed on our side and was logged. Try again, or ask whoever runs coursebot.';

/** One line for the log: where it failed and why (the message only; the stack would flood a busy bot). */
export function failureLine(where: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `slack: ${where} failed: ${logSafe(why)}`;
}
