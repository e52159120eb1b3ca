import type { Policy, ReminderKind } from '../plan/policy-schema.ts';
import type { Plan } from '../plan/schema.ts';

/** A kind's own channel, else the policy's default, else the deployment's (COURSEBOT_CHANNEL). */
export function channelFor(policy: Policy, kind: ReminderKind, defaultChannel: string): string {
  return policy.channels[kind] ?? policy.channels.default ?? defaultChannel;
}

/**
 * The channel for kinds the plan gives none of their own, in the same order `channelFor` uses: the plan's
 * default, else the deployment's, else a name made from the course code (#cs599e1) — used where nothing is
 * posted to Slack (console mode, previews).
 */
export function defaultChannelFor(
  plan: Plan,
  deployment: string | undefined,
): {
  name: string;
  source: 'plan' | 'deployment' | 'course code';
} {
  if (plan.reminders.channels.default) return { name: plan.reminders.channels.default, source: 'plan' };
  if (deployment) return { name: deployment, source: 'deployment' };
  return { name: `#${plan.course.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}`, source: 'course code' };
}
