import type { webApi } from '@slack/bolt';
import { renderSlack } from '../content/render-slack.ts';
import {
  LOOKUP_WINDOW_SECONDS,
  type Lookup,
  type Outgoing,
  type SendResult,
  type Sink,
} from '../delivery/sink.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import { isUserDestination } from '../reminders/personal-dms.ts';
import { ChannelPacer } from './channel-pacer.ts';
import { classifySlackError, type SendFailure } from './classify-slack-error.ts';
import { SlackUsers } from './slack-users.ts';

/** The metadata type our reminder posts carry, so a restarted bot can recognise its own posts. */
export const REMINDER_EVENT_TYPE = 'coursebot_reminder';

/** conversations.history pages read when looking for a post (Slack may cap pages at 15 messages). */
const MAX_HISTORY_PAGES = 10;

export interface SlackSinkOptions {
  /** A client without automatic retries: a retried post whose answer was lost would post twice. */
  client: webApi.WebClient;
  directory: ChannelDirectory;
  /** The bot's bot_id (from auth.test): only its own posts count as already posted. */
  botId: () => string | undefined;
  pacer?: ChannelPacer;
  /** DM channels and timezones of users (one made on the client when omitted). */
  users?: SlackUsers;
  /**
   * Personal DMs, each to its own channel, are also paced together: Slack's workspace-wide limit is what
   * bounds a fan-out to many students. 120 ms apart by default, about 500 a minute.
   */
  dmPacer?: ChannelPacer;
}

const DM_PACE = 'personal-dms';
/** What is left of a 429's hold that a send waits out rather than refuses (see heldBack). */
const HOLD_GRACE_MS = 100;

/** Posts reminders and announcements with chat.postMessage; tells a restarted dispatcher what it posted. */
export class SlackSink implements Sink {
  readonly name = 'slack';
  readonly canConfirm = true;
  private readonly pacer: ChannelPacer;
  private readonly dmPacer: ChannelPacer;
  readonly users: SlackUsers;
  /**
   * Posts whose attempt failed in a way that may have posted anyway (lost answer, 5xx, timeout), by keys,
   * with when it was tried (Slack's real time, as its ts are): the retry looks before it posts again.
   */
  private readonly uncertain = new Map<string, number>();

  constructor(private readonly options: SlackSinkOptions) {
    this.pacer = options.pacer ?? new ChannelPacer();
    this.dmPacer = options.dmPacer ?? new ChannelPacer(120);
    this.users = options.users ?? new SlackUsers(options.client);
  }

  /** A channel (ID or name) as configured, or a user ID: a personal DM goes to the user's DM channel. */
  private idOf(destination: string): Promise<{ ok: true; id: string } | SendFailure> {
    return isUserDestination(destination)
      ? this.users.dmChannelOf(destination)
      : this.options.directory.idOf(destination);
  }

  async send({ channel, content, keys }: Outgoing): Promise<SendResult> {
    const target = await this.idOf(channel);
    if (!target.ok) return target;
    const held = await this.heldBack(target.id);
    if (held) return held;
    const id = keys.join(' ');
    const triedAt = this.uncertain.get(id);
    if (triedAt !== undefined) {
      // Found: it did arrive. Not found: post. Cannot tell: never post on a guess; the caller asks later.
      const lookup = await this.findPosted(channel, keys, triedAt - LOOKUP_WINDOW_SECONDS);
      if (lookup.found === true) return { ok: true, ts: lookup.ts };
      if (lookup.found === 'unknown') {
        return {
          ok: false,
          permanent: false,
          reason: `could not confirm whether it was posted: ${lookup.reason}`,
          mayHaveArrived: true,
          ...(lookup.retryAfterMs ? { retryAfterMs: lookup.retryAfterMs } : {}),
        };
      }
    }
    const { text, blocks } = renderSlack(content);
    const post = async (): Promise<SendResult> => {
      // Another sender's 429 may have come while this one queued (several courses share the channel).
      const stillHeld = await this.heldBack(target.id);
      if (stillHeld) return stillHeld;
      const attemptAt = Math.floor(Date.now() / 1000);
      try {
        const answer = await this.options.client.chat.postMessage({
          channel: target.id,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          // Payload values must be flat strings, numbers or booleans: the keys travel as one string.
          ...(keys.length
            ? { metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { keys: id } } }
            : {}),
        });
        this.uncertain.delete(id);
        return { ok: true, ts: answer.ts };
      } catch (error) {
        const failure = classifySlackError(error, channel);
        if (failure.retryAfterMs) this.pacer.holdFor(target.id, failure.retryAfterMs);
        else if (!failure.permanent && keys.length) {
          // A lost answer, a timeout or a 5xx may still have posted: look before posting again.
          this.uncertain.set(id, Math.min(this.uncertain.get(id) ?? attemptAt, attemptAt));
          return { ...failure, mayHaveArrived: true };
        }
        return failure;
      }
    };
    const paced = isUserDestination(channel) ? () => this.dmPacer.run(DM_PACE, post) : post;
    return this.pacer.run(target.id, paced);
  }

  /**
   * A channel a 429 still holds: the failure to give back, with how long is left. The last few
   * milliseconds are waited out here instead: a caller back at its Retry-After, by a clock that reads a
   * little differently from this one, is not sent away again for them.
   */
  private async heldBack(channel: string): Promise<SendResult | undefined> {
    const held = this.pacer.heldMs(channel);
    if (held <= 0) return undefined;
    if (held > HOLD_GRACE_MS)
      return { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: held };
    await new Promise((resolve) => setTimeout(resolve, held));
    return undefined;
  }

  /**
   * Looks for the bot's own post carrying the keys in the channel's history. A definite answer also
   * settles what this sink remembered about an uncertain attempt with these keys.
   */
  async findPosted(channel: string, keys: string[], sinceEpochSeconds: number): Promise<Lookup> {
    const lookup = await this.lookUp(channel, keys, sinceEpochSeconds);
    if (lookup.found !== 'unknown') this.uncertain.delete(keys.join(' '));
    return lookup;
  }

  private async lookUp(channel: string, keys: string[], sinceEpochSeconds: number): Promise<Lookup> {
    const target = await this.idOf(channel);
    if (!target.ok) return { found: 'unknown', reason: target.reason, retryAfterMs: target.retryAfterMs };
    const botId = this.options.botId();
    if (!botId) return { found: 'unknown', reason: "the bot's identity is not known yet (auth.test)" };
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const answer = await this.options.client.conversations.history({
          channel: target.id,
          oldest: String(sinceEpochSeconds),
          inclusive: true,
          include_all_metadata: true,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        const found = (answer.messages ?? []).find(
          (m) => m.bot_id === botId && carriesKeys(m.metadata, keys),
        );
        if (found?.ts) return { found: true, ts: found.ts };
        cursor = answer.has_more ? answer.response_metadata?.next_cursor || undefined : undefined;
        if (!cursor) return { found: false };
      }
      return { found: 'unknown', reason: `not in the ${MAX_HISTORY_PAGES} pages of history searched` };
    } catch (error) {
      const failure = classifySlackError(error, channel);
      return { found: 'unknown', reason: failure.reason, retryAfterMs: failure.retryAfterMs };
    }
  }
}

function carriesKeys(metadata: { event_type?: string; event_payload?: unknown } | undefined, keys: string[]) {
  if (metadata?.event_type !== REMINDER_EVENT_TYPE) return false;
  const payload = metadata.event_payload as { keys?: unknown } | undefined;
  if (typeof payload?.keys !== 'string') return false;
  const posted = new Set(payload.keys.split(' '));
  return keys.length > 0 && keys.every((k) => posted.has(k));
}
