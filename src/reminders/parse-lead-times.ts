/** The longest lead time accepted, as for channel reminders: 60 days. */
const MAX_MINUTES = 60 * 24 * 60;
const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };

export type ParsedLeads = { ok: true; minutes: number[] } | { ok: false; error: string };

/**
 * Lead times as a student types them: `2d 2h`, `1d12h`, `30m`. Duplicates are merged; the result is largest
 * first. A bad word is named with an example, never guessed at.
 */
export function parseLeadTimes(words: readonly string[]): ParsedLeads {
  if (words.length === 0) {
    return { ok: false, error: 'Say how long before, e.g. `2d 2h` (days d, hours h, minutes m).' };
  }
  const minutes = new Set<number>();
  for (const word of words) {
    const parts = [...word.toLowerCase().matchAll(/(\d{1,4})([dhm])/g)];
    const whole = parts.map((p) => p[0]).join('');
    if (parts.length === 0 || whole !== word.toLowerCase()) {
      return {
        ok: false,
        error: `"${word}" is not a lead time: use a number and d, h or m, e.g. \`2d\`, \`2h\`, \`30m\`.`,
      };
    }
    const total = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MINUTES[p[2]!]!, 0);
    if (total <= 0 || total > MAX_MINUTES) {
      return { ok: false, error: `"${word}" is out of range: a lead time is between 1m and 60d.` };
    }
    minutes.add(total);
  }
  if (minutes.size > 5) return { ok: false, error: 'At most 5 lead times per kind, e.g. `7d 2d 2h`.' };
  return { ok: true, minutes: [...minutes].sort((a, b) => b - a) };
}
