import type { Config } from '../config/env.ts';
import type { HttpRoute } from '../http/calendar-route.ts';
import type { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import { singleCourseDeployment } from '../courses/single-course-deployment.ts';
import type { Course, Deployment } from '../deployment/deployment.ts';
import type { Plan } from '../plan/schema.ts';
import { ask } from '../queries/ask.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import { createSlackApp, type SlackApp } from './create-slack-app.ts';

export interface SlackRuntimeDeps {
  plans: RevisedPlanSource;
  clock: Clock;
  logger: Logger;
  /** COURSEBOT_CHANNEL or the plan's default: where kinds without their own channel go. */
  defaultChannel: string;
  /** HTTP routes besides /healthz (the calendar feed). */
  routes?: readonly HttpRoute[];
  /** The courses served (see lateDeployment); without it, today's one course from `plans` and COURSEBOT_INSTRUCTORS. */
  deployment?: Deployment;
  /** The course the Home tab serves: its Confirm and Cancel buttons carry no course id. */
  homeCourse?: () => Course | undefined;
}

/**
 * The Slack front end the composition root starts when Slack settings are present (undefined in console
 * mode): `/schedule` answers from the same plan and clock the reminders use, and the sink they post with.
 */
export function slackForConfig(config: Config, deps: SlackRuntimeDeps): SlackApp | undefined {
  if (!config.slack) return undefined;
  const channels = () => reminderChannels(deps.plans.current(), deps.defaultChannel);
  // Today's environment is a deployment of one course; COURSEBOT_COURSES brings the runtime of many.
  const deployment =
    deps.deployment ??
    singleCourseDeployment({
      plans: deps.plans,
      staff: config.instructors,
      channels,
      source: { kind: 'file', path: config.schedulePath },
      log: deps.logger,
      command: config.command,
    });
  return createSlackApp({
    settings: config.slack,
    deployment,
    clock: deps.clock,
    ask,
    log: deps.logger,
    logLevel: config.logLevel,
    command: config.command,
    ...(deps.deployment ? {} : { channels }),
    routes: deps.routes,
    ...(deps.homeCourse ? { courseOfBareButton: deps.homeCourse } : {}),
  });
}

/** Every channel the plan's reminders and announcements may go to. */
export function reminderChannels(plan: Plan, defaultChannel: string): string[] {
  const configured = Object.values(plan.reminders.channels).filter((c): c is string => !!c);
  return [...new Set([defaultChannel, ...configured])];
}
