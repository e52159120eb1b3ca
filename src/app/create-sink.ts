import type { Config } from '../config/env.ts';
import { ConsoleSink } from '../delivery/console-sink.ts';
import type { Sink } from '../delivery/sink.ts';
import type { Logger } from '../util/logger.ts';

export interface SinkDeps {
  logger: Logger;
  /** Where console mode prints posts (stdout by default). */
  write?: (text: string) => void;
  /** Slack mode: the Slack app, whose sink posts (src/slack/slack-for-config.ts). */
  slack?: { sink: Sink };
}

/** Where posts go: the console when no Slack tokens are configured. The one place to add destinations. */
export function createSink(config: Config, deps: SinkDeps): Sink {
  if (!config.slack) return new ConsoleSink(deps.write);
  if (deps.slack) return deps.slack.sink;
  throw new Error('Slack settings without a Slack app: pass slackForConfig(config, …) as deps.slack');
}

/** The line the start summary shows for the sink's mode. */
export function describeMode(config: Config): string {
  return config.slack
    ? `Slack mode (${config.slack.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.slack.port}`})`
    : 'Console mode: no Slack tokens configured, posts are printed here — see README to connect Slack.';
}
