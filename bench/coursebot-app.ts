/**
 * coursebot's side of the benchmark: the real Slack app from `createSlackApp`, in HTTP mode, answering
 * `/schedule` from the plan file with a clock fixed at one instant, logging warnings only (like the bare app).
 */
import { DateTime } from 'luxon';
import { loadPlanOrThrow } from '../src/files/plan-file.ts';
import { staticPlanSource } from '../src/plan/plan-source.ts';
import { ask } from '../src/queries/ask.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';
import { ManualClock } from '../src/util/clock.ts';
import { createLogger } from '../src/util/logger.ts';
import type { RunningApp, ServerSettings } from './server-settings.ts';

export async function startCoursebotApp(settings: ServerSettings): Promise<RunningApp> {
  const now = DateTime.fromISO(settings.now, { setZone: true });
  if (!now.isValid)
    throw new Error(`--now "${settings.now}" is not an ISO instant such as 2025-10-14T09:00-04:00`);
  const { plan } = loadPlanOrThrow(settings.schedulePath);
  const slack = createSlackApp({
    settings: {
      mode: 'http',
      botToken: settings.botToken,
      signingSecret: settings.signingSecret,
      port: settings.port,
      apiUrl: settings.apiUrl,
    },
    plans: staticPlanSource(plan),
    clock: new ManualClock(now),
    ask: (p, text, at) => ask(p, text, at),
    log: createLogger({ level: 'warn' }),
    logLevel: 'warn',
    host: '127.0.0.1',
  });
  await slack.start();
  return { stop: () => slack.stop() };
}
