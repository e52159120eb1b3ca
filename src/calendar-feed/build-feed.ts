import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Plan } from '../plan/schema.ts';
import type { RevisedItem } from './item-revisions.ts';

/** Calendar clients are asked to fetch again after this long; most take longer (see docs/calendar-feed.md). */
export const REFRESH_SECONDS = 3600;

/** The feed's name in the subscriber's list of calendars: "CS 599 E1 Algorithms for Machine Learning". */
export const feedName = (plan: Plan): string => `${plan.course.code} ${plan.course.title}`;

/**
 * The iCalendar (RFC 5545) text of the course's feed. No calendar-wide timezone: timed items are written
 * in UTC from instants computed in the course's zone (right whatever the server's TZ, and without the
 * VTIMEZONE a TZID would need), all-day items as dates. Each item's DTSTAMP is its last change, so the
 * same plan gives the same bytes on every build. No METHOD either: a subscribed feed is a published
 * calendar, not a scheduling message.
 */
export function buildFeed(plan: Plan, items: readonly RevisedItem[]): string {
  const { course } = plan;
  const calendar = ical({
    name: feedName(plan),
    description: `${course.title}, ${course.term}`,
    prodId: { company: 'coursebot', product: 'coursebot', language: 'EN' },
    ttl: REFRESH_SECONDS,
    ...(course.links?.website ? { url: course.links.website } : {}),
  });
  for (const item of items) {
    const zone = course.timezone;
    const time = item.time.allDay
      ? {
          allDay: true,
          // Dates stay dates: read in the course's zone, written as DATE, never converted through UTC.
          start: DateTime.fromISO(item.time.start, { zone }),
          end: DateTime.fromISO(item.time.end, { zone }),
        }
      : { start: item.time.start, ...(item.time.end ? { end: item.time.end } : {}) };
    calendar.createEvent({
      id: item.uid,
      sequence: item.sequence,
      stamp: item.lastModified,
      lastModified: item.lastModified,
      ...time,
      summary: item.summary,
      description: item.description,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: item.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      ...(item.url ? { url: item.url } : {}),
    });
  }
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.1); the library leaves it off.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
