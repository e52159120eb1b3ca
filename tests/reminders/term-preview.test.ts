import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../src/plan/local-date.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { formatPostText } from '../../src/reminders/format-preview.ts';
import { termPreviewRange, windowOfDays } from '../../src/reminders/preview-range.ts';
import { fixturePlan, ZONE } from './load-plan.ts';

const plan = fixturePlan();
const range = termPreviewRange(plan)!;
const posts = derivePosts(plan, windowOfDays(range, ZONE), { defaultChannel: '#cs599' });
const keyed = new Map(posts.flatMap((p) => p.reminders.map((r) => [r.key, p] as const)));

/** The local day and time a key was posted at, e.g. "2025-10-28 09:00". */
const postedAt = (key: string): string | undefined => keyed.get(key)?.at.slice(0, 16).replace('T', ' ');

describe('the whole term of the course plan', () => {
  it('previews as pinned (review changes to the snapshot like code)', async () => {
    const text = posts.map((p) => formatPostText(p, ZONE)).join('\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot('./__snapshots__/term-preview.txt');
  });

  it('runs from a week before the first class to the day after the last day', () => {
    expect(range).toEqual({ from: '2025-08-26', to: '2025-12-10' });
    expect(posts.length).toBeGreaterThan(60);
    const ats = posts.map((p) => Date.parse(p.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
  });

  it('posts the morning of every class, and reading heads-ups two days before', () => {
    const held = plan.sessions.filter((s) => s.number !== null && !s.noClass);
    expect(held).toHaveLength(27);
    for (const s of held) {
      expect(postedAt(`class-day:class-${s.number}@${s.date}`), `class ${s.number}`).toBe(`${s.date} 08:00`);
      if (s.readings.length > 0) {
        expect(postedAt(`readings:class-${s.number}@${s.date}:2d`)).toBe(`${addDays(s.date, -2)} 09:00`);
      } else
        expect(
          posts.some((p) => p.reminders.some((r) => r.key.startsWith(`readings:class-${s.number}@`))),
        ).toBe(false);
    }
  });

  it('announces every homework release, deadline, presentation and day without class', () => {
    for (const e of plan.events.filter((e) => e.kind === 'homework-release')) {
      expect(postedAt(`homework:${e.id}@${e.date}`)).toBe(`${e.date} 09:00`);
    }
    const deadlines = plan.events.filter((e) => e.kind === 'deadline');
    expect(deadlines).toHaveLength(3);
    for (const e of deadlines) {
      for (const lead of [7, 2, 1, 0]) {
        expect(postedAt(`deadline:${e.id}@${e.date}:${lead}d`), `${e.id} ${lead}d`).toBe(
          `${addDays(e.date, -lead)} 09:00`,
        );
      }
    }
    const presenting = plan.sessions.filter((s) => s.presentations.length > 0);
    expect(presenting).toHaveLength(8);
    for (const s of presenting) {
      for (const lead of [7, 1]) {
        expect(postedAt(`presentation:class-${s.number}@${s.date}:${lead}d`)).toBe(
          `${addDays(s.date, -lead)} 09:00`,
        );
      }
    }
    for (const s of plan.sessions.filter((s) => s.noClass)) {
      expect(postedAt(`no-class:${s.date}:1d`)).toBe(`${addDays(s.date, -1)} 09:00`);
    }
  });

  it('sends the week ahead every Sunday of the term, and never an empty one', () => {
    const weekly = posts.filter((p) => p.reminders.some((r) => r.kind === 'weekly'));
    expect(weekly.map((p) => p.at.slice(0, 10))).toEqual(
      Array.from({ length: 15 }, (_, i) => addDays('2025-08-31', 7 * i)),
    );
    for (const p of weekly) expect(weekdayOf(p.at.slice(0, 10))).toBe(7);
    // The Sunday after the last class has nothing ahead of it.
    expect(keyed.has('weekly:2025-12-14')).toBe(false);
  });

  it('never carries two posts for one channel and time', () => {
    const slots = posts.map((p) => `${p.at} ${p.channel}`);
    expect(new Set(slots).size).toBe(slots.length);
    const keys = posts.flatMap((p) => p.reminders.map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
