import type { LocalTime } from '../plan/local-date.ts';

const TIME =
  /^(?:at|by|@)?\s*(?:(noon|midday)|(midnight)|(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)|([01]?\d|2[0-3]):([0-5]\d))(?:\s*(?:ET|EST|EDT|CT|PT|local))?(?![\w:])/i;

const RANGE_START = /^(?:at|by|@|from)?\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:[-–—]|to)\s*(?=\d)/i;
const RANGE_END = /^\s*(?:[-–—]|to)\s*/i;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a time at the start of `text`: "11:59pm" → 23:59, "5pm" → 17:00, "noon", "midnight" (the end of
 * the day, 23:59, which is what "due at midnight" means to students), "23:59". Of a range ("6–8pm",
 * "6pm–8pm", "10:00–11:15") it reads the start, and its length covers the whole range.
 */
export function parseTimeAt(text: string): { time: LocalTime; length: number; range?: true } | null {
  const range = RANGE_START.exec(text);
  if (range) {
    const end = singleTime(text.slice(range[0].length));
    const hour = Number(range[1]);
    const minute = range[2] ? Number(range[2]) : 0;
    if (end && minute <= 59) {
      const endHour = Number(end.time.slice(0, 2));
      // "6–8pm" is 18:00, "11–1pm" 11:00, "10:00–11:15" 10:00.
      const start =
        !end.meridiem || hour > 12
          ? hour
          : (hour % 12) + (endHour >= 12 && hour % 12 <= endHour - 12 ? 12 : 0);
      if (start <= 23)
        return { time: `${pad(start)}:${pad(minute)}`, length: range[0].length + end.length, range: true };
    }
  }
  const single = singleTime(text);
  if (!single) return null;
  const rest = RANGE_END.exec(text.slice(single.length));
  const end = rest ? singleTime(text.slice(single.length + rest[0].length)) : null;
  if (!rest || !end) return { time: single.time, length: single.length };
  return { time: single.time, length: single.length + rest[0].length + end.length, range: true };
}

function singleTime(text: string): { time: LocalTime; length: number; meridiem: boolean } | null {
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
  return { time: `${pad(hour)}:${pad(minute)}`, length: m[0].length, meridiem: Boolean(m[5]) };
}
