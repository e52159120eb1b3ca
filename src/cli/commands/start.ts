import { Command } from 'commander';
import { startApp, type RunningApp } from '../../app/start-app.ts';
import { parseConfig, unknownSettings } from '../../config/env.ts';
import type { PlanSource } from '../../plan/plan-source.ts';
import { readPlanFile } from '../../files/plan-file.ts';
import { shiftedClock, systemClock } from '../../util/clock.ts';
import { parseInstant } from '../../util/parse-instant.ts';
import { createLogger } from '../../util/logger.ts';

interface StartOptions {
  now?: string;
  schedule?: string;
  db?: string;
}

export function startCommand(): Command {
  return new Command('start')
    .description('run the bot: post each reminder at its time (printed here when no Slack tokens are set)')
    .option('--now <instant>', 'start the clock at this ISO-8601 instant and let it run on (COURSEBOT_NOW)')
    .option('--schedule <file>', 'the plan (COURSEBOT_SCHEDULE, default ./schedule.json)')
    .option(
      '--db <file>',
      'the database (COURSEBOT_DB, default ./data/coursebot.db; with --now or COURSEBOT_NOW ./data/coursebot-demo.db)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  coursebot start',
        '  coursebot start --now 2025-10-21T07:59:30-04:00 --schedule schedule.json',
        '',
        'Each reminder is posted once, across restarts: the database records what was sent. In console mode',
        'one limit remains: a process killed in the instant between printing a post and recording it prints',
        'that post again on the next start, since the terminal cannot be asked what it showed.',
      ].join('\n'),
    )
    .action(async (options: StartOptions) => {
      // Options win over the environment; both go through the same validation.
      const config = parseConfig(process.env, options);
      const clock = config.now
        ? shiftedClock(startInstant(config.now, config.nowSource, config.schedulePath))
        : systemClock;
      // Log times are shown in the course's timezone once the plan is loaded (the machine's before).
      let plans: PlanSource | undefined;
      const zone = () => plans?.current().course.timezone;
      const logger = createLogger({ level: config.logLevel, clock, zone });
      for (const warning of unknownSettings()) logger.warn(warning);
      // Listened for before the start: a stop asked for while starting (the summary is already printed) waits
      // for the start to finish, then stops gracefully, instead of killing the bot mid-post.
      const started: { app?: RunningApp } = {};
      let stopping = false;
      const stop = (running: RunningApp) =>
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
          },
        );
      const shutdown = (signal: string) => {
        // A second signal, or a start that does not finish (Slack unreachable, say), stops at once.
        if (stopping) process.exit(1);
        stopping = true;
        logger.info(`${signal}: finishing the post in flight, then stopping`);
        if (started.app) return void stop(started.app);
        setTimeout(() => {
          logger.warn(`${signal}: still starting after ${STOP_WAIT_MS / 1000} s: stopping now`);
          process.exit(1);
        }, STOP_WAIT_MS).unref();
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      started.app = await startApp({ config, clock, logger, onPlans: (loaded) => (plans = loaded) });
      if (stopping) void stop(started.app);
    });
}

/** How long a stop asked for during the start waits for it to finish. */
const STOP_WAIT_MS = 10_000;

/**
 * COURSEBOT_NOW / --now as an instant: a time without an offset is the course's local time, as in `ask`.
 * (A plan that cannot be read is reported by the start itself; UTC serves until then.)
 */
function startInstant(text: string, source: string, schedulePath: string) {
  const plan = readPlanFile(schedulePath);
  return parseInstant(text, plan.ok ? plan.plan.course.timezone : 'utc', source);
}
