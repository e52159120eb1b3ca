import type { Config } from '../config/env.ts';
import type { Plan } from '../plan/schema.ts';
import { defaultChannelFor } from '../reminders/channel-for.ts';
import { UserError } from '../util/user-error.ts';

/**
 * The channel for kinds the plan gives none: reminders.channels.default, else COURSEBOT_CHANNEL. In console
 * mode a name made from the course code does, since nothing is posted to Slack; Slack mode needs a real one.
 */
export function defaultChannelOf(config: Config, plan: Plan): string {
  const channel = defaultChannelFor(plan, config.defaultChannel);
  if (channel.source !== 'course code' || !config.slack) return channel.name;
  throw new UserError(
    'No channel for reminders: set COURSEBOT_CHANNEL (a channel ID C… or #name) or reminders.channels.default in the plan',
  );
}
