import type { LocalTime } from '../plan/local-date.ts';
import { parseTimeAt } from './parse-time.ts';

// Weekdays as pages write them before a class time: "Mon/Wed", "Tuesdays and Thursdays", "TTh", "MWF".
const DAY_NAMES = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri)(?:days?|s)?\b/i;
const DAY_LETTERS = /(?<![\w/])(?:M|Tu?|W|R|Th|F){2,5}(?!\w)|\b[MTWRF]\b/;
// Where a time range may start: a number then, after an optional meridiem, a dash or "to".
const RANGE_AT = /\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[-–—]|to\s)/gi;

/**
 * The course's meeting time, from a line before the schedule that names weekdays and then a time range:
 * "Mon/Wed 2:00–3:15pm", "Lectures: TTh 11:00-12:15". Only the first such line is taken.
 */
export function meetingTime(
  preamble: string,
): { start: LocalTime; end: LocalTime; words: string; line: number } | undefined {
  const lines = preamble.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    // An HTML page's tags are not words ("<th>Lectures meet …</th>").
    const line = raw.replace(/<[^<>]*>/g, ' ').trim();
    // Office hours name weekdays and times too, but they are not the class.
    if (/\boffice\s+hours?\b/i.test(line)) continue;
    for (const m of line.matchAll(RANGE_AT)) {
      if (m.index > 0 && /\d/.test(line[m.index - 1]!)) continue;
      const before = line.slice(Math.max(0, m.index - 40), m.index);
      if (!DAY_NAMES.test(before) && !DAY_LETTERS.test(before)) continue;
      const range = parseTimeAt(line.slice(m.index));
      if (!range?.range) continue;
      const dash = /[-–—]|to\s/i.exec(m[0])!;
      const endText = line.slice(m.index + dash.index + dash[0].length, m.index + range.length).trim();
      const end = parseTimeAt(endText)?.time ?? withMinutes(endText);
      if (!end || end <= range.time) continue;
      return { start: range.time, end, words: line.slice(0, m.index + range.length).trim(), line: i + 1 };
    }
  }
  return undefined;
}

/** "12:15" after "11:00-": a bare clock time ends the range. */
function withMinutes(text: string): LocalTime | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  return m ? (`${m[1]!.padStart(2, '0')}:${m[2]}` as LocalTime) : undefined;
}
