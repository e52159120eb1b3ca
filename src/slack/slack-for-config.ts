import type { Config } from '../config/env.ts';
import type { HttpRoute } from '../http/calendar-route.ts';
import type { Deployment } from '../deployment/deployment.ts';
import { ask } from '../queries/ask.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import type { ConfirmationStore } from '../changes/confirmations.ts';
import type { SlackDeliveries } from './listeners/slack-deliveries.ts';
import { createSlackApp, type SlackApp } from './create-slack-app.ts';

export interface SlackRuntimeDeps {
  /** The courses served (the composition root passes a lateDeployment: the app is built before them). */
  deployment: Deployment;
  clock: Clock;
  logger: Logger;
  /** HTTP routes besides /healthz (the calendar feed). */
  routes?: readonly HttpRoute[];
  /** Where Slack's deliveries are recorded when several instances share the store; in memory without. */
  deliveries?: SlackDeliveries;
  /** Where previews await Confirm (the store), so any instance may confirm them. */
  confirmations: ConfirmationStore;
}

/**
 * The Slack front end the composition root starts when Slack settings are present (undefined in console
 * mode): `/schedule` answers from the same courses and clock the reminders use, and the sink they post with.
 */
export function slackForConfig(config: Config, deps: SlackRuntimeDeps): SlackApp | undefined {
  if (!config.slack) return undefined;
  return createSlackApp({
    settings: config.slack,
    deployment: deps.deployment,
    clock: deps.clock,
    ask,
    log: deps.logger,
    logLevel: config.logLevel,
    command: config.command,
    routes: deps.routes,
    confirmations: deps.confirmations,
    ...(deps.deliveries ? { deliveries: deps.deliveries } : {}),
  });
}
