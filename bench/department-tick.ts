/**
 * The cost of one scheduler tick with every course of the department loaded and nothing due: the
 * dispatchers of all courses, as the running bot builds them, ticked together on a clock that moves 15 s
 * per tick through a quiet afternoon. In this process, so only the tick is timed.
 */
import { DateTime } from 'luxon';
import { Dispatcher } from '../src/delivery/dispatcher.ts';
import { Ledger } from '../src/delivery/ledger.ts';
import type { Sink } from '../src/delivery/sink.ts';
import { loadPlanOrThrow } from '../src/files/plan-file.ts';
import { staticPlanSource } from '../src/plan/plan-source.ts';
import { derivePosts } from '../src/reminders/derive-posts.ts';
import { openDatabase } from '../src/storage/database.ts';
import { ManualClock } from '../src/util/clock.ts';
import { BURST_DAY, DEPARTMENT_ZONE, type DepartmentCourse } from './department-plans.ts';

export interface TickCost {
  samplesMs: number[];
  /** The first tick after the start, which looks at every course once. */
  firstMs: number;
  /** Posts sent during the measured ticks (must be 0: nothing is due). */
  sent: number;
}

/** A sink that must not be called: nothing is due in the measured window. */
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

export async function measureTick(courses: readonly DepartmentCourse[], ticks: number): Promise<TickCost> {
  // 12:00:05 to 13:00 on the burst day: nothing is due between 09:00 and the evening's deadlines.
  const clock = new ManualClock(DateTime.fromISO(`${BURST_DAY}T12:00:05`, { zone: DEPARTMENT_ZONE }));
  const sink = countingSink();
  const db = openDatabase(':memory:');
  const dispatchers = courses.map((course) => {
    const { plan } = loadPlanOrThrow(course.file);
    // One ledger per course, as keys and watermark are per course (each in its own database here).
    const ledger = course.index === 0 ? new Ledger(db) : new Ledger(openDatabase(':memory:'));
    return new Dispatcher({
      ledger,
      sink,
      plans: staticPlanSource(plan),
      clock,
      derive: derivePosts,
      defaultChannel: course.channel,
    });
  });
  for (const d of dispatchers) await d.start();
  const tickAll = async () => {
    for (const d of dispatchers) await d.tick();
  };
  // The first tick looks at every course once; the next two let the code warm up.
  clock.advance({ seconds: 15 });
  const first = performance.now();
  await tickAll();
  const firstMs = performance.now() - first;
  for (let i = 0; i < 2; i++) {
    clock.advance({ seconds: 15 });
    await tickAll();
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < ticks; i++) {
    clock.advance({ seconds: 15 });
    const started = performance.now();
    await tickAll();
    samplesMs.push(performance.now() - started);
  }
  return { samplesMs, firstMs, sent: sink.count };
}
