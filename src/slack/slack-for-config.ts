import type { Config } from '../config/env.ts';
import type { HttpRoute } from '../http/calendar-route.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import { courseChannels } from '../deployment/course-channels.ts';
import { ask } from '../queries/ask.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import { createSlackApp, type SlackApp } from './create-slack-app.ts';

export interface SlackRuntimeDeps {
  plans: PlanSource;
  clock: Clock;
  logger: Logger;
  /** COURSEBOT_CHANNEL or the plan's default: where kinds without their own channel go. */
  defaultChannel: string;
  /** HTTP routes besides /healthz (the calendar feed). */
  routes?: readonly HttpRoute[];
  /** Who /schedule treats as staff: the deployment's admins and the course's staff (COURSEBOT_INSTRUCTORS by default). */
  staff?: () => readonly string[];
}

/**
 * The Slack front end the composition root starts when Slack settings are present (undefined in console
 * mode): `/schedule` answers from the same plan and clock the reminders use, and the sink they post with.
 */
export function slackForConfig(config: Config, deps: SlackRuntimeDeps): SlackApp | undefined {
  if (!config.slack) return undefined;
  return createSlackApp({
    settings: config.slack,
    plans: deps.plans,
    clock: deps.clock,
    ask,
    log: deps.logger,
    logLevel: config.logLevel,
    instructors: deps.staff ? liveList(deps.staff) : config.instructors,
    command: config.command,
    channels: () => courseChannels(deps.plans.current(), deps.defaultChannel),
    routes: deps.routes,
  });
}

/**
 * A list read afresh on every use: the Slack app keeps the staff list it is given, and staff added from Slack
 * or in the plan must count at once.
 */
function liveList(read: () => readonly string[]): readonly string[] {
  return new Proxy([] as string[], {
    get: (_target, property) => Reflect.get(read(), property) as unknown,
    has: (_target, property) => Reflect.has(read(), property),
  });
}
