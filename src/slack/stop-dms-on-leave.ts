import type { App } from '@slack/bolt';
import type { Logger } from '../util/logger.ts';

export interface StopDmsOnLeaveDeps {
  /** Whether a channel ID is the course's channel (COURSEBOT_CHANNEL, given by ID or by name). */
  isCourseChannel(channelId: string): Promise<boolean>;
  /** Stops every personal DM of the user in the course of that channel; how many kinds were on. */
  stop(userId: string, channelId: string): number | Promise<number>;
  log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * A student who leaves the course's channel has left the course: their personal DMs stop (a presenter's
 * too). Joining again does not turn them back on: they subscribe again if they want them.
 */
export function stopDmsOnLeave(app: App, deps: StopDmsOnLeaveDeps): void {
  app.event('member_left_channel', async ({ event }) => {
    try {
      if (!(await deps.isCourseChannel(event.channel))) return;
      const stopped = await deps.stop(event.user, event.channel);
      if (stopped)
        deps.log.info(`remind: ${event.user} left ${event.channel}: their personal reminders stopped`);
    } catch (error) {
      deps.log.warn(
        `remind: could not stop the personal reminders of ${event.user}, who left ${event.channel}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}
