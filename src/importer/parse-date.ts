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
  [/^mo/i, 1],
  [/^tu/i, 2],
  [/^we/i, 3],
  [/^th/i, 4],
  [/^fr/i, 5],
  [/^sa/i, 6],
  [/^su/i, 7],
];

const WEEKDAY =
  '(?<wd>mon(?:day)?|tu(?:e(?:s(?:day)?)?)?|wed(?:s|nesday)?|th(?:u(?:r(?:s(?:day)?)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+';
const MONTH =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
// A date ends at a word boundary; a dash may follow only to start a range ("Mar 9-13", "9/2-9/6").
const END = '(?![\\w/]|-(?![\\da-z]))';

const FORMS: RegExp[] = [
  new RegExp(`^(?<y>\\d{4})-(?<m>\\d{1,2})-(?<day>\\d{1,2})${END}`, 'i'),
  new RegExp(`^(?:${WEEKDAY})?${MONTH}\\s+${DAY},?(?:\\s+(?<y>\\d{4}))?${END}`, 'i'),
  new RegExp(`^(?:${WEEKDAY})?${DAY}\\s+${MONTH},?(?:\\s+(?<y>\\d{4}))?${END}`, 'i'),
  new RegExp(`^(?:${WEEKDAY})?(?<m>\\d{1,2})/${DAY}(?:/(?<y>\\d{4}|\\d{2}))?${END}`, 'i'),
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads a date at the very start of `text` in any style the importer accepts ("Sep 2", "September 2",
 * "Tu Jan 25", "Wed. 15 Jan.", "9/2", "2025-09-02") and says how many characters it used.
 */
export function parseDateAt(text: string): { date: PageDate; length: number } | null {
  for (const form of FORMS) {
    const m = form.exec(text);
    if (!m?.groups) continue;
    const g = m.groups;
    const month = g.mon ? MONTHS[g.mon.slice(0, 3).toLowerCase()]! : Number(g.m);
    const day = Number(g.day);
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) continue;
    const date: PageDate = { month, day };
    if (g.y) date.year = g.y.length === 2 ? 2000 + Number(g.y) : Number(g.y);
    if (g.wd) date.weekday = WEEKDAYS.find(([re]) => re.test(g.wd!))![1];
    return { date, length: m[0].length };
  }
  return null;
}

/** "Sep 16": how a page date is named in review messages. */
export function describePageDate(date: PageDate): string {
  const name = Object.keys(MONTHS)[date.month - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${date.day}`;
}
