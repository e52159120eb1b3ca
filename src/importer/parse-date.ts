/** A date as a page writes it: month and day, and the year or weekday only when the page states them. */
export interface PageDate {
  month: number;
  day: number;
  year?: number;
  /** ISO weekday (1 = Monday) when the page names it, e.g. "Tu Jan 25". */
  weekday?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: [RegExp, number][] = [
  [/^mo|^m$/i, 1],
  [/^tu|^t$/i, 2],
  [/^we|^w$/i, 3],
  [/^th|^r$/i, 4],
  [/^fr|^f$/i, 5],
  [/^sa/i, 6],
  [/^su/i, 7],
];

const WEEKDAY_NAME =
  'mo(?:n(?:day)?)?|tu(?:e(?:s(?:day)?)?)?|we(?:d(?:s|nesday)?)?|th(?:u(?:r(?:s(?:day)?)?)?)?|fr(?:i(?:day)?)?|sa(?:t(?:urday)?)?|su(?:n(?:day)?)?';
// Before a date a weekday may be one letter ("W 9/3", "R 10/16"): a date must follow it.
const WEEKDAY = `(?<wd>${WEEKDAY_NAME}|[mtwrf])\\.?,?\\s+`;
// After a date: "27 Aug Wed", "May 9 (M)", "2026-01-06 (Tue)"; one letter only in parentheses.
const WEEKDAY_AFTER = `(?:,?\\s*\\((?<wa>${WEEKDAY_NAME}|[mtwrf])\\.?\\)|,?\\s+(?<wb>${WEEKDAY_NAME})\\.?(?![\\w]))`;
const MONTH =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
// A year after a named date: four digits, or two ("24 Aug 21", "Mon, Sep 7, 26") not followed by what makes
// them a time or a second day ("Sep 9 10:30", "Sep 9 10am").
const NOT_TIME = '(?![\\d:.]|\\s*[ap]\\.?m\\b)';
const YEAR = `(?:,?\\s+(?<y>\\d{4})|(?<yc>,\\s*)(?<y2c>\\d{2}))${NOT_TIME}`;
// Day-first dates also take a two-digit year after a space: "24 Aug 21".
const YEAR_AFTER_MONTH = `(?:,?\\s+(?<y>\\d{4})|(?<yc>,\\s*)(?<y2c>\\d{2})|\\s+(?<y2>\\d{2}))${NOT_TIME}`;
// A date ends at a word boundary; a dash may follow only to start a range ("Mar 9-13", "9/2-9/6").
const END = '(?![\\w/]|-(?![\\da-z]))';

const FORMS: RegExp[] = [
  new RegExp(`^(?<y>\\d{4})-(?<m>\\d{1,2})-(?<day>\\d{1,2})${END}(?:${WEEKDAY_AFTER})?`, 'i'),
  new RegExp(`^(?:${WEEKDAY})?${MONTH}\\s*${DAY}(?:${YEAR})?${END}(?:${WEEKDAY_AFTER})?`, 'i'),
  new RegExp(
    `^(?:${WEEKDAY})?${DAY}(?:\\s+|-)${MONTH}(?:${YEAR_AFTER_MONTH})?${END}(?:${WEEKDAY_AFTER})?`,
    'i',
  ),
  new RegExp(
    `^(?:${WEEKDAY})?(?<m>\\d{1,2})/${DAY}(?:/(?<y>\\d{4}|\\d{2}))?${END}(?:${WEEKDAY_AFTER})?`,
    'i',
  ),
];
// "8.27": month and day with a dot, read only where a cell holds nothing but a date (it is also how
// sections are numbered, "Section 12.1").
const DOTTED = new RegExp(
  `^(?:${WEEKDAY})?(?<m>\\d{1,2})\\.(?<day>\\d{1,2})(?![\\w/.])(?:${WEEKDAY_AFTER})?`,
  'i',
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** How numbers-only dates are read: month first ("3/4" is Mar 4) unless the page says otherwise. */
export type DateOrder = 'mdy' | 'dmy';

/** What a numbers-only date shows of its order: "9/16" can only be month first, "16/9" day first. */
export type NumericOrder = DateOrder | 'either';

export interface DateStyle {
  order?: DateOrder;
  /** Also read "8.27" (a date cell of a table). */
  dotted?: boolean;
}

/**
 * Reads a date at the very start of `text` in any style the importer accepts ("Sep 2", "September 2",
 * "Tu Jan 25", "Wed. 15 Jan.", "9/2", "2025-09-02", "12-Jan", "24 Aug 21") and says how many characters
 * it used. `numeric` tells what a numbers-only date shows of its order.
 */
export function parseDateAt(
  text: string,
  style: DateStyle = {},
): { date: PageDate; length: number; numeric?: NumericOrder } | null {
  const forms = style.dotted ? [...FORMS, DOTTED] : FORMS;
  for (const form of forms) {
    const m = form.exec(text);
    if (!m?.groups) continue;
    const g = m.groups;
    let month = g.mon ? MONTHS[g.mon.slice(0, 3).toLowerCase()]! : Number(g.m);
    let day = Number(g.day);
    let length = m[0].length;
    const numeric = !g.mon && !(g.y && g.y.length === 4 && form === FORMS[0]);
    let order: NumericOrder | undefined;
    if (numeric) {
      order = month > 12 ? 'dmy' : day > 12 ? 'mdy' : month === day ? undefined : 'either';
      const swap = style.order === 'dmy' ? day <= 12 : month > 12 && day <= 12;
      if (swap) [month, day] = [day, month];
    }
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) continue;
    const date: PageDate = { month, day };
    let year = g.y ?? g.y2;
    let weekday = g.wd ?? g.wa ?? g.wb;
    if (g.y2c && g.wd) year = g.y2c;
    else if (g.y2c) {
      // "Mar 10, 12" is two meetings, not a year: without a weekday before it to vouch for "Mon, Sep 7, 26",
      // the date ends before the comma.
      length = m[0].lastIndexOf(`${g.yc}${g.y2c}`);
      weekday = g.wd;
    }
    if (year) date.year = year.length === 2 ? 2000 + Number(year) : Number(year);
    if (weekday) date.weekday = WEEKDAYS.find(([re]) => re.test(weekday))![1];
    return { date, length, ...(order ? { numeric: order } : {}) };
  }
  return null;
}

/** "Sep 16": how a page date is named in review messages. */
export function describePageDate(date: PageDate): string {
  const name = Object.keys(MONTHS)[date.month - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${date.day}`;
}
