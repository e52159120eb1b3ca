import { DateTime } from 'luxon';
import { holidaysIn } from './holidays.ts';
import { describePageDate, type PageDate } from './parse-date.ts';

export interface DatedRow {
  date: PageDate;
  isClass: boolean;
  text: string;
}

export type YearChoice =
  { ok: true; year: number; reason: string; doubt?: string } | { ok: false; message: string };

/** What the page says of its year besides its dates: "Fall 2018" in a heading, "/spring2022/" in its URL. */
export interface YearEvidence {
  /** The year of the term's first date, and where it was read ("the heading says Fall 2018"). */
  term?: { year: number; where: string };
}

// Old pages are real pages too: the years searched reach far back, and only a little ahead.
const YEARS_BACK = 30;
const YEARS_AHEAD = 3;
// A year fitting as well as the nearby one and closer to it than this is a real doubt (see inferYear).
const RIVAL_YEARS = 10;

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * How many years after the first row each row falls: a term that runs from December into January moves
 * to the next year when the month jumps back by more than half a year.
 */
export function yearOffsets(dates: PageDate[]): number[] {
  let offset = 0;
  return dates.map((date, i) => {
    const previous = dates[i - 1];
    if (previous && date.month < previous.month - 6) offset += 1;
    return offset;
  });
}

function isoIn(year: number, date: PageDate): string | null {
  const d = DateTime.utc(year, date.month, date.day);
  return d.isValid && d.month === date.month ? d.toISODate() : null;
}

interface Scored {
  year: number;
  score: number;
  weekdayHits: number;
  holidayHits: string[];
}

/**
 * Chooses the page's year. Years stated on the page win. Otherwise, within `window` years of the
 * reference year: stated weekday names ("Tu Jan 25") must match; a row naming a holiday on the holiday's
 * date scores high (a day of its week, a little); classes on weekends and on many weekdays score low.
 * A tie is not guessed.
 */
export function inferYear(rows: DatedRow[], referenceYear: number, evidence: YearEvidence = {}): YearChoice {
  const offsets = yearOffsets(rows.map((r) => r.date));
  const statedAt = rows.findIndex((r) => r.date.year !== undefined);
  if (statedAt >= 0) {
    return { ok: true, year: rows[statedAt]!.date.year! - offsets[statedAt]!, reason: 'stated on the page' };
  }
  const scored: Scored[] = [];
  for (let year = referenceYear - YEARS_BACK; year <= referenceYear + YEARS_AHEAD; year += 1) {
    let score = 0;
    let weekdayHits = 0;
    const holidayHits: string[] = [];
    const classDays = new Set<number>();
    rows.forEach((row, i) => {
      const iso = isoIn(year + offsets[i]!, row.date);
      if (!iso) return void (score -= 100);
      const weekday = DateTime.fromISO(iso, { zone: 'utc' }).weekday;
      if (row.date.weekday !== undefined && row.date.weekday === weekday) weekdayHits += 1;
      for (const holiday of holidaysIn(row.text)) {
        const holidayDate = DateTime.fromISO(holiday.dateIn(year + offsets[i]!), { zone: 'utc' });
        const gap = Math.abs(holidayDate.diff(DateTime.fromISO(iso, { zone: 'utc' }), 'days').days);
        // "Thanksgiving break" may be any day of that week: a clue, never a pin.
        const loose = /\b(?:break|recess|vacation|weekend)\b/i.test(row.text);
        if (gap === 0 && !loose) holidayHits.push(`${holiday.name} on ${describePageDate(row.date)}`);
        score += gap === 0 && !loose ? 10 : gap <= 3 ? 3 : 0;
      }
      if (row.isClass) {
        classDays.add(weekday);
        if (weekday >= 6) score -= 1;
      }
    });
    score -= 2 * classDays.size;
    scored.push({ year, score, weekdayHits, holidayHits });
  }
  const mostHits = Math.max(...scored.map((s) => s.weekdayHits));
  const fitting = scored.filter((s) => s.weekdayHits === mostHits);
  const term = evidence.term;
  const termFits = term && fitting.find((s) => s.year === term.year);
  if (termFits) {
    const why = describeReason(term.year, rows, offsets, termFits.holidayHits, mostHits);
    return { ok: true, year: term.year, reason: [term.where, why].filter(Boolean).join('; ') };
  }
  const termDoubt = term
    ? `${term.where}, but the weekdays on the page do not fit ${term.year}: check the year`
    : undefined;
  const best = Math.max(...fitting.map((s) => s.score));
  const winners = fitting.filter((s) => s.score === best);
  // Calendars repeat every few years: when the dates fit several years equally, the one next to the
  // reference year is taken, as when only nearby years were searched; an older page that fits no such year
  // is found, or asked about. A rival only five or six years older is asked about too: a page kept online
  // from one term a few years back is as likely as this year's, a page from a decade back much less so.
  const near = winners.filter((w) => Math.abs(w.year - referenceYear) <= 1);
  const closeRival =
    near.length === 1 && winners.some((w) => w !== near[0] && Math.abs(w.year - near[0]!.year) < RIVAL_YEARS);
  if (winners.length !== 1 && near.length === 1 && !closeRival) {
    const chosen = near[0]!;
    return {
      ok: true,
      year: chosen.year,
      reason: describeReason(chosen.year, rows, offsets, chosen.holidayHits, mostHits),
      ...(termDoubt ? { doubt: termDoubt } : {}),
    };
  }
  if (winners.length !== 1) {
    const guess = winners
      .map((w) => w.year)
      .sort((a, b) => Math.abs(a - referenceYear) - Math.abs(b - referenceYear))[0]!;
    const listed = winners.map((w) => w.year);
    const nearby = listed.filter(
      (y) => Math.abs(y - referenceYear) <= 3 || (closeRival && Math.abs(y - near[0]!.year) < RIVAL_YEARS),
    );
    const shownYears = nearby.length
      ? nearby.join(', ')
      : listed.length > 6
        ? `${listed.slice(-6).join(', ')} and earlier years`
        : listed.join(', ');
    return {
      ok: false,
      message:
        `cannot tell the year of this page: no named holiday or weekday pattern decides it; pass --year ${guess}\n` +
        `(its dates fit ${shownYears} equally well)` +
        (termDoubt ? `\n(${termDoubt})` : ''),
    };
  }
  const { year, holidayHits } = winners[0]!;
  return {
    ok: true,
    year,
    reason: describeReason(year, rows, offsets, holidayHits, mostHits),
    ...(termDoubt ? { doubt: termDoubt } : {}),
  };
}

/**
 * Where a year given with --year disagrees with the page: the weekdays written beside its dates. Null when
 * they agree, or the page names none.
 */
export function yearConflict(rows: DatedRow[], year: number): string | null {
  const offsets = yearOffsets(rows.map((r) => r.date));
  const named = rows.filter((r) => r.date.weekday !== undefined);
  if (named.length === 0) return null;
  const wrong = rows.filter((r, i) => {
    if (r.date.weekday === undefined) return false;
    const iso = isoIn(year + offsets[i]!, r.date);
    return !iso || DateTime.fromISO(iso, { zone: 'utc' }).weekday !== r.date.weekday;
  });
  if (wrong.length * 2 <= named.length) return null;
  const first = wrong[0]!;
  return (
    `--year ${year} does not fit the page: it writes ${WEEKDAY_NAMES[first.date.weekday! - 1]} ` +
    `${describePageDate(first.date)}, and ${wrong.length} of ${named.length} weekdays on it disagree; check the year`
  );
}

function describeReason(
  year: number,
  rows: DatedRow[],
  offsets: number[],
  holidayHits: string[],
  weekdayHits: number,
): string {
  const counts = new Map<number, number>();
  rows.forEach((row, i) => {
    const iso = isoIn(year + offsets[i]!, row.date);
    if (!row.isClass || !iso) return;
    const weekday = DateTime.fromISO(iso, { zone: 'utc' }).weekday;
    counts.set(weekday, (counts.get(weekday) ?? 0) + 1);
  });
  const classes = [...counts.values()].reduce((a, b) => a + b, 0);
  const days = [...counts.entries()]
    .filter(([, n]) => n * 10 >= classes)
    .map(([d]) => d)
    .sort()
    .map((d) => WEEKDAY_NAMES[d - 1]);
  const parts = [...holidayHits];
  if (weekdayHits > 0) parts.push(`${weekdayHits} weekday name(s) on the page match`);
  if (days.length) parts.push(`classes on ${days.join(' and ')}`);
  return parts.join('; ');
}

/** The ISO date of a page date, given the page's year and the row's offset from it. */
export function isoDate(year: number, date: PageDate): string {
  return `${year}-${pad(date.month)}-${pad(date.day)}`;
}
