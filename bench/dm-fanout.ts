/**
 * Personal DMs at scale: N students (500 by default) subscribed to two deadline lead times, three deadlines
 * in one week, sent through the real dispatcher, ledger and Slack sink to the fake Slack. Time is virtual:
 * the course clock, the fake's clock and the sink's pacers share one clock, and a pacer's wait moves it on,
 * so the figure is how late the last DM of each slot leaves under coursebot's own pacing, not how fast this
 * machine is. Every DM must go out exactly once, within 2 minutes of its time.
 *
 *   node --import tsx bench/dm-fanout.ts [--students 500]
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { Dispatcher } from '../src/delivery/dispatcher.ts';
import { parsePlanText } from '../src/plan/parse-plan.ts';
import { staticPlanSource } from '../src/plan/plan-source.ts';
import type { DmSubscription } from '../src/reminders/dm-subscription.ts';
import { derivePersonalDms } from '../src/reminders/personal-dms.ts';
import { ChannelDirectory } from '../src/slack/channel-directory.ts';
import { ChannelPacer } from '../src/slack/channel-pacer.ts';
import { SlackSink } from '../src/slack/slack-sink.ts';
import { openDatabase } from '../src/storage/database.ts';
import { SqlLedger } from '../src/storage/sql/tables/sql-ledger.ts';
import { ManualClock } from '../src/util/clock.ts';
import { startFakeSlack } from '../tests/fakes/fake-slack.ts';
import { postingClient } from '../tests/slack/slack-kit.ts';
import { sqlDepsOver } from '../tests/support/sql-deps.ts';

const ZONE = 'America/New_York';
const COURSE = 'cs599e1-fall-2025';
/** The dispatcher's tick period: a DM due just after a tick waits this long for the next. */
const TICK_MS = 15_000;

export interface FanoutResult {
  students: number;
  dms: number;
  /** Reminder keys posted more than once (must be 0). */
  duplicates: number;
  /** Reminder keys derived but never posted (must be 0). */
  missing: number;
  /** The latest any DM left after its due time, under pacing, in virtual milliseconds. */
  worstDelayMs: number;
  wallMs: number;
}

export async function runFanout(students: number): Promise<FanoutResult> {
  const start = DateTime.fromISO('2025-10-24T12:00', { zone: ZONE });
  const clock = new ManualClock(start);
  const nowMs = () => clock.now().toMillis();
  const sleep = async (ms: number) => clock.advance({ seconds: ms / 1000 });
  const users = Array.from({ length: students }, (_, i) => ({
    id: `U${String(i).padStart(6, '0')}`,
    name: `student${i}`,
    tz: ZONE,
  }));
  const fake = await startFakeSlack({ users, nowMs });
  const db = openDatabase(':memory:');
  const plan = benchPlan();
  const subscriptions: DmSubscription[] = users.map((u) => ({
    userId: u.id,
    kind: 'deadlines',
    leadsMinutes: [2 * 1440, 120],
    timezone: u.tz,
  }));
  const client = postingClient(fake);
  const sink = new SlackSink({
    client,
    directory: new ChannelDirectory(client),
    botId: () => fake.state.identity.botId,
    pacer: new ChannelPacer(1000, nowMs, sleep),
    dmPacer: new ChannelPacer(120, nowMs, sleep),
  });
  const { sql, lease, retry } = await sqlDepsOver(db);
  const dispatcher = new Dispatcher({
    ledger: new SqlLedger(sql, lease, undefined, retry),
    sink,
    plans: staticPlanSource(plan),
    clock,
    derive: (p, window) => derivePersonalDms(p, COURSE, subscriptions, window),
    defaultChannel: 'C0CLASS',
  });
  const wallStart = performance.now();
  try {
    await dispatcher.start();
    const due = derivePersonalDms(plan, COURSE, subscriptions, {
      from: start,
      to: start.plus({ days: 14 }),
    });
    const dueAt = new Map(
      due.flatMap((p) => p.reminders.map((r) => [r.key, DateTime.fromISO(p.at).toMillis()])),
    );
    // The worst case for each slot: the tick comes a whole period after it.
    const slots = [...new Set(due.map((p) => DateTime.fromISO(p.at).toMillis()))].sort((a, b) => a - b);
    for (const slot of slots) {
      if (nowMs() < slot + TICK_MS) clock.set(DateTime.fromMillis(slot + TICK_MS, { zone: ZONE }));
      await dispatcher.tick();
    }
    clock.advance({ minutes: 5 });
    await dispatcher.tick();
    const posted = new Map<string, number>();
    let worstDelayMs = 0;
    for (const message of fake.messages()) {
      const keys = String(message.metadata?.event_payload?.keys ?? '')
        .split(' ')
        .filter(Boolean);
      for (const key of keys) {
        posted.set(key, (posted.get(key) ?? 0) + 1);
        const delay = Number(message.ts) * 1000 - (dueAt.get(key) ?? Infinity);
        worstDelayMs = Math.max(worstDelayMs, delay);
      }
    }
    return {
      students,
      dms: fake.messages().length,
      duplicates: [...posted.values()].filter((n) => n > 1).length,
      missing: [...dueAt.keys()].filter((k) => !posted.has(k)).length,
      worstDelayMs,
      wallMs: performance.now() - wallStart,
    };
  } finally {
    db.close();
    await fake.close();
  }
}

/** Three deadlines in one week (Mon, Wed, Fri at 23:59); with a 2d and a 2h lead, six slots of DMs. */
function benchPlan() {
  const parsed = parsePlanText(
    JSON.stringify({
      course: { code: 'CS 599 E1', title: 'Bench', timezone: ZONE, term: 'Fall 2025' },
      sessions: [
        { date: '2025-10-27', number: 1, topic: 'A' },
        { date: '2025-11-07', number: 2, topic: 'B' },
      ],
      events: [
        { id: 'hw1', kind: 'deadline', date: '2025-10-27', time: '23:59', title: 'Homework 1 due' },
        { id: 'hw2', kind: 'deadline', date: '2025-10-29', time: '23:59', title: 'Homework 2 due' },
        { id: 'hw3', kind: 'deadline', date: '2025-10-31', time: '23:59', title: 'Homework 3 due' },
      ],
    }),
  );
  if (!parsed.ok) throw new Error('bench plan is invalid');
  return parsed.plan;
}

export function fanoutReport(r: FanoutResult): string {
  const ok = r.duplicates === 0 && r.missing === 0 && r.worstDelayMs <= 120_000;
  return [
    `personal DMs: ${r.students} students × 2 lead times × 3 deadlines in one week`,
    `  ${r.dms} DMs posted, ${r.duplicates} duplicated, ${r.missing} missing`,
    `  the latest left ${(r.worstDelayMs / 1000).toFixed(1)} s after its time (target ≤ 120 s, tick every 15 s, DMs 120 ms apart)`,
    `  wall time ${(r.wallMs / 1000).toFixed(1)} s`,
    ok ? '  OK' : '  MISSED',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { students: { type: 'string', default: '500' } } });
  const result = await runFanout(Number(values.students));
  console.log(fanoutReport(result));
  process.exitCode =
    result.duplicates === 0 && result.missing === 0 && result.worstDelayMs <= 120_000 ? 0 : 1;
}
