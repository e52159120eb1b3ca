// The weekly digest's window: a morning digest covers its own day, an evening one starts the next day, and
// consecutive digests cover consecutive weeks, across the end of daylight saving time (Sun Nov 2 2025).
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/content/render-text.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import type { Post } from '../../src/reminders/post.ts';
import { days, fixtureInput, planOf } from './load-plan.ts';

function digests(weeklyDigest: { weekday: number; time: string }, extra: object[] = []) {
  const input = fixtureInput();
  input.reminders = { weeklyDigest };
  input.events = [...(input.events ?? []), ...(extra as NonNullable<typeof input.events>)];
  const posts = derivePosts(planOf(input), days('2025-10-26', '2025-11-10'), { defaultChannel: '#cs599' });
  const weekly = (key: string): Post | undefined => posts.find((p) => p.reminders.some((r) => r.key === key));
  return (key: string) => {
    const post = weekly(key);
    return post && { at: post.at, text: renderText(post.content) };
  };
}

// Monday events around the change: date-only, before and after the digest's 08:00, and a Sunday one.
const MONDAY_EVENTS = [
  { id: 'quiz-1', kind: 'deadline', date: '2025-11-03', title: 'Quiz 1 due' },
  { id: 'lab-early', kind: 'deadline', date: '2025-11-03', time: '07:30', title: 'Early lab due' },
  { id: 'lab-late', kind: 'deadline', date: '2025-11-03', time: '09:00', title: 'Late lab due' },
  { id: 'sunday-reading', kind: 'deadline', date: '2025-11-02', title: 'Reading notes due' },
];

describe('the week a digest covers', () => {
  it('a Monday 08:00 digest covers Monday to Sunday, the posting day included, on both sides of DST', () => {
    const digest = digests({ weekday: 1, time: '08:00' }, MONDAY_EVENTS);
    const before = digest('weekly:2025-10-27')!;
    expect(before.at).toBe('2025-10-27T08:00:00-04:00');
    expect(before.text).toContain('From Mon Oct 27 to Sun Nov 2:');
    expect(before.text).toContain('Tue Oct 28: Class 16');
    // Sunday Nov 2, the day the clocks go back, is the last day of this week, not of the next.
    expect(before.text).toContain('Sun Nov 2: Reading notes due');
    expect(before.text).not.toContain('Nov 3');

    const after = digest('weekly:2025-11-03')!;
    expect(after.at).toBe('2025-11-03T08:00:00-05:00');
    expect(after.text).toContain('From Mon Nov 3 to Sun Nov 9:');
    // The day it is posted: the date-only deadline and the one still ahead at 08:00, not the one past.
    expect(after.text).toContain('Mon Nov 3: Quiz 1 due');
    expect(after.text).toContain('Mon Nov 3: Late lab due at 9:00 AM');
    expect(after.text).not.toContain('Early lab');
    expect(after.text).toContain('Tue Nov 4: Class 18');
    expect(after.text).not.toContain('Reading notes');
    expect(after.text).not.toContain('Nov 10');
  });

  it('a Sunday 18:00 digest (the default) still covers the seven days after it', () => {
    const digest = digests({ weekday: 7, time: '18:00' }, MONDAY_EVENTS);
    const sunday = digest('weekly:2025-11-02')!;
    expect(sunday.at).toBe('2025-11-02T18:00:00-05:00');
    expect(sunday.text).toContain('From Mon Nov 3 to Sun Nov 9:');
    expect(sunday.text).toContain('Mon Nov 3: Early lab due at 7:30 AM');
    expect(sunday.text).not.toContain('Reading notes');
    expect(digest('weekly:2025-10-26')!.text).toContain('Sun Nov 2: Reading notes due');
  });
});
