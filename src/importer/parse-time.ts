import type { LocalTime } from '../plan/local-date.ts';

const TIME =
  /^(?:at|by|@)?\s*(?:(noon|midday)|(midnight)|(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)|([01]?\d|2[0-3]):([0-5]\d))(?:\s*(?:ET|EST|EDT|CT|PT|local))?(?![\w:])/i;

/**
 * Reads a time at the start of `text`: "11:59pm" → 23:59, "5pm" → 17:00, "noon", "midnight" (the end of
 * the day, 23:59, which is what "due at midnight" means to students), "23:59".
 */
export function parseTimeAt(text: string): { time: LocalTime; length: number } | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour: number;
  let minute = 0;
  if (m[1]) hour = 12;
  else if (m[2]) {
    hour = 23;
    minute = 59;
  } else if (m[3]) {
    hour = Number(m[3]);
    minute = m[4] ? Number(m[4]) : 0;
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const pm = m[5]!.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else {
    hour = Number(m[6]);
    minute = Number(m[7]);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { time: `${pad(hour)}:${pad(minute)}`, length: m[0].length };
}
