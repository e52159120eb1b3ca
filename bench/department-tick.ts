/**
 * The cost of one scheduler tick with every course of the department loaded and nothing due: the
 * deployment's own tick (RunningDeployment, as `coursebot start` builds it from COURSEBOT_COURSES), on a
 * database file, with a clock that moves 15 s per tick through a quiet afternoon. In this process, so only
 * the tick is timed.
 */
import { sqlDepsOver } from '../tests/support/sql-deps.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Sink } from '../src/delivery/sink.ts';
import { configuredCourses, withStoredCourses } from '../src/deployment/course-specs.ts';
import { RunningDeployment } from '../src/deployment/running-deployment.ts';
import { derivePosts } from '../src/reminders/derive-posts.ts';
import { SqlCourseStore } from '../src/storage/sql/tables/sql-courses.ts';
import { openDatabase } from '../src/storage/database.ts';
import { ManualClock } from '../src/util/clock.ts';
import { silentLogger } from '../src/util/logger.ts';
import { BURST_DAY, DEPARTMENT_ZONE } from './department-plans.ts';

export interface TickCost {
  samplesMs: number[];
  /** The first tick after the start, which looks at every course once (all of them are due to be looked at). */
  firstMs: number;
  /** Posts sent during the measured ticks (must be 0: nothing is due). */
  sent: number;
}

/** A sink that counts what it is asked to send: nothing is due in the measured window. */
function countingSink(): Sink & { count: number } {
  return {
    name: 'count',
    canConfirm: false,
    count: 0,
    async send() {
      this.count++;
      return { ok: true };
    },
    async findPosted() {
      return { found: false };
    },
  };
}

export async function measureTick(coursesPath: string, ticks: number): Promise<TickCost> {
  // From 12:00:05 on the burst day: nothing is due between the morning's posts and the evening's deadlines.
  const clock = new ManualClock(DateTime.fromISO(`${BURST_DAY}T12:00:05`, { zone: DEPARTMENT_ZONE }));
  const sink = countingSink();
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-tick-'));
  const db = openDatabase(join(dir, 'coursebot.db'));
  try {
    const deps = await sqlDepsOver(db);
    const store = new SqlCourseStore(deps.sql, deps.retry);
    const configured = configuredCourses(
      { coursesPath, schedulePath: '', defaultChannel: undefined, instructors: [] },
      silentLogger,
    );
    const deployment = await RunningDeployment.open(await withStoredCourses(configured, store), {
      ...deps,
      store,
      sink,
      clock,
      logger: silentLogger,
      derive: () => derivePosts,
      admins: [],
      openSetup: false,
      channelId: async (channel) => channel,
    });
    await deployment.start(clock.now());
    // The first tick looks at every course once; the next two let the code warm up.
    clock.advance({ seconds: 15 });
    const first = performance.now();
    await deployment.tick();
    const firstMs = performance.now() - first;
    for (let i = 0; i < 2; i++) {
      clock.advance({ seconds: 15 });
      await deployment.tick();
    }
    const samplesMs: number[] = [];
    for (let i = 0; i < ticks; i++) {
      clock.advance({ seconds: 15 });
      const started = performance.now();
      await deployment.tick();
      samplesMs.push(performance.now() - started);
    }
    await deployment.stop();
    return { samplesMs, firstMs, sent: sink.count };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
