// The calendar rules, names and date inlines that answers and reminders share: one definition, and the
// answers' remembered calendar gives the very inlines the reminders compute directly.
import { describe, expect, it } from 'vitest';
import { dayInline, dayTimeInline, whenInline, zoneDateTexts } from '../../src/content/date-inline.ts';
import { classEndsAt, classReminderCutoff, eventDueAt, isHeldClass } from '../../src/plan/calendar.ts';
import type { Course, PlanEvent, Session } from '../../src/plan/schema.ts';
import { eventName } from '../../src/plan/titles.ts';
import { CalendarMemo } from '../../src/queries/calendar-memo.ts';
import { at, fixturePlan } from './fixture-plans.ts';

const ZONE = 'America/New_York';
const plan = fixturePlan('dst-week');
const withMeeting: Course = { ...plan.course, meeting: { start: '09:00', end: '10:15' } };
const { meeting: _, ...withoutMeeting } = withMeeting;
const session = plan.sessions.find((s) => s.number !== null)!;

describe('the shared calendar rules', () => {
  it('holds a numbered class that is not marked as a day without class', () => {
    expect(isHeldClass(session)).toBe(true);
    expect(isHeldClass({ ...session, noClass: 'Snow day' })).toBe(false);
    expect(isHeldClass({ ...session, number: null } as Session)).toBe(false);
  });

  it('ends a class, and its reminders, at the meeting time when there is one', () => {
    expect(classEndsAt(withMeeting, '2025-10-16').toMillis()).toBe(at('2025-10-16T10:15-04:00').toMillis());
    expect(classReminderCutoff(withMeeting, '2025-10-16').toMillis()).toBe(
      at('2025-10-16T09:00-04:00').toMillis(),
    );
  });

  it('without a meeting time, keeps both to the end of the day, 25 hours long when the clocks go back', () => {
    const end = at('2025-11-03T00:00-05:00').toMillis();
    expect(classEndsAt(withoutMeeting, '2025-11-02').toMillis()).toBe(end);
    expect(classReminderCutoff(withoutMeeting, '2025-11-02').toMillis()).toBe(end);
  });

  it('makes an event due at its time, else at the end of its day', () => {
    const event = { id: 'hw1-due', kind: 'deadline', title: 'HW1 due', date: '2025-11-03' } as PlanEvent;
    expect(eventDueAt({ ...event, time: '23:59' }, ZONE).toMillis()).toBe(
      at('2025-11-03T23:59-05:00').toMillis(),
    );
    expect(eventDueAt(event, ZONE).toMillis()).toBe(at('2025-11-04T00:00-05:00').toMillis());
  });
});

describe('event names', () => {
  it('leave out the verb the line says itself, for the kinds that say one', () => {
    expect(eventName({ kind: 'deadline', title: 'Project proposal due' })).toBe('Project proposal');
    expect(eventName({ kind: 'deadline', title: 'HW3 is due' })).toBe('HW3');
    expect(eventName({ kind: 'homework-release', title: 'HW2 posted' })).toBe('HW2');
    expect(eventName({ kind: 'homework-release', title: 'HW1 released' })).toBe('HW1');
    expect(eventName({ kind: 'homework-release', title: 'HW4 out' })).toBe('HW4');
    // Only at the end, only for the kind's own verb, never leaving nothing.
    expect(eventName({ kind: 'deadline', title: 'Due diligence memo' })).toBe('Due diligence memo');
    expect(eventName({ kind: 'deadline', title: 'HW2 released' })).toBe('HW2 released');
    expect(eventName({ kind: 'exam', title: 'Midterm due' })).toBe('Midterm due');
    expect(eventName({ kind: 'deadline', title: 'due' })).toBe('due');
  });
});

describe('date inlines', () => {
  const days = ['2025-03-09', '2025-10-30', '2025-11-02', '2025-12-31'];

  it('keep a whole day a calendar date and give a time of day its instant', () => {
    expect(dayInline(zoneDateTexts(ZONE), '2025-10-30', 'tomorrow, ')).toEqual({
      kind: 'day',
      date: '2025-10-30',
      text: 'tomorrow, Thu Oct 30',
    });
    expect(whenInline(zoneDateTexts(ZONE), '2025-10-30', '23:59')).toEqual({
      kind: 'date',
      epochSeconds: at('2025-10-30T23:59-04:00').toSeconds(),
      text: 'Thu Oct 30 at 11:59 PM',
    });
  });

  it('are the same from the remembered calendar of answers as computed for reminders', () => {
    const memo = new CalendarMemo(ZONE);
    const direct = zoneDateTexts(ZONE);
    for (const day of days) {
      expect(dayInline(memo, day)).toEqual(dayInline(direct, day));
      // 02:30 does not exist on 2025-03-09 in New York: both move it forward as luxon does.
      for (const time of ['00:00', '02:30', '23:59']) {
        expect(dayTimeInline(memo, day, time, 'today, ')).toEqual(
          dayTimeInline(direct, day, time, 'today, '),
        );
      }
    }
  });
});
