// The feed of a plan, parsed back with ical.js: local times on both sides of the DST change, all-day items
// as dates, the cancelled class, and stable UIDs whose SEQUENCE rises when an item changes.
import { readFileSync } from 'node:fs';
import { DateTime, Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChange } from '../../src/changes/apply-change.ts';
import { buildFeed } from '../../src/calendar-feed/build-feed.ts';
import { feedItems } from '../../src/calendar-feed/feed-items.ts';
import { reviseItems } from '../../src/calendar-feed/item-revisions.ts';
import { courseId } from '../../src/plan/course-id.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { reviseSqlItems } from '../../src/storage/sql/tables/sql-feeds.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { cs599 } from '../changes/plan-fixture.ts';
import { parseFeed } from './parse-feed.ts';

const ZONE = 'America/New_York';
const BUILT = DateTime.fromISO('2025-10-20T10:00', { zone: ZONE });

function dstWeek(): Plan {
  const path = new URL('../fixtures/plans/dst-week.json', import.meta.url);
  const parsed = parsePlanText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error('fixture plan is invalid');
  return {
    ...parsed.plan,
    course: { ...parsed.plan.course, links: { website: 'https://example.edu/test101' } },
  };
}

const feedOf = (plan: Plan, now = BUILT) =>
  buildFeed(plan, reviseItems(feedItems(plan), new Map(), now).items);
const uid = (plan: Plan, key: string) => `${courseId(plan)}-${key}@coursebot`;

afterEach(() => {
  Settings.defaultZone = 'system';
});

describe('courseId', () => {
  it('runs the code together and slugs the term', () => {
    expect(courseId(cs599())).toBe('cs599e1-fall-2025');
    expect(courseId({ course: { ...cs599().course, code: 'MATH-201 (Sec. 2)', term: 'Été 2026' } })).toBe(
      'math201sec2-ete-2026',
    );
  });
});

describe('the calendar feed', () => {
  it('holds every class at its local time on both sides of the DST change, whatever the server zone', () => {
    // The server's own zone must not matter: the times are instants computed in the course's zone.
    Settings.defaultZone = 'Asia/Tokyo';
    const plan = dstWeek();
    const feed = parseFeed(feedOf(plan));
    const classes = feed.events.filter((e) => e.uid.includes('-class-'));
    expect(classes.map((e) => (e.start as DateTime).toFormat('yyyy-MM-dd HH:mm ZZ'))).toEqual([
      '2025-10-28 09:00 -04:00',
      '2025-10-30 09:00 -04:00',
      '2025-11-04 09:00 -05:00',
      '2025-11-06 09:00 -05:00',
      '2025-11-11 09:00 -05:00',
    ]);
    expect(classes.every((e) => (e.end as DateTime).toFormat('HH:mm') === '10:15')).toBe(true);
  });

  it('writes times in UTC with no calendar-wide timezone, DTSTAMP in UTC, a name and a refresh hint', () => {
    const text = feedOf(dstWeek());
    expect(text).toContain('DTSTART:20251028T130000Z');
    expect(text).toContain('DTSTART:20251104T140000Z');
    expect(text).not.toMatch(/TZID|VTIMEZONE|TIMEZONE-ID/);
    expect(text.match(/^DTSTAMP:.*$/gm)!.every((l) => /^DTSTAMP:\d{8}T\d{6}Z\r?$/.test(l))).toBe(true);
    const feed = parseFeed(text);
    expect(feed.name).toBe('TEST 101 Testing Across Clock Changes');
    expect(feed.refresh).toBe('PT1H');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');
    expect(text).toContain('URL;VALUE=URI:https://example.edu/test101');
  });

  it('holds what RFC 5545 requires: CRLF lines of at most 75 octets, VERSION, PRODID, and per event UID, DTSTAMP, DTSTART', () => {
    const text = feedOf(cs599());
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((l) => !l.includes('\n') && Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//coursebot//coursebot//EN',
    ]);
    const events = text.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBe(35);
    for (const event of events) {
      for (const name of ['UID', 'DTSTAMP', 'DTSTART']) {
        expect(event.match(new RegExp(`^${name}[:;]`, 'gm'))?.length, `${name} in ${event}`).toBe(1);
      }
    }
  });

  it('writes all-day items as dates with an exclusive end', () => {
    const plan = cs599();
    const feed = parseFeed(feedOf(plan));
    // Without course.meeting a class lasts its day.
    const class1 = feed.byUid(uid(plan, 'class-1'));
    expect([class1.allDay, class1.start, class1.end]).toEqual([true, '2025-09-02', '2025-09-03']);
    const thanksgiving = feed.byUid(uid(plan, 'no-class-2025-11-27'));
    expect([thanksgiving.allDay, thanksgiving.start, thanksgiving.end]).toEqual([
      true,
      '2025-11-27',
      '2025-11-28',
    ]);
    expect(thanksgiving.summary).toBe('CS 599 E1 — No class (Thanksgiving)');
    expect(thanksgiving.transp).toBe('TRANSPARENT');
    const proposal = parseFeed(feedOf(dstWeek())).byUid(uid(dstWeek(), 'event-project-proposal-due'));
    expect([proposal.allDay, proposal.start, proposal.end]).toEqual([true, '2025-10-31', '2025-11-01']);
  });

  it('puts deadlines at their due time, free in free/busy, and exams at theirs, busy', () => {
    const plan = dstWeek();
    const feed = parseFeed(feedOf(plan));
    const due = feed.byUid(uid(plan, 'event-hw1-due'));
    expect((due.start as DateTime).toFormat('yyyy-MM-dd HH:mm')).toBe('2025-11-03 23:59');
    expect(due.end).toBeUndefined();
    expect(due.transp).toBe('TRANSPARENT');
    const midterm = feed.byUid(uid(plan, 'event-midterm'));
    expect(midterm.transp).toBe('OPAQUE');
    expect((midterm.end as DateTime).toFormat('HH:mm')).toBe('10:15');
  });

  it('keeps the cancelled class, cancelled, with its reason', () => {
    const plan = dstWeek();
    const cancelled = parseFeed(feedOf(plan)).byUid(uid(plan, 'class-4'));
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary).toBe('TEST 101 — Cancelled: Class 4: Cancelled lecture');
    expect(cancelled.description).toContain('Cancelled: Instructor away');
  });

  it('describes a class by its topic, readings, presenters, notes and the course links', () => {
    const plan = dstWeek();
    const feed = parseFeed(feedOf(plan));
    expect(feed.byUid(uid(plan, 'class-1')).description).toBe(
      'Class 1: Welcome\nReading:\n- Syllabus https://example.edu/syllabus\n\nWebsite: https://example.edu/test101',
    );
    expect(feed.byUid(uid(plan, 'class-2')).description).toContain(
      'Presentations:\n- AB, CD: Falsehoods programmers believe about time',
    );
    expect(feed.byUid(uid(plan, 'class-3')).description).toContain('Notes: Bring a laptop');
  });

  it('gives UIDs from what an item is, so they do not depend on where it is in the plan', () => {
    const plan = cs599();
    const before = feedItems(plan).map((i) => i.uid);
    const reversed = feedItems({
      ...plan,
      sessions: [...plan.sessions].reverse(),
      events: [...plan.events].reverse(),
    });
    expect(new Set(reversed.map((i) => i.uid))).toEqual(new Set(before));
    expect(new Set(before).size).toBe(before.length);
    // No personal data: presenters and the roster stay out of UIDs.
    expect(before.join(' ')).not.toMatch(/U0CG|CG\b/);
  });
  it('names a class written twice, or a session without a number, by its day, so UIDs stay unique', () => {
    const plan = dstWeek();
    const sessions = [
      ...plan.sessions,
      { ...plan.sessions[2]!, date: '2025-11-13' },
      { ...plan.sessions[0]!, date: '2025-11-14', number: null, topic: 'Office hours' },
    ];
    const uids = feedItems({ ...plan, sessions }).map((i) => i.uid);
    expect(uids).toContain(uid(plan, 'class-3'));
    expect(uids).toContain(uid(plan, 'class-3-2025-11-13'));
    expect(uids).toContain(uid(plan, 'session-2025-11-14'));
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('the feed across changes', () => {
  async function store() {
    const db = openDatabase(':memory:');
    const { sql } = await sqlDepsOver(db);
    const build = async (plan: Plan, now: DateTime) =>
      buildFeed(plan, await reviseSqlItems(sql, courseId(plan), feedItems(plan), now));
    return { db, build };
  }

  it('gives an unchanged plan the same bytes on every build, across a restart', async () => {
    const { db, build } = await store();
    const plan = dstWeek();
    const first = await build(plan, BUILT);
    // A fresh plan object, as after a restart or a reload of the same file, built later.
    expect(await build(dstWeek(), BUILT.plus({ days: 3 }))).toBe(first);
    db.close();
  });

  it('keeps every UID after a move and raises the moved class SEQUENCE and LAST-MODIFIED only', async () => {
    const { db, build } = await store();
    const plan = dstWeek();
    const before = parseFeed(await build(plan, BUILT));
    const moved = applyChange(plan, { kind: 'move', number: 3, from: '2025-11-04', to: '2025-11-05' }).plan;
    const later = BUILT.plus({ days: 1 });
    const after = parseFeed(await build(moved, later));
    expect(after.events.map((e) => e.uid).sort()).toEqual(before.events.map((e) => e.uid).sort());
    const class3 = after.byUid(uid(plan, 'class-3'));
    expect(class3.sequence).toBe(1);
    expect((class3.start as DateTime).toFormat('yyyy-MM-dd HH:mm')).toBe('2025-11-05 09:00');
    expect(class3.lastModified).toBe('2025-10-21T14:00:00Z');
    expect(class3.stamp).toBe('2025-10-21T14:00:00Z');
    const unchanged = after.events.filter((e) => e.uid !== class3.uid);
    expect(unchanged.every((e) => e.sequence === 0 && e.lastModified === '2025-10-20T14:00:00Z')).toBe(true);
    // Moved back: a new revision again, never a lower number.
    expect(parseFeed(await build(plan, later.plus({ days: 1 }))).byUid(class3.uid).sequence).toBe(2);
    db.close();
  });

  it('marks a class cancelled from Slack as cancelled, same UID, higher SEQUENCE, with the reason', async () => {
    const { db, build } = await store();
    const plan = dstWeek();
    await build(plan, BUILT);
    const cancelled = applyChange(plan, {
      kind: 'cancel',
      number: 5,
      date: '2025-11-11',
      reason: 'snow day',
      shift: false,
    }).plan;
    const class5 = parseFeed(await build(cancelled, BUILT.plus({ hours: 2 }))).byUid(uid(plan, 'class-5'));
    expect([class5.status, class5.sequence]).toEqual(['CANCELLED', 1]);
    expect(class5.description).toContain('Cancelled: snow day');
    db.close();
  });

  it('keeps the counts per course', async () => {
    const { db, build } = await store();
    const plan = dstWeek();
    await build(plan, BUILT);
    await build(
      applyChange(plan, { kind: 'move', number: 3, from: '2025-11-04', to: '2025-11-05' }).plan,
      BUILT,
    );
    const other = { ...plan, course: { ...plan.course, term: 'Spring 2026' } };
    const feed = parseFeed(await build(other, BUILT));
    expect(feed.events.every((e) => e.sequence === 0 && e.uid.startsWith('test101-spring-2026-'))).toBe(true);
    db.close();
  });
});
