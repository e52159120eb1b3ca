import type { DateTime } from 'luxon';
import { isHeldClass } from '../plan/calendar.ts';
import { courseId } from '../plan/course-id.ts';
import { addDays, atLocal, formatTime, type LocalDate } from '../plan/local-date.ts';
import type { Course, Plan, PlanEvent, Session } from '../plan/schema.ts';
import { className, classTopic } from '../plan/titles.ts';

/** When an item is: a span of whole local days (end exclusive), or instants (no end: a moment, e.g. a due time). */
export type FeedTime =
  { allDay: true; start: LocalDate; end: LocalDate } | { allDay: false; start: DateTime; end?: DateTime };

export type FeedItemKind = 'class' | 'no-class' | PlanEvent['kind'];

/** One entry of the calendar feed, before the feed's memory gives it a sequence number. */
export interface FeedItem {
  /** Stable across restarts, reloads and changes: made from what the item is, never from its position. */
  uid: string;
  kind: FeedItemKind;
  summary: string;
  description: string;
  time: FeedTime;
  cancelled: boolean;
  /** Shown as free in free/busy lookups: markers (deadlines, days off) rather than time spent. */
  transparent: boolean;
  url?: string;
}

/**
 * Every item of the course's calendar, in plan order: each class (timed by `course.meeting`, else all day),
 * each cancelled class (kept, marked cancelled, so calendars that already hold it strike it out), each day
 * without class, and each event at its time (all day when it has none).
 */
export function feedItems(plan: Plan): FeedItem[] {
  const id = courseId(plan);
  const uids = new UidSet(id);
  const footer = courseLinks(plan.course);
  const classes = plan.sessions.map((session) => sessionItem(plan.course, session, uids, footer));
  const events = plan.events.map((event) => eventItem(plan, event, uids, footer));
  return [...classes, ...events];
}

function sessionItem(course: Course, session: Session, uids: UidSet, footer: string[]): FeedItem {
  const prefix = `${course.code} — `;
  if (session.number === null && session.noClass) {
    return {
      uid: uids.take(`no-class-${session.date}`),
      kind: 'no-class',
      summary: `${prefix}No class (${session.noClass})`,
      description: lines([`No class: ${session.noClass}`], footer),
      time: { allDay: true, start: session.date, end: addDays(session.date, 1) },
      cancelled: false,
      transparent: true,
      ...website(course),
    };
  }
  const topic = classTopic(session);
  const title = topic ? `${className(session.number)}: ${topic}` : className(session.number);
  const cancelled = session.number !== null && !isHeldClass(session);
  // A class is named by its number, a second session with the same number by its day too, and a session
  // without a number by its day alone.
  const uid =
    session.number === null
      ? uids.take(`session-${session.date}`)
      : uids.take(`class-${session.number}`, `class-${session.number}-${session.date}`);
  return {
    uid,
    kind: 'class',
    summary: `${prefix}${cancelled ? 'Cancelled: ' : ''}${title}`,
    description: lines(
      [
        ...(cancelled ? [`Cancelled: ${session.noClass}`, ''] : []),
        title,
        ...(session.section && session.section !== topic ? [`Part: ${session.section}`] : []),
        ...list(
          session.readings.length === 1 ? 'Reading' : 'Readings',
          session.readings.map((r) => (r.url ? `${r.title} ${r.url}` : r.title)),
        ),
        ...list(
          'Presentations',
          session.presentations.map((p) => `${p.presenters.join(', ')}: ${p.title}`),
        ),
        ...(session.notes?.trim() ? [`Notes: ${session.notes.trim()}`] : []),
      ],
      footer,
    ),
    time: classTime(course, session.date),
    cancelled,
    transparent: false,
    ...website(course),
  };
}

function eventItem(plan: Plan, event: PlanEvent, uids: UidSet, footer: string[]): FeedItem {
  const { course } = plan;
  const session =
    event.session === undefined ? undefined : plan.sessions.find((s) => s.number === event.session);
  const topic = session && classTopic(session);
  return {
    uid: uids.take(`event-${event.id}`, `event-${event.id}-${event.date}`),
    kind: event.kind,
    summary: `${course.code} — ${event.title}`,
    description: lines(
      [
        event.time ? `${event.title} (${formatTime(event.time)})` : event.title,
        ...(event.url ? [event.url] : []),
        ...(session ? [`With ${className(session.number)}${topic ? `: ${topic}` : ''}`] : []),
      ],
      footer,
    ),
    time: eventTime(course, event),
    cancelled: false,
    // Only an exam takes up time; a release or a deadline is a marker on the day.
    transparent: event.kind !== 'exam',
    ...(event.url ? { url: event.url } : website(course)),
  };
}

function classTime(course: Course, date: LocalDate): FeedTime {
  if (!course.meeting) return { allDay: true, start: date, end: addDays(date, 1) };
  return {
    allDay: false,
    start: atLocal(date, course.meeting.start, course.timezone),
    end: atLocal(date, course.meeting.end, course.timezone),
  };
}

/**
 * An event at its time; an exam that starts when class does lasts the meeting. Other timed events are
 * moments (a due time), which RFC 5545 writes as a DTSTART without an end.
 */
function eventTime(course: Course, event: PlanEvent): FeedTime {
  if (!event.time) return { allDay: true, start: event.date, end: addDays(event.date, 1) };
  const start = atLocal(event.date, event.time, course.timezone);
  if (event.kind === 'exam' && course.meeting?.start === event.time) {
    return { allDay: false, start, end: atLocal(event.date, course.meeting.end, course.timezone) };
  }
  return { allDay: false, start };
}

const website = (course: Course): { url?: string } =>
  course.links?.website ? { url: course.links.website } : {};

/** The course's named links ("Website: https://…"), under every description. */
function courseLinks(course: Course): string[] {
  return Object.entries(course.links ?? {}).map(
    ([name, url]) => `${name[0]!.toUpperCase()}${name.slice(1)}: ${url}`,
  );
}

function list(heading: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`${heading}:`, ...items.map((i) => `- ${i}`)];
}

function lines(body: string[], footer: string[]): string {
  return [...body, ...(footer.length > 0 ? ['', ...footer] : [])].join('\n');
}

/**
 * UIDs of one course. A UID says which course and which item ("cs599e1-fall-2025-class-14@coursebot"); two
 * items that would share one (a class number written twice) fall back to a name with their day, so neither
 * depends on where it sits in the plan.
 */
class UidSet {
  private readonly taken = new Set<string>();
  constructor(private readonly course: string) {}

  take(key: string, fallback = `${key}-again`): string {
    for (const candidate of [key, fallback]) {
      const uid = `${this.course}-${candidate}@coursebot`;
      if (!this.taken.has(uid)) {
        this.taken.add(uid);
        return uid;
      }
    }
    // Only a plan with the same item three times gets here; counting keeps the feed valid.
    let n = 2;
    while (this.taken.has(`${this.course}-${fallback}-${n}@coursebot`)) n += 1;
    const uid = `${this.course}-${fallback}-${n}@coursebot`;
    this.taken.add(uid);
    return uid;
  }
}
