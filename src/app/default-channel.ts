import type { Config } from '../config/env.ts';
import type { Plan } from '../plan/schema.ts';
import { defaultChannelFor } from '../reminders/channel-for.ts';
import type { Logger } from '../util/logger.ts';
import { UserError } from '../util/user-error.ts';

/**
 * The channel for kinds the plan gives none: reminders.channels.default, else COURSEBOT_CHANNEL. In console
 * mode a name made from the course code does, since nothing is posted to Slack; Slack mode needs a real one.
 * A plan's default that overrides a different COURSEBOT_CHANNEL is logged: otherwise the setting the user
 * just made seems ignored.
 */
export function defaultChannelOf(
  config: Pick<Config, 'defaultChannel' | 'slack'>,
  plan: Plan,
  log?: Pick<Logger, 'info'>,
): string {
  const channel = defaultChannelFor(plan, config.defaultChannel);
  if (channel.source === 'plan' && config.defaultChannel && config.defaultChannel !== channel.name) {
    log?.info(
      `channel: posting to ${channel.name}, the plan's reminders.channels.default, not COURSEBOT_CHANNEL ${config.defaultChannel} (the plan wins; remove its default to use the setting)`,
    );
  }
  if (channel.source !== 'course code' || !config.slack) return channel.name;
  throw new UserError(
    'No channel for reminders: set COURSEBOT_CHANNEL (a channel ID C… or a name such as cs599) or reminders.channels.default in the plan',
  );
}
