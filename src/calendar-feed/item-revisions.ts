import { DateTime } from 'luxon';
import type { FeedItem } from './feed-items.ts';

/** What the feed remembers of one item between builds: what it looked like, and its revision. */
export interface ItemState {
  fingerprint: string;
  /** RFC 5545 SEQUENCE: 0 when first published, one more on each change. */
  sequence: number;
  /** When it last changed (UTC ISO-8601): the item's LAST-MODIFIED and DTSTAMP. */
  lastModified: string;
}

export interface RevisedItem extends FeedItem {
  sequence: number;
  lastModified: DateTime;
}

export interface Revision {
  items: RevisedItem[];
  /** The states to store: items new or changed since `known`. */
  changed: Map<string, ItemState>;
}

/**
 * Everything a calendar shows of an item, in a fixed order: two builds of an unchanged item give the same
 * text, and any change a client would display (time, status, words, link) gives another.
 */
export function fingerprint(item: FeedItem): string {
  const time = item.time.allDay
    ? { allDay: true, start: item.time.start, end: item.time.end }
    : {
        allDay: false,
        start: item.time.start.toUTC().toISO(),
        end: item.time.end?.toUTC().toISO() ?? null,
      };
  return JSON.stringify([
    item.summary,
    item.description,
    time,
    item.cancelled,
    item.transparent,
    item.url ?? null,
  ]);
}

/**
 * Gives each item its sequence and last change. Calendar clients ignore an edit whose SEQUENCE did not
 * rise, so a changed item gets the next one, stamped `now`; an unchanged item keeps what it had, so the
 * feed's bytes (and its ETag) stay the same from one build to the next.
 */
export function reviseItems(
  items: FeedItem[],
  known: ReadonlyMap<string, ItemState>,
  now: DateTime,
): Revision {
  const changed = new Map<string, ItemState>();
  const stamp = now.toUTC();
  const revised = items.map((item): RevisedItem => {
    const print = fingerprint(item);
    const before = known.get(item.uid);
    if (before && before.fingerprint === print) {
      return { ...item, sequence: before.sequence, lastModified: parseStamp(before.lastModified, stamp) };
    }
    const state: ItemState = {
      fingerprint: print,
      sequence: before ? before.sequence + 1 : 0,
      lastModified: stamp.toISO()!,
    };
    changed.set(item.uid, state);
    return { ...item, sequence: state.sequence, lastModified: stamp };
  });
  return { items: revised, changed };
}

/** A stored stamp; one that cannot be read (edited by hand) counts as changed now rather than failing. */
function parseStamp(text: string, fallback: DateTime): DateTime {
  const value = DateTime.fromISO(text, { zone: 'utc' });
  return value.isValid ? value : fallback;
}
