import type { RevisedPlanSource } from '../../changes/revised-plan-source.ts';
import { StaffDesk } from '../../changes/staff-desk.ts';
import type { Announcer } from '../../delivery/announcer.ts';
import { watchCourseFile } from '../../files/watch-course-file.ts';
import { revisionAnnouncementKey } from '../../delivery/announcement.ts';
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
  const watcher = options.schedulePath
    ? await watchCourseFile({
        path: options.schedulePath,
        plans,
        now: () => options.clock.now(),
        log: logger,
        announce,
        ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      })
    : undefined;
  return {
    desk,
    attachSlack,
    async stop() {
      await watcher?.close();
    },
  };
}
