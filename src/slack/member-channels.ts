import type { webApi } from '@slack/bolt';

/** Long enough to cover a person's burst of questions, short enough that joining a course is seen soon. */
const CACHE_MS = 5 * 60_000;
const PAGE_LIMIT = 200;
/** A person in more than 2,000 channels is asked which course; the lookup cannot keep a request waiting. */
const MAX_PAGES = 10;

/**
 * The channels a person is a member of (users.conversations with the bot token: public and private
 * channels the bot can see, paged), kept briefly per person: a `/schedule` typed outside a course channel
 * answers for their only course without one Web API call per question.
 */
export class MemberChannels {
  private readonly cache = new Map<string, { at: number; channels: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  of(userId: string): Promise<ReadonlySet<string>> {
    const now = this.nowMs();
    const cached = this.cache.get(userId);
    if (cached && now - cached.at < CACHE_MS) return cached.channels;
    const channels = this.list(userId);
    this.cache.set(userId, { at: now, channels });
    // A failed lookup is not kept: the next question tries again.
    channels.catch(() => this.cache.delete(userId));
    return channels;
  }

  private async list(userId: string): Promise<ReadonlySet<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.client.users.conversations({
        user: userId,
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: PAGE_LIMIT,
        ...(cursor ? { cursor } : {}),
      });
      for (const channel of answer.channels ?? []) if (channel.id) ids.add(channel.id);
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ids;
  }
}
