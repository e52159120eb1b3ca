// Reads a feed back with ical.js (Mozilla's parser, as in Thunderbird), independent of the library that wrote it.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  status: string | undefined;
  transp: string | undefined;
  sequence: number;
  allDay: boolean;
  /** Timed: the instant in the course's zone. All day: the date. */
  start: DateTime | string;
  end: DateTime | string | undefined;
  lastModified: string | undefined;
  stamp: string;
}

export interface ParsedFeed {
  name: string | undefined;
  refresh: string | undefined;
  events: ParsedEvent[];
  byUid(uid: string): ParsedEvent;
}

function when(time: ICAL.Time | null, zone: string): DateTime | string | undefined {
  if (!time) return undefined;
  if (time.isDate) return time.toString();
  return DateTime.fromJSDate(time.toJSDate()).setZone(zone);
}

export function parseFeed(text: string, zone = 'America/New_York'): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const text = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      return value === null ? undefined : String(value);
    };
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: text('status'),
      transp: text('transp'),
      sequence: event.sequence,
      allDay: event.startDate.isDate,
      start: when(event.startDate, zone)!,
      end: vevent.hasProperty('dtend') ? when(event.endDate, zone) : undefined,
      lastModified: text('last-modified'),
      stamp: text('dtstamp')!,
    };
  });
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname')?.toString(),
    refresh: calendar.getFirstPropertyValue('refresh-interval')?.toString(),
    events,
    byUid(uid) {
      const found = events.find((e) => e.uid === uid);
      if (!found) throw new Error(`no event ${uid} in the feed (${events.map((e) => e.uid).join(', ')})`);
      return found;
    },
  };
}
