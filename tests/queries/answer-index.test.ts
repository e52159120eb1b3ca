// The per-plan index and the calendar memo answer exactly what the luxon definitions answer, and a changed
// plan (a new object) is never answered from the index of the old one.
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/content/render-slack.ts';
import {
  addDays,
  atLocal,
  daysBetween,
  formatDay,
  formatTime,
  localDateOf,
} from '../../src/plan/local-date.ts';
import { classEndsAt, eventDueAt } from '../../src/plan/calendar.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { answerIndex } from '../../src/queries/answer-index.ts';
import { ask } from '../../src/queries/ask.ts';
import { CalendarMemo } from '../../src/queries/calendar-memo.ts';
import { byEventTime, sessionsByDate } from '../../src/queries/course-calendar.ts';
import { askText, at, fixturePlan } from './fixture-plans.ts';

const plan = fixturePlan('cs599-fall-2025');
const ZONE = 'America/New_York';

describe('answerIndex', () => {
  it('is built once per plan object', () => {
    expect(answerIndex(plan)).toBe(answerIndex(plan));
    expect(answerIndex({ ...plan })).not.toBe(answerIndex(plan));
  });

  it('answers from the new plan after a change, not from the index of the old one', () => {
    const before = askText(plan, 'next', '2025-10-13T18:00-04:00');
    expect(before).toContain('Next: Class 13, Thu Oct 16');
    const cancelled: Plan = {
      ...plan,
      sessions: plan.sessions.map((s) => (s.number === 13 ? { ...s, noClass: 'Instructor away' } : s)),
    };
    const after = askText(cancelled, 'next', '2025-10-13T18:00-04:00');
    expect(after).toContain('Class 13 cancelled: Instructor away');
    expect(after).toContain('Next: Class 14, Tue Oct 21');
    expect(askText(plan, 'next', '2025-10-13T18:00-04:00')).toBe(before);
  });

  it('orders a hand-edited plan as sessionsByDate and byEventTime do, with the instants of the calendar rules', () => {
    const shuffled: Plan = {
      ...plan,
      sessions: [...plan.sessions].reverse(),
      events: [...plan.events].reverse(),
    };
    const index = answerIndex(shuffled);
    expect(index.sessions.map((s) => s.session)).toEqual(sessionsByDate(shuffled));
    expect(index.events.map((e) => e.event)).toEqual([...shuffled.events].sort(byEventTime));
    for (const s of index.sessions) {
      expect(s.endMs).toBe(classEndsAt(shuffled.course, s.session.date).toMillis());
    }
    for (const e of index.events) {
      expect(e.dueMs).toBe(eventDueAt(e.event, shuffled.course.timezone).toMillis());
    }
    expect(askText(shuffled, 'week', '2025-10-27T09:00-04:00')).toBe(
      askText(plan, 'week', '2025-10-27T09:00-04:00'),
    );
  });

  it('finds roster entries whatever their case, the first of two spellings winning', () => {
    const dst = fixturePlan('dst-week');
    const twice: Plan = { ...dst, course: { ...dst.course, roster: { ab: 'U0FIRST01', AB: 'U0SECOND1' } } };
    expect(answerIndex(twice).roster.get('ab')).toBe('U0FIRST01');
    const slack = renderSlack(ask(twice, 'class 2', at('2025-10-20T12:00-04:00')).content);
    expect(JSON.stringify(slack.blocks)).toContain('Presentation: <@U0FIRST01>, CD');
  });

  it('uses the meeting time for the end of a class when the plan has one', () => {
    const meeting: Plan = { ...plan, course: { ...plan.course, meeting: { start: '14:00', end: '15:15' } } };
    const class13 = answerIndex(meeting).sessions.find((s) => s.session.number === 13)!;
    expect(class13.endMs).toBe(at('2025-10-16T15:15-04:00').toMillis());
    expect(askText(meeting, 'next', '2025-10-16T15:14-04:00')).toContain('Class 13, Thu Oct 16 at 2:00 PM');
    expect(askText(meeting, 'next', '2025-10-16T15:15-04:00')).toContain('Class 14, Tue Oct 21 at 2:00 PM');
  });
});

describe('CalendarMemo', () => {
  it('gives the course-local day of an instant, also within the same minute and across midnight', () => {
    const memo = new CalendarMemo(ZONE);
    const instants = [
      '2025-10-16T23:59:00-04:00',
      '2025-10-16T23:59:59.999-04:00',
      '2025-10-17T00:00:00-04:00',
      '2025-10-17T03:30:00Z',
      '2025-10-17T04:00:00Z',
      '2025-11-02T01:30:00-04:00',
      '2025-11-02T01:30:00-05:00',
      '2025-03-09T03:00:00-04:00',
      '2025-12-31T23:59:30-05:00',
      '2026-01-01T00:00:30-05:00',
    ];
    for (const iso of [...instants, ...instants.reverse()]) {
      expect(memo.today(at(iso)), iso).toBe(localDateOf(at(iso), ZONE));
    }
  });

  it('computes what the local-date functions compute, across DST, leap days and year ends', () => {
    const memo = new CalendarMemo(ZONE);
    const days = [
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2025-03-09',
      '2025-11-02',
      '2025-12-31',
      '2026-01-01',
    ];
    for (const from of days) {
      for (const to of days) expect(memo.daysBetween(from, to)).toBe(daysBetween(from, to));
      for (const n of [-400, -1, 0, 1, 6, 366]) expect(memo.addDays(from, n)).toBe(addDays(from, n));
      expect(memo.formatDay(from)).toBe(formatDay(from));
      // 02:30 does not exist on 2025-03-09 in New York: the memo moves it forward as luxon does.
      for (const time of ['00:00', '02:30', '12:00', '23:59']) {
        expect(memo.epochSeconds(from, time)).toBe(atLocal(from, time, ZONE).toSeconds());
        expect(memo.formatTime(time)).toBe(formatTime(time));
      }
    }
  });

  it('stays right after more keys than it keeps', () => {
    const memo = new CalendarMemo(ZONE);
    for (let n = 0; n < 5000; n++) memo.daysBetween('2000-01-01', addDays('2000-01-01', n));
    expect(memo.daysBetween('2000-01-01', '2013-09-09')).toBe(daysBetween('2000-01-01', '2013-09-09'));
    expect(memo.daysBetween('2013-09-09', '2000-01-01')).toBe(-daysBetween('2000-01-01', '2013-09-09'));
  });
});
