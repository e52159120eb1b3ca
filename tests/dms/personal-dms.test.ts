// The pure derivation of personal DMs: the moment is the subject minus the lead, quiet hours are the
// student's own, DMs due together merge, nothing for a past subject or after the term, keys are stable.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { DmSubscription } from '../../src/reminders/dm-subscription.ts';
import { derivePersonalDms, outOfQuietHours } from '../../src/reminders/personal-dms.ts';
import { dmPlan, ZONE } from './dm-plan.ts';

const COURSE = 'cs599e1-fall-2025';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const all = { from: ny('2025-10-01T00:00'), to: ny('2026-01-01T00:00') };
const sub = (s: Partial<DmSubscription> & Pick<DmSubscription, 'kind' | 'leadsMinutes'>): DmSubscription => ({
  userId: 'U0STUDENT',
  ...s,
});
const noPresenterDefault = sub({ userId: 'U0MS00003', kind: 'presentations', leadsMinutes: [] });

describe('derivePersonalDms', () => {
  it('sends a deadline reminder at due time minus the lead, in the student’s zone, and merges two due together', () => {
    const posts = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'deadlines', leadsMinutes: [120] }), noPresenterDefault],
      all,
    );
    const oct30 = posts.filter((p) => p.at.startsWith('2025-10-30'));
    // Homework 3 and Quiz 2 are both due at 23:59: one DM at 21:59 New York time carries both.
    expect(oct30).toHaveLength(1);
    expect(oct30[0]).toMatchObject({ at: '2025-10-30T21:59:00-04:00', channel: 'U0STUDENT' });
    expect(oct30[0]!.reminders.map((r) => r.key)).toEqual([
      `dm:${COURSE}:U0STUDENT:deadline:hw3-due@2025-10-30:2h`,
      `dm:${COURSE}:U0STUDENT:deadline:quiz-2@2025-10-30:2h`,
    ]);
    const text = JSON.stringify(oct30[0]!.content);
    expect(text).toContain('Homework 3 due');
    expect(text).toContain('Quiz 2 closes');
  });

  it('holds a DM that falls in the student’s quiet hours until 08:00 their time, in another timezone', () => {
    // Two days before 23:59 in New York is 04:59 in Berlin (Oct 29, CET): held until 08:00 Berlin, 03:00 in
    // New York, still before the deadline. The 2h lead (02:59 Berlin) would wait until after it: dropped.
    const posts = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'deadlines', leadsMinutes: [2880, 120], timezone: 'Europe/Berlin' }), noPresenterDefault],
      all,
    );
    const dueOct30 = posts.filter((p) => p.reminders.some((r) => r.key.includes('@2025-10-30')));
    expect(dueOct30.map((p) => p.at)).toEqual(['2025-10-29T03:00:00-04:00']);
    expect(dueOct30[0]!.reminders.map((r) => r.key.split(':').at(-1))).toEqual(['2d', '2d']);
    expect(DateTime.fromISO(dueOct30[0]!.at).setZone('Europe/Berlin').toFormat('HH:mm')).toBe('08:00');
  });

  it('drops a quiet-hours DM whose subject has passed by 08:00', () => {
    // Homework 4 is due at 12:00 New York = 02:00 Tokyo (next day); 2h before is midnight in Tokyo: 08:00
    // Tokyo is after the deadline, so there is nothing to remind of.
    const posts = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'deadlines', leadsMinutes: [120], timezone: 'Asia/Tokyo' }), noPresenterDefault],
      all,
    );
    expect(posts.flatMap((p) => p.reminders).some((r) => r.key.includes('hw4-due'))).toBe(false);
  });

  it('never reminds of a subject before the window, and nothing is derived after the term', () => {
    const after = { from: ny('2025-11-06T16:00'), to: ny('2026-06-01T00:00') };
    const posts = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'classes', leadsMinutes: [60] }), sub({ kind: 'deadlines', leadsMinutes: [1440] })],
      after,
    );
    expect(posts).toEqual([]);
  });

  it('counts class lead times across the DST change in the course’s wall-clock time', () => {
    const posts = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'classes', leadsMinutes: [60] }), noPresenterDefault],
      all,
    );
    // 14:30 local before and after Nov 2: the offset changes from -04:00 to -05:00.
    expect(posts.map((p) => p.at)).toEqual([
      '2025-10-28T14:30:00-04:00',
      '2025-10-30T14:30:00-04:00',
      '2025-11-04T14:30:00-05:00',
      '2025-11-06T14:30:00-05:00',
    ]);
    // A lead in days is calendar days: a week before 15:30 EST is 15:30 EDT, not 16:30 (168 hours).
    const week = derivePersonalDms(
      dmPlan(),
      COURSE,
      [sub({ kind: 'classes', leadsMinutes: [7 * 1440] }), noPresenterDefault],
      all,
    );
    expect(week.find((p) => p.reminders[0]!.key.includes('class-18'))?.at).toBe('2025-10-28T15:30:00-04:00');
  });

  it('reminds roster presenters 7 days and 1 day before by default, and not once they turned it off', () => {
    const posts = derivePersonalDms(dmPlan(), COURSE, [], all);
    expect(posts.map((p) => [p.channel, p.at])).toEqual([
      ['U0MS00003', '2025-10-30T15:30:00-04:00'],
      ['U0MS00003', '2025-11-05T15:30:00-05:00'],
    ]);
    expect(JSON.stringify(posts[0]!.content)).toContain('DeepSeek-v3');
    expect(derivePersonalDms(dmPlan(), COURSE, [noPresenterDefault], all)).toEqual([]);
  });

  it('keeps a presenter’s quiet hours in the timezone Slack gave, without a subscription', () => {
    // A week before 15:30 EST on Nov 6 is 15:30 EDT on Oct 30, 04:30 in Tokyo: held until 08:00 there.
    const posts = derivePersonalDms(dmPlan(), COURSE, [], all, (user) =>
      user === 'U0MS00003' ? 'Asia/Tokyo' : undefined,
    );
    expect(posts.map((p) => p.at)).toEqual(['2025-10-30T19:00:00-04:00', '2025-11-05T18:00:00-05:00']);
  });

  it('gives the same keys for the same plan whatever the window', () => {
    const subs = [sub({ kind: 'deadlines', leadsMinutes: [2880, 120] }), noPresenterDefault];
    const whole = derivePersonalDms(dmPlan(), COURSE, subs, all).flatMap((p) =>
      p.reminders.map((r) => r.key),
    );
    const day = derivePersonalDms(dmPlan(), COURSE, subs, {
      from: ny('2025-10-29T00:00'),
      to: ny('2025-10-30T00:00'),
    }).flatMap((p) => p.reminders.map((r) => r.key));
    expect(day).toEqual([
      `dm:${COURSE}:U0STUDENT:deadline:hw3-due@2025-10-30:2d`,
      `dm:${COURSE}:U0STUDENT:deadline:quiz-2@2025-10-30:2d`,
    ]);
    expect(whole).toEqual(expect.arrayContaining(day));
  });
});

describe('outOfQuietHours', () => {
  it('moves 22:00–08:00 to the next 08:00 in the given zone, and leaves the day alone', () => {
    const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });
    expect(outOfQuietHours(berlin('2025-10-30T22:00'), 'Europe/Berlin').toISO()).toBe(
      berlin('2025-10-31T08:00').toISO(),
    );
    expect(outOfQuietHours(berlin('2025-10-31T07:59'), 'Europe/Berlin').toISO()).toBe(
      berlin('2025-10-31T08:00').toISO(),
    );
    expect(outOfQuietHours(berlin('2025-10-31T08:00'), 'Europe/Berlin').toISO()).toBe(
      berlin('2025-10-31T08:00').toISO(),
    );
    expect(outOfQuietHours(berlin('2025-10-31T21:59'), 'Europe/Berlin').toISO()).toBe(
      berlin('2025-10-31T21:59').toISO(),
    );
  });

  it('names the configured slash command in the footer, /schedule by default', () => {
    const subs = [sub({ kind: 'deadlines', leadsMinutes: [120] }), noPresenterDefault];
    const footer = (command?: string) =>
      JSON.stringify(derivePersonalDms(dmPlan(), COURSE, subs, all, undefined, command)[0]!.content);
    expect(footer()).toContain('/schedule remind list');
    const own = footer('/cs599');
    expect(own).toContain('/cs599 remind list');
    expect(own).toContain('/cs599 remind me off');
    expect(own).not.toContain('/schedule');
  });
});
