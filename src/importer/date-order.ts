import { DateTime } from 'luxon';
import { yearOffsets } from './infer-year.ts';
import type { DateOrder, PageDate } from './parse-date.ts';

// As for the year: old pages are searched too.
const YEARS_BACK = 30;
const YEARS_AHEAD = 3;

/** How many of the weekdays written beside the dates fit them, in the year that fits the most. */
function bestFit(dates: PageDate[], referenceYear: number): number {
  const offsets = yearOffsets(dates);
  let best = 0;
  for (let year = referenceYear - YEARS_BACK; year <= referenceYear + YEARS_AHEAD; year += 1) {
    let hits = 0;
    dates.forEach((date, i) => {
      if (date.weekday === undefined) return;
      const day = DateTime.utc(date.year ?? year + offsets[i]!, date.month, date.day);
      if (day.isValid && day.month === date.month && day.weekday === date.weekday) hits += 1;
    });
    best = Math.max(best, hits);
  }
  return best;
}

/**
 * Which way numbers-only dates that could be read either way ("3/4") are written, as the weekdays beside
 * them show ("Tue 3/4" is March 4 in a year where that is a Tuesday): the order under which clearly more
 * of them fit. Null when the weekdays do not tell.
 */
export function orderByWeekdays(
  monthFirst: PageDate[],
  dayFirst: PageDate[],
  referenceYear: number,
): { order: DateOrder; fit: number; named: number } | null {
  const named = monthFirst.filter((d) => d.weekday !== undefined).length;
  if (named < 2) return null;
  const mdy = bestFit(monthFirst, referenceYear);
  const dmy = bestFit(dayFirst, referenceYear);
  if (Math.max(mdy, dmy) * 2 <= named || mdy === dmy) return null;
  return mdy > dmy ? { order: 'mdy', fit: mdy, named } : { order: 'dmy', fit: dmy, named };
}
