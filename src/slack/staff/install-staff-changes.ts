import type { RevisedPlanSource } from '../../changes/revised-plan-source.ts';
import { StaffDesk } from '../../changes/staff-desk.ts';
import type { Announcer } from '../../delivery/announcer.ts';
import { FILE_AUTHOR, watchPlan, type PlanWatcher } from '../../files/watch-plan.ts';
import { revisionAnnouncementKey } from '../../storage/announcements.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/logger.ts';
import type { SlackApp } from '../create-slack-app.ts';

export interface StaffChangesOptions {
  plans: RevisedPlanSource;
  /** schedule.json, watched for edits; omit to not watch. */
  schedulePath?: string;
  instructors: readonly string[];
  clock: Clock;
  logger: Logger;
  /** Posts announcements through the outbox (the same ledger and sink as reminders). */
  announcer: Announcer;
  /** Absent in console mode: file edits are still reloaded and announced on the sink. */
  slack?: Pick<SlackApp, 'attachStaffDesk'>;
  previewMinutes?: number;
  debounceMs?: number;
  /** The slash command (COURSEBOT_COMMAND), named in the staff's hints. */
  command?: string;
}

export interface StaffChanges {
  desk: StaffDesk;
  /** Gives a Slack app created later (before it starts) this desk for its staff words and buttons. */
  attachSlack(slack: Pick<SlackApp, 'attachStaffDesk'>): void;
  stop(): Promise<void>;
}

/**
 * Everything staff changes need in the running bot: the `/schedule` staff words and their buttons, and the
 * reload of schedule.json on edit, both announcing through the outbox. Call before the Slack app starts.
 */
export async function installStaffChanges(options: StaffChangesOptions): Promise<StaffChanges> {
  const { plans, logger, announcer } = options;
  // A confirmed revision's announcement is already queued with it: this only sends it now if it can.
  const announce = (revisionId: number) => announcer.announce(revisionAnnouncementKey(revisionId));
  const desk = new StaffDesk({
    source: plans,
    instructors: options.instructors,
    log: logger,
    previewMinutes: options.previewMinutes,
    command: options.command,
  });
  // The Slack app binds the staff words and buttons itself, per course; its one course gets this desk.
  const attachSlack = (slack: Pick<SlackApp, 'attachStaffDesk'>) => slack.attachStaffDesk?.(desk, announce);
  if (options.slack) attachSlack(options.slack);
  let watcher: PlanWatcher | undefined;
  if (options.schedulePath) {
    const path = options.schedulePath;
    // An edit made while the bot was stopped: recorded and queued now, posted by the first tick (Slack is not
    // connected yet), exactly like one seen while running.
    try {
      const atStart = plans.adoptFile(FILE_AUTHOR, options.clock.now());
      if (atStart.announcement)
        logger.info(`${path} was edited while the bot was stopped: the changes are announced`);
    } catch (error) {
      // The plan is still served; only the record (and so an offline edit's announcement) is missing.
      logger.error(
        `recording ${path} in the database failed, so edits made while stopped are not announced: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    watcher = await watchPlan({
      path,
      source: plans,
      log: logger,
      debounceMs: options.debounceMs,
      now: () => options.clock.now(),
      announce: async (revisionId) => {
        const status = await announcer.announce(revisionAnnouncementKey(revisionId));
        if (status.state === 'failed')
          logger.error(`announcing the edit of ${path} failed: ${status.reason}`);
      },
    });
  }
  return {
    desk,
    attachSlack,
    async stop() {
      await watcher?.close();
    },
  };
}
