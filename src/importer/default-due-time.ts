import type { LocalTime } from '../plan/local-date.ts';
import { parseTimeAt } from './parse-time.ts';

/**
 * A due time the page states once for all deadlines ("All problem sets are due at 10:00pm", "homework is
 * due at 9pm"), in the text before its schedule. Only the first is taken.
 */
export function defaultDueTime(
  preamble: string,
): { time: LocalTime; words: string; line: number } | undefined {
  for (const m of preamble.matchAll(/\bdue\b(?:\s+(?:on\s+\w+\s+)?(?:at|by|before))?\s*/gi)) {
    const after = preamble.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const time = parseTimeAt(after);
    if (!time || time.range) continue;
    const words = `${m[0]}${after.slice(0, time.length)}`.trim();
    return { time: time.time, words, line: preamble.slice(0, m.index).split('\n').length };
  }
  return undefined;
}
