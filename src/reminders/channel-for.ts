import type { Policy, ReminderKind } from '../plan/policy-schema.ts';

/** A kind's own channel, else the policy's default, else the deployment's (COURSEBOT_CHANNEL). */
export function channelFor(policy: Policy, kind: ReminderKind, defaultChannel: string): string {
  return policy.channels[kind] ?? policy.channels.default ?? defaultChannel;
}
