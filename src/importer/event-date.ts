import { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { EventDraft } from './find-notes.ts';
import { describePageDate } from './parse-date.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The day of an event, or why it has none; `doubt` says what was decided that the instructor should check. */
export type EventDate =
  { ok: true; date: LocalDate; stated: boolean; doubt?: string } | { ok: false; problem: string };

/**
 * Places an event. Without a date of its own it is on its row's day. A stated date ("due Oct 3") takes the
 * year of the row, moved on by one when the note looks across New Year ("due Jan 8" on Dec 18); a bare
 * weekday ("due Friday") is the first such day after the row's.
 */
export function eventDate(rowDate: LocalDate, draft: EventDraft): EventDate {
  const row = utc(rowDate);
  if (draft.offset) {
    const date = row.plus({ days: draft.offset }).toISODate()!;
    const word = draft.offset > 0 ? 'tomorrow' : 'yesterday';
    return {
      ok: true,
      date,
      stated: true,
      doubt: `"${draft.title}" ${word} was placed on the day ${draft.offset > 0 ? 'after' : 'before'} the class: ${date}`,
    };
  }
  if (draft.weekday !== undefined) {
    const date = row.plus({ days: ((draft.weekday - row.weekday + 6) % 7) + 1 }).toISODate()!;
    return {
      ok: true,
      date,
      stated: true,
      doubt: `"${draft.title}" on ${WEEKDAYS[draft.weekday - 1]} was placed on the first one after the class: ${date}`,
    };
  }
  const stated = draft.date;
  if (!stated) return { ok: true, date: rowDate, stated: false };
  let year = stated.year ?? row.year;
  if (stated.year === undefined && stated.month < row.month - 6) year += 1;
  if (stated.year === undefined && stated.month > row.month + 6) year -= 1;
  const day = DateTime.utc(year, stated.month, stated.day);
  if (!day.isValid || day.month !== stated.month) {
    return {
      ok: false,
      problem: `"${draft.title}" on ${describePageDate(stated)}: there is no such day in ${year}; no event imported, add it by hand`,
    };
  }
  const date = day.toISODate()!;
  const doubts: string[] = [];
  if (stated.weekday !== undefined && stated.weekday !== day.weekday) {
    doubts.push(
      `"${draft.title}" is dated ${WEEKDAYS[stated.weekday - 1]} ${describePageDate(stated)}, ` +
        `but ${date} is a ${WEEKDAYS[day.weekday - 1]}: kept ${date}`,
    );
  }
  if (date < rowDate) doubts.push(`"${draft.title}" on ${date} comes before its row's own date: check it`);
  return { ok: true, date, stated: true, ...(doubts.length ? { doubt: doubts.join('; ') } : {}) };
}
