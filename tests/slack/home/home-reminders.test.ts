// The Home tab's personal reminder part without Slack: what each kind shows and which buttons it gets.
import { describe, expect, it } from 'vitest';
import { homeCourse } from '../../../src/content/home-course.ts';
import { HOME_REMIND_ACTION, homeView } from '../../../src/slack/home/home-view.ts';
import { dmPlan } from '../../dms/dm-plan.ts';
import { DateTime } from 'luxon';

const COURSE = 'cs599e1-fall-2025';
const NOW = DateTime.fromISO('2025-11-02T10:00', { zone: 'America/New_York' });

type Element = { action_id: string; value: string; style?: string; text: { text: string } };
const controls = (userId: string, subscriptions = [] as Parameters<typeof homeCourse>[0]['subscriptions']) =>
  homeView([homeCourse({ courseId: COURSE, plan: dmPlan(), viewerId: userId, now: NOW, subscriptions })])
    .blocks.filter((b) => b.type === 'actions')
    .flatMap((b) => (b as { elements: Element[] }).elements)
    .filter((e) => HOME_REMIND_ACTION.test(e.action_id))
    // Every control names its course first, so a tab of several courses changes the right one.
    .map((e) => {
      expect(e.value.startsWith(`${COURSE}|`)).toBe(true);
      return { ...e, value: e.value.slice(COURSE.length + 1) };
    });

describe('personal reminders in the Home tab', () => {
  it('offers 2d, 1d and 2h per kind, marks the chosen ones, and keeps a lead time set by command', () => {
    const elements = controls('U0STUDENT', [
      { userId: 'U0STUDENT', kind: 'deadlines', leadsMinutes: [12 * 60, 2 * 60] },
    ]);
    const deadlines = elements.filter((e) => e.value.startsWith('deadlines'));
    expect(deadlines.map((e) => e.value)).toEqual([
      'deadlines 2d',
      'deadlines 1d',
      'deadlines 12h',
      'deadlines 2h',
      'deadlines off',
    ]);
    expect(deadlines.filter((e) => e.style === 'primary').map((e) => e.value)).toEqual([
      'deadlines 12h',
      'deadlines 2h',
    ]);
    // Off already: no "Turn off" button for classes; not a presenter: no presentations control.
    expect(elements.filter((e) => e.value.startsWith('classes')).map((e) => e.value)).toEqual([
      'classes 2d',
      'classes 1d',
      'classes 2h',
    ]);
    expect(elements.some((e) => e.value.startsWith('presentations'))).toBe(false);
  });

  it('gives a presenter an on/off control, on by default', () => {
    const on = controls('U0MS00003').filter((e) => e.value.startsWith('presentations'));
    expect(on.map((e) => e.value)).toEqual(['presentations off']);
    const off = controls('U0MS00003', [
      { userId: 'U0MS00003', kind: 'presentations', leadsMinutes: [] },
    ]).filter((e) => e.value.startsWith('presentations'));
    expect(off.map((e) => e.value)).toEqual(['presentations on']);
  });

  it('has no reminders part when the bot keeps no reminders (console mode)', () => {
    const course = homeCourse({ courseId: COURSE, plan: dmPlan(), viewerId: 'U0STUDENT', now: NOW });
    expect(course.reminders).toBeUndefined();
    expect(JSON.stringify(course.student)).not.toContain('Your reminders by DM');
  });
});
