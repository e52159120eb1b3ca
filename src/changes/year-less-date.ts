import { addDays, formatDay, isValidLocalDate, type LocalDate } from '../plan/local-date.ts';
import type { Term } from '../plan/term.ts';

export type YearLess = { ok: true; date: LocalDate } | { ok: false; message: string };

/** How far around the term a year-less date may fall (a deadline after the last class, an early start). */
const MARGIN_DAYS = 60;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Oct 23" */
export const monthDay = (month: number, day: number): string => `${SHORT_MONTHS[month - 1]} ${day}`;
const twoDigits = (n: number) => String(n).padStart(2, '0');
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Why `month day [year]` is no day at all ("Feb 30", "Feb 29, 2026"), or undefined when it is one. */
export function impossibleDate(month: number, day: number, year?: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]!)
    return `${monthDay(month, day)} is not a date.`;
  if (year !== undefined && month === 2 && day === 29 && !isLeap(year))
    return `${monthDay(month, day)}, ${year} is not a date: ${year} is not a leap year.`;
  return undefined;
}

/** Why `YYYY-MM-DD` is no day at all, or undefined when it is one. */
export function impossibleIsoDate(text: string): string | undefined {
  if (isValidLocalDate(text)) return undefined;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const leap = impossibleDate(month, day, year);
  return leap && leap.includes('leap year')
    ? `${text} is not a date: ${year} is not a leap year.`
    : `${text} is not a date.`;
}

/**
 * The one year that puts `month day` in the course: within the term give or take two months (without a term,
 * within six months of today). Refused with the reason when no year or two years fit; the message names the
 * term and gives dates that would be read.
 */
export function yearFor(month: number, day: number, today: LocalDate, term?: Term): YearLess {
  const bad = impossibleDate(month, day);
  if (bad) return { ok: false, message: bad };
  const window = courseWindow(today, term);
  const md = `${twoDigits(month)}-${twoDigits(day)}`;
  const year = Number(today.slice(0, 4));
  // Compared as text, so a Feb 29 of a common year still counts as "in the window" and is named as such.
  const inWindow = [year - 1, year, year + 1]
    .map((y) => `${y}-${md}`)
    .filter((d) => d >= window.start && d <= window.end);
  const fits = inWindow.filter(isValidLocalDate);
  if (fits.length > 1) {
    const named = monthDay(month, day);
    return {
      ok: false,
      message: `${named} could be ${fits.join(' or ')}: write the year, e.g. ${fits.at(-1)}.`,
    };
  }
  if (fits.length === 1) return { ok: true, date: fits[0]! };
  if (inWindow.length > 0)
    return { ok: false, message: impossibleDate(month, day, Number(inWindow[0]!.slice(0, 4)))! };
  return { ok: false, message: outside(month, day, today, term) };
}

/**
 * The days a staff date may name: the term give or take two months (an early start, the exam period and
 * late deadlines), or within six months of today without a term. The same window reads a year-less date and
 * bounds one with a year, so "Nov 4" and "2026-11-04" cannot name days a year apart.
 */
export function courseWindow(today: LocalDate, term?: Term): { start: LocalDate; end: LocalDate } {
  return term
    ? { start: addDays(term.start, -MARGIN_DAYS), end: addDays(term.end, MARGIN_DAYS) }
    : { start: addDays(today, -183), end: addDays(today, 183) };
}

/** Why a date with its year falls outside `courseWindow`, naming the last day that would do; or undefined. */
export function outsideWindow(date: LocalDate, today: LocalDate, term?: Term): string | undefined {
  const window = courseWindow(today, term);
  if (date >= window.start && date <= window.end) return undefined;
  const named = `${formatDay(date)}, ${date.slice(0, 4)}`;
  const last = `${formatDay(window.end)}, ${window.end.slice(0, 4)}`;
  if (!term) return `${named} is more than six months away: pick a day up to ${last}.`;
  const span = termText(term);
  return date > window.end
    ? `${named} is outside the term (${span}) and its exam period: pick a day up to ${last}.`
    : `${named} is long before the term (${span}): check the year.`;
}

/**
 * "Jun 3 is outside the term (…): pick a day in it, e.g. Oct 20." Writing the year would not help: a date
 * with its year is held to the same window.
 */
function outside(month: number, day: number, today: LocalDate, term: Term | undefined): string {
  const named = monthDay(month, day);
  if (!term) return `${named} is more than six months away: pick a day within six months of today.`;
  const span = termText(term);
  if (term.end < today) return `${named} is outside the term (${span}), which is over.`;
  const example = today > term.start ? today : term.start;
  const [, m, d] = example.split('-').map(Number) as [number, number, number];
  return `${named} is outside the term (${span}): pick a day in it, e.g. ${monthDay(m, d)}.`;
}

/** "Tue Sep 2 to Tue Dec 9, 2025", with both years when the term spans two. */
function termText(term: Term): string {
  const [startYear, endYear] = [term.start.slice(0, 4), term.end.slice(0, 4)];
  return startYear === endYear
    ? `${formatDay(term.start)} to ${formatDay(term.end)}, ${endYear}`
    : `${formatDay(term.start)}, ${startYear} to ${formatDay(term.end)}, ${endYear}`;
}
