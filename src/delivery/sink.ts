import type { Content } from '../content/content.ts';

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
  /** `permanent` failures are not retried (unknown channel, no permission); `fix` tells the user what to do. */
  | { ok: false; permanent: boolean; reason: string; fix?: string; retryAfterMs?: number };

export interface Sink {
  readonly name: string;
  send(message: Outgoing): Promise<SendResult>;
  /**
   * After a crash between sending and recording, asks the destination whether a post carrying these keys
   * already arrived since `sinceEpochSeconds`. Returns its id (Slack ts) when found; `undefined` when not; a
   * sink that cannot tell returns 'unknown'.
   */
  findPosted(
    channel: string,
    keys: string[],
    sinceEpochSeconds: number,
  ): Promise<string | undefined | 'unknown'>;
}
