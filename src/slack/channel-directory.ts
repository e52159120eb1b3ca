import type { webApi } from '@slack/bolt';
import type { SendFailure } from './classify-slack-error.ts';
import { classifySlackError, codeFailure } from './classify-slack-error.ts';

export interface KnownChannel {
  id: string;
  name: string;
  archived: boolean;
  member: boolean;
}

/** Pages are bounded so a huge workspace cannot keep the start busy forever (200 × 50 = 10,000 channels). */
const PAGE_LIMIT = 200;
const MAX_PAGES = 50;
/** An unknown name triggers a fresh listing at most this often (a channel created after the start). */
const RELIST_AFTER_MS = 60_000;

export const isChannelId = (channel: string): boolean => /^[CG][A-Z0-9]{2,}$/.test(channel);

/**
 * The workspace's channels as the bot sees them, listed once at the start (conversations.list, paginated)
 * so names like #cs599 resolve to IDs, and so problems (unknown, archived, bot not invited) are reported
 * before the first reminder is due.
 */
export class ChannelDirectory {
  private listing: Promise<Map<string, KnownChannel>> | undefined;
  private listedAt = -Infinity;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** The channel ID to post to. Slack itself judges membership and archiving when the post is made. */
  async idOf(channel: string): Promise<{ ok: true; id: string } | SendFailure> {
    if (isChannelId(channel)) return { ok: true, id: channel };
    let found = await this.find(channel);
    if (found === undefined && this.nowMs() - this.listedAt > RELIST_AFTER_MS) {
      this.listing = undefined;
      found = await this.find(channel);
    }
    if (found === undefined) return codeFailure('channel_not_found', channel);
    return 'ok' in found ? found : { ok: true, id: found.id };
  }

  /** One line per configured channel that cannot receive posts, with its fix; empty when all is well. */
  async problems(channels: readonly string[]): Promise<string[]> {
    const lines: string[] = [];
    for (const channel of new Set(channels)) {
      const found = await this.find(channel);
      const failure = problemOf(channel, found);
      if (!failure) continue;
      // The channel's own problem is one sentence naming it and the fix; a failed listing says what it checked.
      const listingFailed = found !== undefined && 'ok' in found;
      lines.push(
        failure.fix && !listingFailed
          ? failure.fix
          : `channel ${channel}: ${failure.reason}: ${failure.fix ?? 'will try again'}`,
      );
    }
    return lines;
  }

  private async find(channel: string): Promise<KnownChannel | SendFailure | undefined> {
    this.listing ??= this.list();
    try {
      const byKey = await this.listing;
      return byKey.get(isChannelId(channel) ? channel : channel.replace(/^#/, '').toLowerCase());
    } catch (error) {
      this.listing = undefined;
      return classifySlackError(error, channel);
    }
  }

  private async list(): Promise<Map<string, KnownChannel>> {
    this.listedAt = this.nowMs();
    const byKey = new Map<string, KnownChannel>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.client.conversations.list({
        types: 'public_channel,private_channel',
        exclude_archived: false,
        limit: PAGE_LIMIT,
        ...(cursor ? { cursor } : {}),
      });
      for (const c of answer.channels ?? []) {
        if (!c.id || !c.name) continue;
        const known = { id: c.id, name: c.name, archived: !!c.is_archived, member: !!c.is_member };
        byKey.set(c.id, known);
        // An active channel wins over an archived one that once had the same name.
        const prior = byKey.get(c.name);
        if (!prior || prior.archived) byKey.set(c.name, known);
      }
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return byKey;
  }
}

function problemOf(channel: string, found: KnownChannel | SendFailure | undefined): SendFailure | undefined {
  // A private channel's ID is not listed unless the bot is in it: only an unknown name is a certain miss.
  if (found === undefined)
    return isChannelId(channel) ? undefined : codeFailure('channel_not_found', channel);
  if ('ok' in found) return found;
  if (found.archived) return codeFailure('is_archived', `#${found.name}`);
  if (!found.member) return codeFailure('not_in_channel', `#${found.name}`);
  return undefined;
}
