import type { Database } from 'better-sqlite3';
import type { DateTime } from 'luxon';
import { deriveToken, isTokenShaped, newNonce, presentedMatches, tokenHash } from './feed-token-secret.ts';

interface Row {
  nonce: string;
  token_hash: string;
}

/**
 * The secret in each course's feed link. Calendar clients cannot log in, so the link is the key: it must be
 * unguessable, and a leaked one must be replaceable.
 *
 * The database holds a random 256-bit nonce per course and the SHA-256 of the token, never the token: the
 * token is the HMAC of the nonce under a key the database does not hold (the bot's Slack token), so a copy
 * of the database reveals no working link, while the bot can still tell the link to whoever asks
 * `/schedule calendar`. Rotating draws a new nonce, so the old link stops matching at once.
 */
export class FeedTokens {
  constructor(
    private readonly db: Database,
    private readonly key: string,
  ) {}

  /** The course's current token, made (and recorded) on first use or when the key has changed. */
  token(courseId: string, now: DateTime): string {
    const row = this.row(courseId);
    if (!row) return this.rotate(courseId, now);
    const token = deriveToken(this.key, courseId, row.nonce);
    if (tokenHash(token) !== row.token_hash) {
      // A new key (a new bot token): links made with the old one no longer match anything.
      this.db
        .prepare('UPDATE feed_tokens SET token_hash = ? WHERE course_id = ?')
        .run(tokenHash(token), courseId);
    }
    return token;
  }

  /** A new token for the course: the old link answers 404 from now on. */
  rotate(courseId: string, now: DateTime): string {
    const nonce = newNonce();
    const token = deriveToken(this.key, courseId, nonce);
    this.db
      .prepare(
        `INSERT INTO feed_tokens (course_id, nonce, token_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (course_id) DO UPDATE SET nonce = excluded.nonce, token_hash = excluded.token_hash,
           created_at = excluded.created_at`,
      )
      .run(courseId, nonce, tokenHash(token), now.toUTC().toISO());
    return token;
  }

  /** Whether `presented` is the course's token: compared by hash, in constant time. */
  matches(courseId: string, presented: string): boolean {
    if (!isTokenShaped(presented)) return false;
    return presentedMatches(presented, this.row(courseId)?.token_hash);
  }

  private row(courseId: string): Row | undefined {
    return this.db
      .prepare<[string], Row>('SELECT nonce, token_hash FROM feed_tokens WHERE course_id = ?')
      .get(courseId);
  }
}
