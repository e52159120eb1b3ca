import type { RevisedPlanSource } from '../../changes/revised-plan-source.ts';
import { StaffDesk } from '../../changes/staff-desk.ts';
import type { Content } from '../../content/content.ts';
import type { Sink } from '../../delivery/sink.ts';
import { watchPlan, type PlanWatcher } from '../../files/watch-plan.ts';
import type { Plan } from '../../plan/schema.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/logger.ts';
import type { SlackApp } from '../create-slack-app.ts';
import { registerStaffActions, registerStaffCommands, type StaffSlackDeps } from './staff-commands.ts';

export interface StaffChangesOptions {
  plans: RevisedPlanSource;
  /** schedule.json, watched for edits; omit to not watch. */
  schedulePath?: string;
  instructors: readonly string[];
  clock: Clock;
  logger: Logger;
  /** Where announcements go (the same sink as reminders). */
  sink: Sink;
  /** COURSEBOT_CHANNEL or the plan's default. */
  defaultChannel: string;
  /** Absent in console mode: file edits are still reloaded and announced on the sink. */
  slack?: Pick<SlackApp, 'app' | 'commands'>;
  previewMinutes?: number;
  debounceMs?: number;
}

/** The channel for announcements of changes: reminders.channels.changes, else the default. */
export function changesChannel(plan: Plan, defaultChannel: string): string {
  return plan.reminders.channels.changes ?? plan.reminders.channels.default ?? defaultChannel;
}

export interface StaffChanges {
  desk: StaffDesk;
  /** Adds the staff words and buttons to a Slack app created later (before it starts). */
  attachSlack(slack: Pick<SlackApp, 'app' | 'commands'>): void;
  stop(): Promise<void>;
}

/**
 * Everything staff changes need in the running bot: the `/schedule` staff words and their buttons, and the
 * reload of schedule.json on edit, both announcing through the sink. Call before the Slack app starts.
 */
export async function installStaffChanges(options: StaffChangesOptions): Promise<StaffChanges> {
  const { plans, logger, sink } = options;
  const announce: StaffSlackDeps['announce'] = async (content: Content, key: string) => {
    const channel = changesChannel(plans.current(), options.defaultChannel);
    const at = options.clock.now().setZone(plans.current().course.timezone).toISO()!;
    const result = await sink.send({ channel, at, content, keys: [key] });
    if (result.ok) return { ok: true, channel };
    return { ok: false, reason: result.fix ? `${result.reason}: ${result.fix}` : result.reason };
  };
  const desk = new StaffDesk({
    source: plans,
    instructors: options.instructors,
    log: logger,
    previewMinutes: options.previewMinutes,
  });
  const attachSlack = (slack: Pick<SlackApp, 'app' | 'commands'>) => {
    const deps: StaffSlackDeps = { desk, clock: options.clock, announce, log: logger };
    registerStaffCommands(slack.commands, deps);
    registerStaffActions(slack.app, deps);
  };
  if (options.slack) attachSlack(options.slack);
  let watcher: PlanWatcher | undefined;
  if (options.schedulePath) {
    let reloads = 0;
    watcher = await watchPlan({
      path: options.schedulePath,
      source: plans,
      log: logger,
      debounceMs: options.debounceMs,
      announce: async (content) => {
        const posted = await announce(content, `reload:${options.clock.now().toMillis()}:${++reloads}`);
        if (!posted.ok)
          logger.error(`announcing the edit of ${options.schedulePath} failed: ${posted.reason}`);
      },
    });
  }
  return {
    desk,
    attachSlack,
    async stop() {
      await watcher?.close();
    },
  };
}
