import { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import type { Post, Reminder } from '../reminders/post.ts';
import type { Clock } from '../util/clock.ts';
import { silentLogger, type Logger } from '../util/logger.ts';
import { withLateNote } from './catch-up.ts';
import { decidePost } from './decide-post.ts';
import type { Ledger } from './ledger.ts';
import { resolveInterrupted, type ResolveReport } from './resolve-interrupted.ts';
import { describe, sendThroughOutbox, type OutboxDeps } from './send-post.ts';
import type { Sink } from './sink.ts';
import { abortableSleep } from './sleep.ts';

/** The pure derivation of the posts due in a window (src/reminders/derive-posts.ts). */
export type DerivePosts = (
  plan: Plan,
  window: { from: DateTime; to: DateTime },
  options: { defaultChannel: string },
) => Post[];

/**
 * The content of a post narrowed to some of its reminders, when the others are already recorded (a plan
 * edit added a reminder to a post already sent). Without one, the whole content is sent again with only the
 * new keys: the text repeats, the ledger stays exact.
 */
export type NarrowContent = (post: Post, reminders: Reminder[]) => Content;

export interface DispatcherOptions {
  ledger: Ledger;
  sink: Sink;
  plans: PlanSource;
  clock: Clock;
  derive: DerivePosts;
  /** Channel for kinds the plan's policy gives none (COURSEBOT_CHANNEL). */
  defaultChannel: string;
  narrow?: NarrowContent;
  logger?: Logger;
  /** Sent later than this after its time, a post is late: labelled, and only sent if still useful. */
  lateAfterMs?: number;
  /** Pause between two late posts, so a catch-up never floods a channel. */
  catchUpSpacingMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface TickReport {
  posted: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Posts held back: behind a failed post of the same channel, or by a stop. */
  deferred: number;
}

/**
 * Each tick derives the posts due in [watermark, now] from the current plan and sends, in order, those the
 * ledger has not recorded; then advances the watermark. Everything it knows lives in the ledger, so a new
 * dispatcher on the same database carries on where the last one stopped.
 */
export class Dispatcher {
  private readonly outbox: OutboxDeps;
  private readonly logger: Logger;
  private readonly stopping = new AbortController();

  constructor(private readonly options: DispatcherOptions) {
    this.logger = options.logger ?? silentLogger;
    this.outbox = { ledger: options.ledger, sink: options.sink, clock: options.clock, logger: this.logger };
  }

  /**
   * Before the first tick: resolves posts interrupted by a crash, and on the very first start sets the
   * watermark to now, so a bot started mid-term posts no backlog.
   */
  async start(): Promise<ResolveReport> {
    if (!this.options.ledger.watermark()) this.options.ledger.setWatermark(this.options.clock.now());
    return resolveInterrupted(this.outbox);
  }

  /** Lets a tick in flight finish the post it is sending, then return without starting another. */
  interrupt(): void {
    this.stopping.abort();
  }

  async tick(): Promise<TickReport> {
    const { ledger, clock, plans } = this.options;
    const report: TickReport = { posted: 0, retrying: 0, failed: 0, skipped: 0, deferred: 0 };
    const now = clock.now();
    const plan = plans.current();
    const watermark = ledger.watermark() ?? now;
    const pending = ledger.pendingRetries();
    // Posts waiting for a retry lie before the watermark: derive far enough back to find them again.
    const from = DateTime.min(watermark, ...pending.map((r) => DateTime.fromISO(r.dueAt, { setZone: true })));
    // The derivation's window is half-open: one millisecond more takes in a post due exactly now.
    const window = { from, to: now.plus({ milliseconds: 1 }) };
    const posts = this.options
      .derive(plan, window, { defaultChannel: this.options.defaultChannel })
      .filter((p) => instant(p.at) >= from && instant(p.at) <= now)
      .sort((a, b) => instant(a.at).toMillis() - instant(b.at).toMillis());

    const rules = {
      zone: plan.course.timezone,
      sameDayOnly: plan.reminders.catchUp.sameDayOnly,
      lateAfterMs: this.options.lateAfterMs ?? 2 * 60_000,
    };
    // A channel with a post waiting for a retry gets nothing newer until it is resolved: order is kept.
    const held = new Set<string>();
    let firstDeferred: DateTime | undefined;
    let sentLate = false;
    for (const post of posts) {
      const defer = () => {
        report.deferred++;
        firstDeferred ??= instant(post.at);
      };
      const rows = ledger.rows(post.reminders.map((r) => r.key));
      const decision = decidePost(post, rows, now, rules);
      if (decision.do === 'nothing') continue;
      if (decision.do === 'wait') {
        held.add(post.channel);
        continue;
      }
      if (held.has(post.channel) || this.stopping.signal.aborted) {
        defer();
        continue;
      }
      const keys = decision.reminders.map((r) => r.key);
      if (decision.do === 'skip') {
        const lastFailure = keys.map((k) => rows.get(k)?.reason).find(Boolean);
        const reason = lastFailure ? `${decision.reason}; gave up after: ${lastFailure}` : decision.reason;
        ledger.markSkipped(post, keys, reason, clock.now());
        report.skipped += keys.length;
        const line = `skipped ${describe(post, keys)}: ${reason}`;
        if (lastFailure) this.logger.warn(line);
        else this.logger.info(line);
        continue;
      }
      if (decision.late && sentLate) {
        await (this.options.sleep ?? abortableSleep)(
          this.options.catchUpSpacingMs ?? 1000,
          this.stopping.signal,
        );
        if (this.stopping.signal.aborted) {
          defer();
          continue;
        }
      }
      const whole = decision.reminders.length === post.reminders.length;
      let content =
        whole || !this.options.narrow ? post.content : this.options.narrow(post, decision.reminders);
      if (decision.late) content = withLateNote(content, post.at, clock.now(), rules.zone);
      const outcome = await sendThroughOutbox(this.outbox, post, keys, content);
      sentLate ||= decision.late;
      if (outcome === 'posted') report.posted += keys.length;
      if (outcome === 'failed') report.failed += keys.length;
      if (outcome === 'retry') {
        report.retrying += keys.length;
        held.add(post.channel);
      }
    }
    this.dropOrphans(posts, pending);
    const handledUpTo = firstDeferred ? DateTime.min(now, firstDeferred.minus({ milliseconds: 1 })) : now;
    if (handledUpTo > watermark) ledger.setWatermark(handledUpTo);
    return report;
  }

  /** A retry whose reminder the plan no longer derives (moved, cancelled) would otherwise wait forever. */
  private dropOrphans(posts: Post[], pending: { key: string; channel: string; dueAt: string }[]): void {
    const derived = new Set(posts.flatMap((p) => p.reminders.map((r) => r.key)));
    for (const row of pending) {
      if (derived.has(row.key)) continue;
      const reason = 'no longer in the plan';
      this.options.ledger.markSkipped(
        { channel: row.channel, at: row.dueAt },
        [row.key],
        reason,
        this.options.clock.now(),
      );
      this.logger.info(`skipped the retry of ${row.key} to ${row.channel}: ${reason}`);
    }
  }
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });
