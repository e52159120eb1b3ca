import cron, { type ScheduledTask } from 'node-cron';
import { silentLogger, type Logger } from '../util/logger.ts';

export interface Scheduler {
  /** Stops the timer, then waits for the tick in flight (if any) to finish. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** node-cron expression with seconds; every 15 seconds by default. */
  expression?: string;
  /** Also tick once right away, not at the next slot: a start catches up without waiting. */
  tickNow?: boolean;
  logger?: Logger;
}

export const EVERY_15_SECONDS = '*/15 * * * * *';

/**
 * Calls `tick` on a cron schedule, never two at once (a slow tick makes the next slot skip, not queue).
 * Missed slots (a sleeping laptop) are not replayed here: the dispatcher's watermark catches up on them.
 */
export function startScheduler(
  tick: () => Promise<unknown>,
  { expression = EVERY_15_SECONDS, tickNow = false, logger = silentLogger }: SchedulerOptions = {},
): Scheduler {
  let inFlight: Promise<void> | undefined;
  const run = async () => {
    // node-cron's noOverlap does not know about the tick started by `tickNow`.
    if (inFlight) return;
    const current = (async () => {
      try {
        await tick();
      } catch (error) {
        // One bad tick must not stop the schedule: the next one starts from the same watermark.
        logger.error(`reminder tick failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    inFlight = current;
    await current;
    if (inFlight === current) inFlight = undefined;
  };
  const task: ScheduledTask = cron.schedule(expression, run, {
    name: 'coursebot-reminders',
    noOverlap: true,
    suppressMissedWarning: true,
    logger: {
      debug: () => {},
      info: () => {},
      warn: (m) => logger.debug(`cron: ${m}`),
      error: (m) => logger.warn(`cron: ${String(m)}`),
    },
  });
  if (tickNow) void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await inFlight;
    },
  };
}
