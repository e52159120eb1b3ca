// A database written by the release before courses (its migrations only, its rows as that release wrote
// them) started as a one-course deployment: the same summary as before, nothing posted again, the recorded
// change kept, and its rows adopted by the course.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { parseConfig } from '../../src/config/env.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { coursesMigration } from '../../src/storage/courses-migration.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { migrations } from '../../src/storage/migrations.ts';
import { revisionLogOver } from '../support/revised-plan.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/logger.ts';

const ZONE = 'America/New_York';
const planText = JSON.stringify({
  course: { code: 'CS 1', title: 'Crash course', timezone: ZONE, term: 'Fall 2025' },
  sessions: [1, 2, 3].map((n) => ({ number: n, date: `2025-11-0${2 * n + 1}`, topic: `Topic ${n}` })),
  reminders: { classDay: { enabled: true, time: '08:00' }, weeklyDigest: { enabled: false } },
});
const plan = (() => {
  const parsed = parsePlanText(planText);
  if (!parsed.ok) throw new Error('bad plan');
  return parsed.plan;
})();
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const CLASS_1 = at('2025-11-03T08:00');
const NOW = at('2025-11-03T08:00:30');

let dir: string;
let app: RunningApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-legacy-'));
  writeFileSync(join(dir, 'schedule.json'), planText);
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What the release before courses left after posting Class 1 at 08:00 and recording "cancel 3" (announced):
 * the schema of its migrations and rows in its columns. The revision is made by today's code in a scratch
 * database and copied over column by column, as the old release wrote them.
 */
async function writeLegacyDatabase(path: string): Promise<void> {
  const old = openDatabase(path, migrations.slice(0, migrations.indexOf(coursesMigration)));
  const scratch = openDatabase(':memory:');
  const source = await RevisedPlanSource.open(plan, await revisionLogOver(scratch));
  // As the old bot did on its first start: the file recorded, then the staff's change.
  await source.adoptFile('schedule.json', at('2025-11-01T12:00'));
  const change = { kind: 'cancel', number: 3, date: '2025-11-07', reason: 'snow', shift: false } as const;
  const done = await source.commit(change, 'U0PROF', at('2025-11-02T12:00'), source.version);
  expect(done.ok).toBe(true);
  for (const row of scratch.prepare('SELECT * FROM revisions').all() as Record<string, unknown>[]) {
    old
      .prepare(
        'INSERT INTO revisions (id, author, created_at, kind, change, summary, before_plan, after_plan, undone_of) VALUES (@id, @author, @created_at, @kind, @change, @summary, @before_plan, @after_plan, @undone_of)',
      )
      .run(row);
  }
  const insertRow = old.prepare(
    "INSERT INTO ledger (key, channel, due_at, state, ts, attempts, updated_at) VALUES (?, ?, ?, 'posted', ?, 1, ?)",
  );
  for (const a of scratch.prepare('SELECT key, content, created_at FROM announcements').all() as {
    key: string;
    content: string;
    created_at: string;
  }[]) {
    old
      .prepare('INSERT INTO announcements (key, content, created_at) VALUES (?, ?, ?)')
      .run(a.key, a.content, a.created_at);
    insertRow.run(a.key, '#crash', a.created_at, 'console', a.created_at);
  }
  const [post] = derivePosts(
    source.current(),
    { from: CLASS_1, to: CLASS_1.plus({ minutes: 1 }) },
    {
      defaultChannel: '#crash',
    },
  );
  for (const r of post!.reminders) insertRow.run(r.key, '#crash', post!.at, 'console', CLASS_1.toISO());
  // Its watermark was just before 08:00 when it stopped: the post is due again, and recorded as posted.
  old
    .prepare("INSERT INTO meta (key, value) VALUES ('watermark', ?)")
    .run(CLASS_1.minus({ seconds: 1 }).toISO());
  scratch.close();
  old.close();
}

async function start(): Promise<{ app: RunningApp; out: string[] }> {
  const out: string[] = [];
  const config = parseConfig({
    COURSEBOT_SCHEDULE: join(dir, 'schedule.json'),
    COURSEBOT_DB: join(dir, 'bot.db'),
    COURSEBOT_CHANNEL: '#crash',
  });
  const started = await startApp({
    config,
    clock: new ManualClock(NOW),
    logger: silentLogger,
    write: (t) => out.push(t),
  });
  return { app: started, out };
}

describe('a database from the release before courses', () => {
  it('starts as a one-course deployment: same summary, no re-posts, the change kept', async () => {
    await writeLegacyDatabase(join(dir, 'bot.db'));
    const first = await start();
    app = first.app;
    await app.deployment.tick();
    const [course] = app.deployment.courses();
    expect(app.deployment.courses()).toHaveLength(1);
    expect(course!.id).toBe('cs1-fall-2025');
    const summary = first.out[0]!;
    expect(summary).toMatch(/^coursebot: CS 1 Crash course, Fall 2025/);
    expect(summary).toContain('Next post: Wed Nov 5 8:00 AM to #crash (class-day)');
    // Nothing printed after the summary: Class 1 and the announcement were posted by the old release.
    expect(first.out).toHaveLength(1);
    // The cancel is kept: Class 3 is cancelled in the effective plan, and in the history.
    const three = course!.plans.current().sessions.find((s) => s.date === '2025-11-07')!;
    expect(three.noClass).toContain('snow');
    expect((await course!.plans.history()).map((r) => r.kind)).toContain('cancel');
    // The rows are the course's now; a second start finds nothing to adopt and says the same.
    await app.stop();
    const second = await start();
    app = second.app;
    await app.deployment.tick();
    expect(second.out).toEqual([summary]);
  });
});
