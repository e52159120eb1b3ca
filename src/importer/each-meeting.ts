import { describePageDate } from './parse-date.ts';
import type { RowMeaning } from './understand-row.ts';

/**
 * A row naming several meetings ("Mar 10, 12 Sorting") is a class on each day, with the same topic and
 * readings; its events stay with the first, so that none is imported twice. The first says so for review.
 */
export function eachMeeting<T extends RowMeaning>(meaning: T): T[] {
  const { also, ...first } = meaning;
  if (!also?.length) return [meaning];
  const days = [first.date, ...also].map(describePageDate).join(', ');
  const noted = {
    ...first,
    doubts: [...first.doubts, `names ${also.length + 1} meetings (${days}): imported as a class on each day`],
  } as T;
  const copies = also.map(
    (date) => ({ ...first, date, number: undefined, events: [], doubts: [] }) as unknown as T,
  );
  return [noted, ...copies];
}
