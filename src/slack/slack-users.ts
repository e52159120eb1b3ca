import type { webApi } from '@slack/bolt';
import { classifySlackError, type SendFailure } from './classify-slack-error.ts';

/** Answers about a user that no retry changes: the DM is recorded as failed, with the reason. */
const FINAL_USER_ERRORS = new Set(['user_not_found', 'user_disabled', 'cannot_dm_bot', 'user_not_visible']);

const codeOf = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error;

/**
 * What personal reminders need to know about a user: their DM channel with the bot (conversations.open,
 * scope im:write) and their timezone (users.info, scope users:read). Both are cached per user: a DM
 * channel never changes, and a timezone is read again only when the process restarts.
 */
export class SlackUsers {
  private readonly dms = new Map<string, string>();
  private readonly zones = new Map<string, string>();

  constructor(private readonly client: webApi.WebClient) {}

  async dmChannelOf(userId: string): Promise<{ ok: true; id: string } | SendFailure> {
    const cached = this.dms.get(userId);
    if (cached) return { ok: true, id: cached };
    try {
      const answer = await this.client.conversations.open({ users: userId, return_im: false });
      const id = answer.channel?.id;
      if (!id)
        return { ok: false, permanent: false, reason: `no DM channel with ${userId} in Slack's answer` };
      this.dms.set(userId, id);
      return { ok: true, id };
    } catch (error) {
      const code = codeOf(error);
      if (code && FINAL_USER_ERRORS.has(code)) {
        return { ok: false, permanent: true, reason: `cannot DM ${userId}: ${code}` };
      }
      return classifySlackError(error, `the DM with ${userId}`);
    }
  }

  /** The zone Slack gave for the user in this run, without asking: for the derivation, which cannot wait. */
  knownTimezone(userId: string): string | undefined {
    return this.zones.get(userId);
  }

  /** The IANA zone of the user's Slack profile; undefined when Slack does not say (the caller falls back). */
  async timezoneOf(userId: string): Promise<string | undefined> {
    const cached = this.zones.get(userId);
    if (cached) return cached;
    try {
      const answer = await this.client.users.info({ user: userId });
      const tz = answer.user?.tz;
      if (!tz) return undefined;
      this.zones.set(userId, tz);
      return tz;
    } catch {
      return undefined;
    }
  }
}
