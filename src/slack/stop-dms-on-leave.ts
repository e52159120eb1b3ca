import type { Logger } from '../util/logger.ts';
import type { SlackListeners } from './listeners/slack-listeners.ts';

export interface StopDmsOnLeaveDeps {
  /** Stops every personal DM of the user in the course whose channel this is; how many kinds were on (0 for a channel of no course). */
  stop(userId: string, channelId: string): number | Promise<number>;
  log: Pick<Logger, 'info'>;
}

/**
 * A student who leaves a course's channel has left that course: their personal DMs of it stop (a
 * presenter's too), and those of their other courses go on. Joining again does not turn them back on: they
 * subscribe again if they want them. Bound through the one listener binding point, so a failure (the
 * database refusing the write) is logged by its one failure handler.
 */
export function stopDmsOnLeave(listeners: SlackListeners, deps: StopDmsOnLeaveDeps): void {
  listeners.event('member_left_channel', async ({ event }) => {
    const stopped = await deps.stop(event.user, event.channel);
    if (stopped)
      deps.log.info(`remind: ${event.user} left ${event.channel}: their personal reminders stopped`);
  });
}
