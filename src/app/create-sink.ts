import type { Config } from '../config/env.ts';
import { ConsoleSink } from '../delivery/console-sink.ts';
import type { Sink } from '../delivery/sink.ts';
import type { Logger } from '../util/logger.ts';
import { UserError } from '../util/user-error.ts';

export interface SinkDeps {
  logger: Logger;
  /** Where console mode prints posts (stdout by default). */
  write?: (text: string) => void;
}

/** Where posts go: the console when no Slack tokens are configured. The one place to add destinations. */
export function createSink(config: Config, deps: SinkDeps): Sink {
  if (!config.slack) return new ConsoleSink(deps.write);
  throw new UserError(
    'Slack tokens are set, but this version of `coursebot start` only runs in console mode: unset SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see .env.example) to print reminders here',
  );
}

/** The line the start summary shows for the sink's mode. */
export function describeMode(config: Config): string {
  return config.slack
    ? `Slack mode (${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.slack.port}`})`
    : 'Console mode: no Slack tokens configured, posts are printed here — see README to connect Slack.';
}
