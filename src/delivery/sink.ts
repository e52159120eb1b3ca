import type { Content } from '../content/content.ts';

/**
 * How far before an attempt (by this host's clock) its post is looked for at the destination. The host's
 * clock and the destination's need not agree: a day covers any clock that is merely off, and history is
 * read newest first, so the width costs nothing when the post is there.
 */
export const LOOKUP_WINDOW_SECONDS = 24 * 3600;

/** A message on its way to a destination (Slack, the console, a test recorder). */
export interface Outgoing {
  channel: string;
  /** When the post was due (ISO-8601 with the course's offset); a late post is sent after it. */
  at: string;
  content: Content;
  /** Reminder keys carried, attached as message metadata so a post can be recognised after a crash. */
  keys: string[];
}

export type SendResult =
  | { ok: true; ts?: string }
  /**
   * `permanent` failures are not retried (unknown channel, no permission); `fix` tells the user what to do.
   * `mayHaveArrived`: the attempt may have posted anyway (lost answer, timeout, 5xx), so it is looked up
   * with findPosted before any new attempt.
   */
  | {
      ok: false;
      permanent: boolean;
      reason: string;
      fix?: string;
      retryAfterMs?: number;
      mayHaveArrived?: boolean;
    };

/** What the destination says about an earlier post. */
export type Lookup =
  | { found: true; ts: string }
  | { found: false }
  /** It could not tell: why, and when a destination asks for it, how long to wait before asking again. */
  | { found: 'unknown'; reason: string; retryAfterMs?: number };

export interface Sink {
  readonly name: string;
  /**
   * Whether findPosted can ever answer. False for a destination that keeps no history (the console): an
   * interrupted post is sent again there. True (Slack): an unanswered lookup is asked again later.
   */
  readonly canConfirm: boolean;
  send(message: Outgoing): Promise<SendResult>;
  /**
   * After a crash between sending and recording, or an attempt that may have arrived, asks the destination
   * whether a post carrying all these keys arrived since `sinceEpochSeconds`.
   */
  findPosted(channel: string, keys: string[], sinceEpochSeconds: number): Promise<Lookup>;
}
