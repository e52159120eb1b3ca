/**
 * Shared set-up for the Slack tests: a posting client, directory and sink pointed at the fake, and a
 * logger that keeps its lines for assertions.
 */
import { webApi } from '@slack/bolt';
import type { Content } from '../../src/content/content.ts';
import type { Logger } from '../../src/util/logger.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';

export const BOT_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-test-token';
export const SIGNING_SECRET = 'test-signing-secret';

export function postingClient(fake: FakeSlack): webApi.WebClient {
  return new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export function sinkFor(fake: FakeSlack, options: { intervalMs?: number } = {}) {
  const client = postingClient(fake);
  const directory = new ChannelDirectory(client);
  const sink = new SlackSink({
    client,
    directory,
    botId: () => fake.state.identity.botId,
    pacer: new ChannelPacer(options.intervalMs ?? 1000),
  });
  return { client, directory, sink };
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
}

export const textContent = (text: string): Content => ({
  blocks: [{ kind: 'section', lines: [[text]] }],
});
