import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../src/plan/local-date.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { formatPostText } from '../../src/reminders/format-preview.ts';
import { termPreviewRange, windowOfDays } from '../../src/reminders/preview-range.ts';
import { fixturePlan, planOf } from './load-plan.ts';

const SCHEDULE = fileURLToPath(new URL('../../schedule.json', import.meta.url));

/**
 * The whole term, pinned as the preview prints it: for the repository's schedule.json and for this folder's
 * fixture (which stays fixed when the course's plan is edited).
 */
const sources: { name: string; snapshot: string; plan: () => Plan }[] = [
  {
    name: 'schedule.json',
    snapshot: './__snapshots__/term-preview.txt',
    plan: () => planOf(JSON.parse(readFileSync(SCHEDULE, 'utf8'))),
  },
  {
    name: 'the reminders fixture',
    snapshot: './__snapshots__/term-preview-fixture.txt',
    plan: fixturePlan,
  },
];

describe.each(sources)('the whole term of $name', ({ snapshot, plan: load }) => {
  const plan = load();
  const zone = plan.course.timezone;
  const range = termPreviewRange(plan)!;
  const posts = derivePosts(plan, windowOfDays(range, zone), { defaultChannel: '#cs599' });
  const keyed = new Map(posts.flatMap((p) => p.reminders.map((r) => [r.key, p] as const)));
  const policy = plan.reminders;
  /** The local day and time a key was posted at, e.g. "2025-10-28 09:00". */
  const postedAt = (key: string): string | undefined => keyed.get(key)?.at.slice(0, 16).replace('T', ' ');

  it('previews as pinned (review changes to the snapshot like code)', async () => {
    const text = posts.map((p) => formatPostText(p, zone)).join('\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot(snapshot);
  });

  it('runs from a week before the first class to the day after the last day, in order', () => {
    expect(range).toEqual({ from: '2025-08-26', to: '2025-12-10' });
    const ats = posts.map((p) => Date.parse(p.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    const slots = posts.map((p) => `${p.at} ${p.channel}`);
    expect(new Set(slots).size).toBe(slots.length);
    const keys = posts.flatMap((p) => p.reminders.map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('posts the morning of every class, and reading heads-ups before it', () => {
    const held = plan.sessions.filter((s) => s.number !== null && !s.noClass);
    expect(held.length).toBeGreaterThanOrEqual(27);
    for (const s of held) {
      expect(postedAt(`class-day:class-${s.number}@${s.date}`), `class ${s.number}`).toBe(
        `${s.date} ${policy.classDay.time}`,
      );
      for (const lead of policy.readings.daysBefore) {
        const key = `readings:class-${s.number}@${s.date}:${lead}d`;
        if (s.readings.length > 0)
          expect(postedAt(key)).toBe(`${addDays(s.date, -lead)} ${policy.readings.time}`);
        else expect(keyed.has(key)).toBe(false);
      }
    }
  });

  it('announces every homework release, deadline, presentation and day without class', () => {
    const releases = plan.events.filter((e) => e.kind === 'homework-release');
    expect(releases.length).toBeGreaterThanOrEqual(2);
    for (const e of releases) expect(postedAt(`homework:${e.id}@${e.date}`)).toBe(`${e.date} 09:00`);
    const deadlines = plan.events.filter((e) => e.kind === 'deadline' || e.kind === 'exam');
    expect(deadlines.length).toBeGreaterThanOrEqual(3);
    for (const e of deadlines) {
      for (const lead of policy.deadlines.daysBefore) {
        expect(postedAt(`deadline:${e.id}@${e.date}:${lead}d`), `${e.id} ${lead}d`).toBe(
          `${addDays(e.date, -lead)} ${policy.deadlines.time}`,
        );
      }
    }
    const presenting = plan.sessions.filter((s) => s.presentations.length > 0);
    expect(presenting.length).toBeGreaterThanOrEqual(8);
    for (const s of presenting) {
      for (const lead of policy.presentations.daysBefore) {
        expect(postedAt(`presentation:class-${s.number}@${s.date}:${lead}d`)).toBe(
          `${addDays(s.date, -lead)} ${policy.presentations.time}`,
        );
      }
    }
    const noClass = plan.sessions.filter((s) => s.noClass);
    expect(noClass.map((s) => s.date)).toEqual(['2025-10-14', '2025-11-27']);
    for (const s of noClass) {
      expect(postedAt(`no-class:${s.date}:1d`)).toBe(`${addDays(s.date, -1)} ${policy.noClass.time}`);
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
});
