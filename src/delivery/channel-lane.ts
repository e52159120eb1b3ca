import { DateTime } from 'luxon';
import type { Post } from '../reminders/post.ts';
import { withLateNote } from './catch-up.ts';
import { decidePost, type Decision, type DecideRules } from './decide-post.ts';
import type { DeliveryReport } from './delivery-report.ts';
import type { DuePost } from './due-posts.ts';
import type { NarrowContent } from './dispatcher.ts';
import { sendThroughOutbox, type OutboxDeps } from './send-post.ts';
import { settleUnconfirmed } from './settle-unconfirmed.ts';

/**
 * A Retry-After up to this long is waited for inside the tick, so the post leaves when the destination
 * said; a longer one is left to the tick after it. Short, because the tick in flight holds up the next one.
 */
export const MAX_WAIT_IN_TICK_MS = 10_000;
/** Tries of one post within one tick: a destination that keeps refusing waits for later ticks. */
export const MAX_ATTEMPTS_IN_TICK = 3;

export interface LaneDeps {
  outbox: OutboxDeps;
  narrow?: NarrowContent;
  /** Pause between two late posts, so a catch-up never floods a channel. */
  catchUpSpacingMs: number;
  /** Waits, or less when the bot is stopping. */
  sleep: (ms: number) => Promise<void>;
  stopping: () => boolean;
  /** Records a post not worth sending any more. */
  skip: (post: Post, keys: string[], why: string, report: DeliveryReport) => Promise<void>;
}

/** What the lanes of one tick share. */
export interface LanePass {
  report: DeliveryReport;
  rules: DecideRules;
  /** The earliest post held back by a stop or an earlier waiting post: the watermark stops before it. */
  firstDeferred?: DateTime;
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * One channel's due posts, in order. A channel with a post waiting (retry, lookup) gets nothing newer
 * until it is resolved: order is kept.
 */
export async function sendChannelLane(deps: LaneDeps, lane: DuePost[], pass: LanePass): Promise<void> {
  const { outbox } = deps;
  const { report, rules } = pass;
  const defer = (post: Post) => {
    report.deferred++;
    const at = instant(post.at);
    if (!pass.firstDeferred || at < pass.firstDeferred) pass.firstDeferred = at;
  };
  let held = false;
  let sentLate = false;
  for (const { post, step } of lane) {
    if (step.do === 'nothing') continue;
    if (step.do === 'wait') {
      held = true;
      continue;
    }
    if (step.do === 'hold' || held || deps.stopping()) {
      defer(post);
      continue;
    }
    let decision: Decision = step;
    for (let attempt = 1; ; attempt++) {
      if (decision.do === 'confirm') {
        const settled = await settleUnconfirmed(outbox, post, decision.rows, outbox.clock.now(), rules);
        report.unconfirmed += settled.held;
        report.skipped += settled.skipped;
        decision = settled.decision;
      }
      if (decision.do === 'skip') {
        const keys = decision.reminders.map((r) => r.key);
        await deps.skip(post, keys, decision.reason, report);
        break;
      }
      if (decision.do !== 'send') {
        held ||= decision.do === 'wait';
        break;
      }
      if (decision.late && sentLate) {
        await deps.sleep(deps.catchUpSpacingMs);
        if (deps.stopping()) {
          defer(post);
          break;
        }
      }
      const outcome = await send(deps, post, decision, rules.zone);
      sentLate ||= decision.late;
      const keys = decision.reminders.map((r) => r.key);
      if (outcome === 'posted') report.posted += keys.length;
      if (outcome === 'failed') report.failed += keys.length;
      if (outcome === 'retry') report.retrying += keys.length;
      if (outcome !== 'retry' && outcome !== 'taken') break;
      // A destination that said when to come back (Retry-After) is tried again then, inside this tick,
      // rather than at the next tick or after the generic backoff; longer waits are left to later ticks.
      const retryAt = outcome === 'retry' ? await soonRetry(outbox, keys) : undefined;
      if (retryAt === undefined || attempt >= MAX_ATTEMPTS_IN_TICK) {
        held = true;
        break;
      }
      await deps.sleep(Math.max(0, retryAt.toMillis() - outbox.clock.now().toMillis()));
      if (deps.stopping()) {
        held = true;
        break;
      }
      // Decided as of the awaited instant at least: a timer may fire a millisecond before the clock says.
      const rows = await outbox.ledger.rows(post.reminders.map((r) => r.key));
      decision = decidePost(post, rows, DateTime.max(outbox.clock.now(), retryAt), rules);
    }
  }
}

function send(deps: LaneDeps, post: Post, decision: Extract<Decision, { do: 'send' }>, zone: string) {
  const whole = decision.reminders.length === post.reminders.length;
  let content = whole || !deps.narrow ? post.content : deps.narrow(post, decision.reminders);
  if (decision.late) content = withLateNote(content, post.at, deps.outbox.clock.now(), zone);
  const keys = decision.reminders.map((r) => r.key);
  return sendThroughOutbox(deps.outbox, post, keys, content);
}

/** When the keys' next attempt is due, when that is soon enough to wait for within a tick. */
async function soonRetry({ ledger, clock }: OutboxDeps, keys: string[]): Promise<DateTime | undefined> {
  const next = [...(await ledger.rows(keys)).values()]
    .map((row) => row.nextAttemptAt)
    .filter((at): at is string => at !== null)
    .map(instant);
  const at = next.length ? DateTime.max(...next) : undefined;
  return at && at.toMillis() - clock.now().toMillis() <= MAX_WAIT_IN_TICK_MS ? at : undefined;
}
