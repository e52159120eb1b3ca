import type { Content } from '../content/content.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { DatabaseRetry } from '../storage/sql/retry.ts';
import type { SqlStore } from '../storage/sql/sql-store.ts';
import { openSqlAnnouncements, queueSqlAnnouncement } from '../storage/sql/tables/sql-announcements.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';
import { reloadAnnouncementKey, type Announcement } from './announcement.ts';
import type { Clock } from '../util/clock.ts';
import { silentLogger, type Logger } from '../util/logger.ts';
import { changesChannel, decideAnnouncement } from './decide-announcement.ts';
import { confirmPosted } from './confirm-posted.ts';
import { emptyReport, type DeliveryReport } from './delivery-report.ts';
import { describe, sendThroughOutbox, type OutboxDeps } from './send-post.ts';
import type { Sink } from './sink.ts';

export interface AnnouncerOptions {
  /** Where the announcements are queued (the ledger records what became of them). */
  sql: SqlStore;
  /** The store's retry: every read and transaction of the queue is run again while the database is away. */
  retry: Pick<DatabaseRetry, 'run'>;
  ledger: SqlLedger;
  sink: Sink;
  plans: PlanSource;
  clock: Clock;
  /** COURSEBOT_CHANNEL or the plan's default, for a plan naming no changes channel. */
  defaultChannel: string;
  logger?: Logger;
  /** Not posted by then, an announcement is old news: recorded skipped. */
  usefulForMs?: number;
}

/** What became of one announcement: posted, failed for good (with why), or still queued (with the last why). */
export type AnnounceStatus =
  | { state: 'posted'; channel: string }
  | { state: 'failed'; channel: string; reason: string }
  | { state: 'queued'; channel: string; reason?: string };

/**
 * Posts the queued announcements through the same outbox as reminders (intent, send, result in the ledger;
 * retries with backoff; a lookup before any resend), in the order they were queued. Passes never overlap,
 * so the tick and a confirmation sending at once cannot both send one announcement.
 */
export class Announcer {
  private readonly outbox: OutboxDeps;
  private readonly fixes = new Map<string, string>();
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AnnouncerOptions) {
    const { sink } = options;
    const clock = { now: () => options.clock.now().setZone(options.plans.current().course.timezone) };
    // The ledger keeps a failure's reason; its fix is kept here to tell the staff member who confirmed.
    const remembering: Sink = {
      name: sink.name,
      canConfirm: sink.canConfirm,
      findPosted: (channel, keys, since) => sink.findPosted(channel, keys, since),
      send: async (message) => {
        const result = await sink.send(message);
        if (!result.ok && result.fix) this.fixes.set(message.keys[0]!, result.fix);
        return result;
      },
    };
    const logger = options.logger ?? silentLogger;
    this.outbox = { ledger: options.ledger, sink: remembering, clock, logger };
  }

  /** Queues the announcement of a reload of schedule.json; unique by time and content. */
  async queueReload(content: Content): Promise<string> {
    const { sql, retry, ledger } = this.options;
    const now = this.outbox.clock.now();
    const key = reloadAnnouncementKey(now.toMillis(), content);
    const announcement = { key, content, createdAt: now.toISO()! };
    await retry.run(() => queueSqlAnnouncement(sql, announcement, ledger.courseId));
    return key;
  }

  /** Sends what is due now, then tells what became of `key`. */
  async announce(key: string): Promise<AnnounceStatus> {
    await this.flush();
    const channel = this.channel();
    const row = (await this.options.ledger.rows([key])).get(key);
    if (row?.state === 'posted') return { state: 'posted', channel: row.channel };
    if (row?.state === 'failed' && row.nextAttemptAt === null) {
      const fix = this.fixes.get(key);
      return { state: 'failed', channel: row.channel, reason: `${row.reason}${fix ? `: ${fix}` : ''}` };
    }
    return {
      state: 'queued',
      channel: row?.channel ?? channel,
      ...(row?.reason ? { reason: row.reason } : {}),
    };
  }

  /** One pass over the open announcements; called by every reminder tick. */
  flush(): Promise<DeliveryReport> {
    const pass = this.running.then(() => this.pass());
    this.running = pass.catch(() => {});
    return pass;
  }

  private async pass(): Promise<DeliveryReport> {
    const report = emptyReport();
    let held = false;
    for (const announcement of await this.open()) {
      if (held) {
        report.deferred++;
        continue;
      }
      const outcome = await this.handle(announcement);
      if (outcome !== 'waiting') report[outcome]++;
      // Anything not settled holds the later ones back: they are posted in order, or not yet.
      held = outcome !== 'posted' && outcome !== 'failed' && outcome !== 'skipped';
    }
    return report;
  }

  private async handle(a: Announcement): Promise<keyof DeliveryReport | 'waiting'> {
    const { ledger, clock, logger } = this.outbox;
    const usefulForMs = this.options.usefulForMs ?? 24 * 3600_000;
    const rowOf = async () => (await ledger.rows([a.key])).get(a.key);
    let step = decideAnnouncement(a, await rowOf(), clock.now(), usefulForMs);
    if (step.do === 'confirm') {
      await confirmPosted(this.outbox, [step.row], 'earlier attempt unconfirmed');
      step = decideAnnouncement(a, await rowOf(), clock.now(), usefulForMs);
    }
    const post = { channel: step.channel ?? this.channel(), at: a.createdAt };
    switch (step.do) {
      case 'nothing':
        return 'posted';
      case 'wait':
        return 'waiting';
      case 'confirm':
        return 'unconfirmed';
      case 'skip':
        await ledger.markSkipped(post, [a.key], step.reason, clock.now());
        logger.warn(`skipped ${describe(post, [a.key])}: ${step.reason}`);
        return 'skipped';
      case 'send': {
        const outcome = await sendThroughOutbox(this.outbox, post, [a.key], a.content);
        if (outcome === 'taken') return 'waiting';
        return outcome === 'retry' ? 'retrying' : outcome;
      }
    }
  }

  /** The course's announcements the ledger has not settled, in the order they were queued. */
  open(): Promise<Announcement[]> {
    const { sql, retry, ledger } = this.options;
    return retry.run(() => openSqlAnnouncements(sql, ledger.courseId));
  }

  private channel(): string {
    return changesChannel(this.options.plans.current(), this.options.defaultChannel);
  }
}
