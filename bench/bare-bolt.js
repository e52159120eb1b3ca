// The baseline process of `npm run bench:weight`: the bare Bolt app of bench/bare-app.ts (same options, a
// `/schedule` handler that acks a constant string) in plain JavaScript, so that the process holds Bolt and
// nothing else — no TypeScript loader. Settings come from the BENCH_* variables (bench/server-settings.ts).
import process from 'node:process';
import { App, LogLevel } from '@slack/bolt';

const CONSTANT_ANSWER = 'Next class: Class 9, Thu Oct 16, 2:00 PM, in CDS 801.';
const setting = (key) => {
  const value = process.env[`BENCH_${key}`];
  if (value === undefined)
    throw new Error(`BENCH_${key} is not set: start this file from bench/process-weight.ts`);
  return value;
};

const port = Number(setting('port'));
const app = new App({
  signingSecret: setting('signingSecret'),
  authorize: async () => ({
    botToken: setting('botToken'),
    botId: setting('botId'),
    botUserId: setting('botUserId'),
  }),
  convoStore: false,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: setting('apiUrl'), retryConfig: { retries: 0 }, timeout: 10_000 },
});
app.command('/schedule', async ({ ack }) => {
  await ack(CONSTANT_ANSWER);
});
await app.start({ port, host: '127.0.0.1' });
// The same line coursebot logs once it listens, so that both are awaited alike.
process.stderr.write(`bare Bolt app: HTTP on port ${port}\n`);
process.once('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
