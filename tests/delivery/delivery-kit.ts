// Small fakes for the delivery tests: a plan, a derivation over a fixed list of posts, a recording sink.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Dispatcher, type DispatcherOptions, type DerivePosts } from '../../src/delivery/dispatcher.ts';
import type { Lookup, Outgoing, SendResult, Sink } from '../../src/delivery/sink.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { planSchema, type Plan } from '../../src/plan/schema.ts';
import type { Post } from '../../src/reminders/post.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { ManualClock } from '../../src/util/clock.ts';
import type { Logger } from '../../src/util/logger.ts';

export const ZONE = 'America/New_York';
export const local = (text: string): DateTime => DateTime.fromISO(text, { zone: ZONE });

export function smallPlan(sameDayOnly = true): Plan {
  return planSchema.parse({
    course: { code: 'CS 1', title: 'Test course', timezone: ZONE, term: 'Fall 2025' },
    sessions: [],
    reminders: { catchUp: { sameDayOnly } },
  });
}

/** A post of one or more reminders; each subject is a day after the post unless told. */
export function post(at: string, channel: string, keys: string[], subjectAt?: string): Post {
  const due = local(at);
  const subject = subjectAt ? local(subjectAt) : due.plus({ days: 1 });
  return {
    at: due.toISO()!,
    channel,
    reminders: keys.map((key) => ({ key, kind: 'deadline', subjectAt: subject.toISO()! })),
    content: { blocks: [{ kind: 'section', lines: keys.map((k) => [k]) }] },
  };
}

/** Derives from a fixed (mutable) list of posts, honouring the half-open window like the real one. */
export function listDerive(posts: Post[]): DerivePosts {
  return (_plan, { from, to }) =>
    posts.filter((p) => {
      const at = DateTime.fromISO(p.at);
      return at >= from && at < to;
    });
}

type SendBehaviour = (message: Outgoing) => SendResult | Promise<SendResult>;

/**
 * Records every send; its answers to send and findPosted are set by the test. It can confirm (like Slack)
 * unless told otherwise (like the console).
 */
export class RecordingSink implements Sink {
  readonly name = 'recording';
  readonly sent: Outgoing[] = [];
  readonly searched: { channel: string; keys: string[]; since: number }[] = [];
  constructor(
    public behaviour: SendBehaviour = () => ({ ok: true, ts: 'ts-1' }),
    public found: Lookup = { found: false },
    readonly canConfirm = true,
  ) {}
  async send(message: Outgoing): Promise<SendResult> {
    this.sent.push(message);
    return this.behaviour(message);
  }
  async findPosted(channel: string, keys: string[], since: number): Promise<Lookup> {
    this.searched.push({ channel, keys, since });
    return this.found;
  }
  keysSent(): string[] {
    return this.sent.flatMap((m) => m.keys);
  }
}

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug(m: string) {
    this.lines.push(`debug ${m}`);
  }
  info(m: string) {
    this.lines.push(`info ${m}`);
  }
  warn(m: string) {
    this.lines.push(`warn ${m}`);
  }
  error(m: string) {
    this.lines.push(`error ${m}`);
  }
}

/** A database file in a fresh temp folder; `cleanup` removes it. */
export function tempDatabase(): { path: string; open: () => Database; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-delivery-'));
  const path = join(dir, 'data', 'coursebot.db');
  return {
    path,
    open: () => openDatabase(path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Rig {
  dispatcher: Dispatcher;
  ledger: SqlLedger;
  clock: ManualClock;
  sink: RecordingSink;
  logger: MemoryLogger;
}

let processes = 0;

/**
 * The lease of a process started after the sends of the ones before it have run out of theirs (the send
 * lease of sqlDepsOver is a minute): what a restart after a crash finds, or another instance once the one
 * that died has been gone for a while.
 */
export const afterTheLease = (): Partial<LedgerLease> => ({ wallNow: () => Date.now() + 61_000 });

/**
 * A dispatcher over a database, as one run of the bot would build it: each rig is a process of its own
 * (its own holder of the ledger's leases), on its own connection when given one.
 */
export async function rig(
  db: Database,
  clock: ManualClock,
  posts: Post[],
  options: Partial<DispatcherOptions> & {
    sink?: RecordingSink;
    plan?: Plan;
    lease?: Partial<LedgerLease>;
  } = {},
): Promise<Rig> {
  const { lease: leaseOptions, ...dispatcherOptions } = options;
  const deps = await sqlDepsOver(db, { holder: `process-${(processes += 1)}`, ...leaseOptions });
  const ledger = new SqlLedger(deps.sql, deps.lease, undefined, deps.retry);
  const sink = options.sink ?? new RecordingSink();
  const logger = new MemoryLogger();
  const dispatcher = new Dispatcher({
    ledger,
    sink,
    clock,
    logger,
    plans: staticPlanSource(options.plan ?? smallPlan()),
    derive: listDerive(posts),
    defaultChannel: '#general',
    catchUpSpacingMs: 0,
    ...dispatcherOptions,
  });
  return { dispatcher, ledger, clock, sink, logger };
}
