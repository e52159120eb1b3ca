/**
 * The baseline: a Bolt app in HTTP mode, built with the same options as coursebot's, whose `/schedule`
 * handler only acks a constant string. Whatever coursebot costs beyond this is ours.
 */
import { App, LogLevel } from '@slack/bolt';
import type { RunningApp, ServerSettings } from './server-settings.ts';

const CONSTANT_ANSWER = 'Next class: Class 9, Thu Oct 16, 2:00 PM, in CDS 801.';

export async function startBareApp(settings: ServerSettings): Promise<RunningApp> {
  const app = new App({
    signingSecret: settings.signingSecret,
    // As coursebot's app: identity supplied up front, no conversation store, warnings only.
    authorize: async () => ({
      botToken: settings.botToken,
      botId: settings.botId,
      botUserId: settings.botUserId,
    }),
    convoStore: false,
    logLevel: LogLevel.WARN,
    clientOptions: { slackApiUrl: settings.apiUrl, retryConfig: { retries: 0 }, timeout: 10_000 },
  });
  app.command('/schedule', async ({ ack }) => {
    await ack(CONSTANT_ANSWER);
  });
  await app.start({ port: settings.port, host: '127.0.0.1' });
  return { stop: () => app.stop() };
}
