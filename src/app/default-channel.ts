import type { Config } from '../config/env.ts';
import type { Plan } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';

/**
 * The channel for kinds the plan's policy gives none: COURSEBOT_CHANNEL, else reminders.channels.default.
 * In console mode a name made from the course code (#cs599e1) does, since nothing is posted to Slack.
 */
export function defaultChannelOf(config: Config, plan: Plan): string {
  const configured = config.defaultChannel ?? plan.reminders.channels.default;
  if (configured) return configured;
  if (!config.slack) return `#${plan.course.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;
  throw new UserError(
    'No channel for reminders: set COURSEBOT_CHANNEL (a channel ID C… or #name) or reminders.channels.default in the plan',
  );
}
