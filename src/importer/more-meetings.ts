import { parseDateAt, type DateStyle, type PageDate } from './parse-date.ts';

/**
 * Days after a row's date that name more meetings of the same row: "Mar 10, 12", "Sept. 9,11,13",
 * "Sep 9 Sep 13". Each must come later in the same week (within six days of the one before), so that
 * "Sep 7, 21" (a year) and "Sep 2 12 Angry Men" stay what they are.
 */
export function moreMeetings(
  rest: string,
  date: PageDate,
  style: DateStyle,
): { also: PageDate[]; length: number } | null {
  const also: PageDate[] = [];
  let at = 0;
  let last = date;
  for (;;) {
    const tail = rest.slice(at);
    const day = /^\s*(?:,|&|and\b)\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d/.:]|\s*(?:am|pm|a\.m|p\.m)\b)/i.exec(
      tail,
    );
    const full = day ? null : /^\s*(?:,|&|and\b)?\s*/.exec(tail)!;
    const dated = full ? parseDateAt(tail.slice(full[0].length, full[0].length + 40), style) : null;
    const next: PageDate | null = day
      ? { month: last.month, day: Number(day[1]) }
      : dated && dated.date.year === undefined
        ? dated.date
        : null;
    if (!next || next.month !== last.month || next.day <= last.day || next.day - last.day > 6) break;
    also.push(next);
    last = next;
    at += day ? day[0].length : full![0].length + dated!.length;
  }
  return also.length ? { also, length: at } : null;
}

/**
 * "14 and 16 January": two days before one month name. Returns the first day, in the month of the
 * second, and the length of the words up to the second.
 */
export function daysBeforeMonth(text: string, style: DateStyle): { date: PageDate; length: number } | null {
  const first = /^(\d{1,2})\s*(?:,|&|and\b)\s*(?=\d{1,2}\s*[A-Za-z])/i.exec(text);
  if (!first) return null;
  const second = parseDateAt(text.slice(first[0].length, first[0].length + 40), style);
  const day = Number(first[1]);
  if (!second || second.date.day <= day || second.date.day - day > 6) return null;
  return { date: { month: second.date.month, day }, length: first[0].length };
}
