import { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Post, Reminder } from '../reminders/post.ts';
import type { Clock } from '../util/clock.ts';
import { silentLogger, type Logger } from '../util/logger.ts';
import type { Announcer } from './announcer.ts';
import { addReport, emptyReport, type DeliveryReport } from './delivery-report.ts';
import { inChannelLanes } from './in-channel-lanes.ts';
import { sendChannelLane, type LaneDeps, type LanePass } from './channel-lane.ts';
import { surveyDue, type DerivePosts, type DuePost, type DueSurvey } from './due-posts.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';
import type { LedgerRow } from './ledger-row.ts';
import { resolveInterrupted, type ResolveReport } from './resolve-interrupted.ts';
import { CATCH_UP_AFTER_JUMP_MS, ClockWatch, JUMP_AFTER_MS, spanText } from './clock-watch.ts';
import { describe, timeOf, type OutboxDeps } from './send-post.ts';
import { UserError } from '../util/user-error.ts';
import type { Sink } from './sink.ts';
import { abortableSleep } from './sleep.ts';

export type { DerivePosts } from './due-posts.ts';

/**
 * The content of a post narrowed to some of its reminders, when the others are already recorded (a plan
 * edit added a reminder to a post already sent). Without one, the whole content is sent again with only the
 * new keys: the text repeats, the ledger stays exact.
 */
export type NarrowContent = (post: Post, reminders: Reminder[]) => Content;

export interface DispatcherOptions {
  ledger: SqlLedger;
  sink: Sink;
  plans: PlanSource;
  clock: Clock;
  derive: DerivePosts;
  /** Channel for kinds the plan's policy gives none (COURSEBOT_CHANNEL). */
  defaultChannel: string;
  narrow?: NarrowContent;
  /** Queued announcements of changes, sent at the start of every tick. */
  announcer?: Announcer;
  logger?: Logger;
  /** Sent later than this after its time, a post is late: labelled, and only sent if still useful. */
  lateAfterMs?: number;
  /** Pause between two late posts, so a catch-up never floods a channel. */
  catchUpSpacingMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * A clock that only moves forward with real time (performance.now): with it, a course clock that jumps
   * forward while the bot runs is noticed and its catch-up bounded. Without it, only a clock behind the
   * stored progress is noticed.
   */
  monotonicMs?: () => number;
  /**
   * Set when the clock was set by hand, to what set it ("--now" or "COURSEBOT_NOW"): one behind the stored
   * progress is refused at start, naming it.
   */
  clockSetBy?: string;
  /** Why the store cannot be trusted now (gone, taken over), or undefined: while set, nothing is sent. */
  storeProblem?: () => string | undefined;
}

/** Channels sent to side by side in one tick; each channel's own posts still go one after the other. */
const LANES_AT_ONCE = 16;

export interface StartReport extends ResolveReport {
  /** One line for the start summary when the clock is behind the stored progress. */
  clockNote?: string;
}

/**
 * Each tick derives the posts due in [watermark, now] from the current plan and sends, in order, those the
 * ledger has not recorded; then advances the watermark. Everything it knows lives in the ledger, so a new
 * dispatcher on the same database carries on where the last one stopped.
 */
export class Dispatcher {
  private readonly outbox: OutboxDeps;
  private readonly logger: Logger;
  /** The injected clock in the course's timezone: the ledger and the log show course-local times. */
  private readonly clock: Clock;
  private readonly stopping = new AbortController();
  private readonly clockWatch: ClockWatch;

  constructor(private readonly options: DispatcherOptions) {
    this.logger = options.logger ?? silentLogger;
    this.clock = { now: () => options.clock.now().setZone(options.plans.current().course.timezone) };
    this.outbox = { ledger: options.ledger, sink: options.sink, clock: this.clock, logger: this.logger };
    this.clockWatch = new ClockWatch(options.monotonicMs);
  }

  /**
   * Before the first tick: on the very first start sets the watermark to now, so a bot started mid-term
   * posts no backlog, and checks the clock against it; with `resolve` (this instance has the course's
   * tick), resolves posts whose sender died mid-send.
   */
  async start({ resolve = true }: { resolve?: boolean } = {}): Promise<StartReport> {
    const { ledger } = this.options;
    const now = this.clock.now();
    const watermark = await ledger.watermark();
    if (!watermark) await ledger.setWatermark(now);
    let clockNote: string | undefined;
    const reading = watermark ? this.clockWatch.read(now, watermark) : undefined;
    if (watermark && reading?.kind === 'behind') {
      if (this.options.clockSetBy) {
        throw new UserError(
          `${this.options.clockSetBy} (${toSecond(now)}) is behind what this database has already handled (up to ${toSecond(watermark)}): give the demo its own COURSEBOT_DB, or a time after that`,
        );
      }
      clockNote = await this.rewind(now, watermark, reading.byMs);
    } else if (watermark && now.toMillis() - watermark.toMillis() > JUMP_AFTER_MS) {
      // Downtime and a clock set ahead look alike across a restart: the catch-up is said in the log.
      this.logger.warn(
        `the last run handled posts up to ${toSecond(watermark)}, ${spanText(now.toMillis() - watermark.toMillis())} ago: catching up on the posts due since (reminders.catchUp); if this clock is wrong, stop coursebot and fix it`,
      );
    }
    const report = resolve
      ? await resolveInterrupted(this.outbox)
      : { foundPosted: 0, toResend: 0, unknown: 0, unconfirmed: 0 };
    return clockNote ? { ...report, clockNote } : report;
  }

  /** What the next tick would do with each due post, without doing it: the start summary tells this. */
  async due(): Promise<DuePost[]> {
    return (await this.survey(this.clock.now())).posts;
  }

  /** Lets a tick in flight finish the post it is sending, then return without starting another. */
  interrupt(): void {
    this.stopping.abort();
  }

  async tick(): Promise<DeliveryReport> {
    const report = emptyReport();
    const problem = this.options.storeProblem?.();
    // The store already said why (once, in the log): sending what cannot be recorded could repeat it.
    if (problem) return report;
    await this.watchClock();
    // A send whose instance died mid-send (its lease ran out): looked up, then sent again if it is not there.
    await resolveInterrupted(this.outbox);
    // Announcements first: they say why the reminders that follow have changed.
    if (this.options.announcer && !this.stopping.signal.aborted) {
      addReport(report, await this.options.announcer.flush());
    }
    const { now, watermark, pending, rules, posts } = await this.survey(this.clock.now());
    const pass: LanePass = { report, rules };
    const lane: LaneDeps = {
      outbox: this.outbox,
      narrow: this.options.narrow,
      catchUpSpacingMs: this.options.catchUpSpacingMs ?? 1000,
      sleep: (ms) => (this.options.sleep ?? abortableSleep)(ms, this.stopping.signal),
      stopping: () => this.stopping.signal.aborted,
      skip: (post, keys, why, into) => this.skip(post, keys, why, into),
    };
    await inChannelLanes(
      posts,
      (p) => p.post.channel,
      LANES_AT_ONCE,
      (posts) => sendChannelLane(lane, posts, pass),
    );
    const firstDeferred = pass.firstDeferred;
    await this.dropOrphans(posts, pending);
    const handledUpTo = firstDeferred ? DateTime.min(now, firstDeferred.minus({ milliseconds: 1 })) : now;
    if (handledUpTo > watermark) await this.options.ledger.setWatermark(handledUpTo);
    return report;
  }

  /**
   * A clock behind the stored progress rewinds it (see rewind). A jump forward while running (the clock
   * moved far more than real time did) is logged, and only the last CATCH_UP_AFTER_JUMP_MS before the new
   * time are caught up on: a clock a week ahead sends at most that hour early, never the whole week, and
   * the rest is left unrecorded, to be sent at its time if the clock comes back.
   */
  private async watchClock(): Promise<void> {
    const { ledger } = this.options;
    const watermark = await ledger.watermark();
    if (!watermark) return;
    const now = this.clock.now();
    const reading = this.clockWatch.read(now, watermark);
    if (reading.kind === 'behind') await this.rewind(now, watermark, reading.byMs);
    if (reading.kind !== 'jumped') return;
    const from = now.minus({ milliseconds: CATCH_UP_AFTER_JUMP_MS });
    const passedOver = from > watermark;
    if (passedOver) await ledger.setWatermark(from);
    this.logger.warn(
      `the clock jumped forward by ${spanText(reading.byMs)} since the last tick (from ${toSecond(reading.lastAt)} to ${toSecond(now)})${passedOver ? `: posts due before ${toSecond(from)} are not caught up on (a clock that is wrong would send them early)` : ''}`,
    );
  }

  /**
   * The stored progress was made by a clock that was ahead: it is set back to now, and said once. The one
   * time the watermark goes back: a clock behind by less than BEHIND_TOLERANCE_MS (another instance's,
   * a little behind this one's) never gets here.
   */
  private async rewind(now: DateTime, watermark: DateTime, byMs: number): Promise<string> {
    const { ledger } = this.options;
    await ledger.rewindWatermark(now);
    const reopened = await ledger.undoFutureProgress(now, 30 * 60_000);
    const note = `The clock is ${spanText(byMs)} behind what the database has already handled (up to ${toSecond(watermark)}): it was ahead before. Posts already sent stay sent${reopened ? `; ${reopened} reminder(s) skipped by that clock will be sent at their time` : ''}.`;
    this.logger.warn(note);
    return note;
  }

  private survey(now: DateTime): Promise<DueSurvey> {
    return surveyDue({
      ledger: this.options.ledger,
      plan: this.options.plans.current(),
      now,
      derive: this.options.derive,
      defaultChannel: this.options.defaultChannel,
      lateAfterMs: this.options.lateAfterMs ?? 2 * 60_000,
    });
  }

  private async skip(post: Post, keys: string[], why: string, report: DeliveryReport): Promise<void> {
    const rows = await this.options.ledger.rows(keys);
    const lastFailure = keys.map((k) => rows.get(k)?.reason).find(Boolean);
    const reason = lastFailure ? `${why}; gave up after: ${lastFailure}` : why;
    await this.options.ledger.markSkipped(post, keys, reason, this.clock.now());
    report.skipped += keys.length;
    const line = `skipped ${describe(post, keys)}: ${reason}`;
    if (lastFailure) this.logger.warn(line);
    else this.logger.info(line);
  }

  /** A retry or lookup whose reminder the plan no longer derives (moved, cancelled) would wait forever. */
  private async dropOrphans(posts: DuePost[], pending: LedgerRow[]): Promise<void> {
    const derived = new Set(posts.flatMap((p) => p.post.reminders.map((r) => r.key)));
    for (const row of pending) {
      if (derived.has(row.key)) continue;
      const reason =
        row.state === 'sending'
          ? `no longer in the plan; ${row.reason ?? 'not confirmed'}`
          : 'no longer in the plan';
      await this.options.ledger.markSkipped(
        { channel: row.channel, at: row.dueAt },
        [row.key],
        reason,
        this.clock.now(),
      );
      this.logger.info(`skipped the retry of ${row.key} to ${row.channel}: ${reason}`);
    }
  }
}

/** An instant to the second, for a log line. */
const toSecond = (t: DateTime): string => timeOf(t.startOf('second'));
