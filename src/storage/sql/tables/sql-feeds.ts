import type { DateTime } from 'luxon';
import type { FeedItem } from '../../../calendar-feed/feed-items.ts';
import { reviseItems, type ItemState, type RevisedItem } from '../../../calendar-feed/item-revisions.ts';
import type { SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';
import { serialize } from './serialize.ts';
import {
  deriveToken,
  isTokenShaped,
  newNonce,
  presentedMatches,
  tokenHash,
} from '../../feed-token-secret.ts';

/**
 * The secret in each course's feed link. Calendar clients cannot log in, so the link is the key: it must be
 * unguessable, and a leaked one must be replaceable.
 *
 * The database holds a random 256-bit nonce per course and the SHA-256 of the token, never the token: the
 * token is the HMAC of the nonce under a key the database does not hold (the bot's Slack token), so a copy
 * of the database reveals no working link, while the bot can still tell the link to whoever asks
 * `/schedule calendar`. Rotating draws a new nonce, so the old link stops matching at once.
 */
export class SqlFeedTokens {
  constructor(
    private readonly store: SqlStore,
    private readonly key: string,
  ) {}

  /** The course's current token, made (and recorded) on first use or when the key has changed. */
  async token(courseId: string, now: DateTime): Promise<string> {
    const row = (await this.row(courseId)) ?? (await this.create(courseId, now));
    const token = deriveToken(this.key, courseId, row.nonce);
    const hash = tokenHash(token);
    if (hash !== row.token_hash) {
      // A new key (a new bot token): links made with the old one no longer match anything.
      await this.store.db
        .updateTable('feed_tokens')
        .set({ token_hash: hash })
        .where('course_id', '=', courseId)
        .execute();
    }
    return token;
  }

  /**
   * The course's first token. Two instances asked at once both insert with ON CONFLICT DO NOTHING and then
   * read the one row that landed: neither replaces a link the other has already given out.
   */
  private async create(courseId: string, now: DateTime): Promise<{ nonce: string; token_hash: string }> {
    const nonce = newNonce();
    await this.store.db
      .insertInto('feed_tokens')
      .values({
        course_id: courseId,
        nonce,
        token_hash: tokenHash(deriveToken(this.key, courseId, nonce)),
        created_at: now.toUTC().toISO()!,
      })
      .onConflict((conflict) => conflict.column('course_id').doNothing())
      .execute();
    const row = await this.row(courseId);
    if (!row) throw new Error(`the feed token of ${courseId} was not recorded`);
    return row;
  }

  /** A new token for the course: the old link stops matching at once. */
  async rotate(courseId: string, now: DateTime): Promise<string> {
    const nonce = newNonce();
    const token = deriveToken(this.key, courseId, nonce);
    const values = { nonce, token_hash: tokenHash(token), created_at: now.toUTC().toISO()! };
    await this.store.db
      .insertInto('feed_tokens')
      .values({ course_id: courseId, ...values })
      .onConflict((conflict) => conflict.column('course_id').doUpdateSet(values))
      .execute();
    return token;
  }

  /** Whether `presented` is the course's token: compared by hash, in constant time. */
  async matches(courseId: string, presented: string): Promise<boolean> {
    if (!isTokenShaped(presented)) return false;
    return presentedMatches(presented, (await this.row(courseId))?.token_hash);
  }

  private async row(courseId: string): Promise<{ nonce: string; token_hash: string } | undefined> {
    const row = await this.store.db
      .selectFrom('feed_tokens')
      .select(['nonce', 'token_hash'])
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    return row && { nonce: String(row.nonce), token_hash: String(row.token_hash) };
  }
}

/**
 * Gives a course's feed items their sequence numbers from what was published before, and records what
 * changed, in one transaction no other revision of the course's items runs beside (two instances, or the
 * bot and `coursebot calendar`, cannot both raise an item to the same number).
 */
export async function reviseSqlItems(
  store: SqlStore,
  courseId: string,
  items: FeedItem[],
  now: DateTime,
): Promise<RevisedItem[]> {
  return writeTransaction(store, async (trx) => {
    await serialize(trx, store, `feed-items/${courseId}`);
    const rows = await trx
      .selectFrom('feed_items')
      .select(['uid', 'fingerprint', 'sequence', 'last_modified'])
      .where('course_id', '=', courseId)
      .execute();
    const known = new Map<string, ItemState>(
      rows.map((r) => [
        String(r.uid),
        {
          fingerprint: String(r.fingerprint),
          sequence: Number(r.sequence),
          lastModified: String(r.last_modified),
        },
      ]),
    );
    const revision = reviseItems(items, known, now);
    // Items no longer in the plan keep their row: one that comes back (an undone removal) goes on from there.
    for (const [uid, state] of revision.changed) {
      const values = {
        fingerprint: state.fingerprint,
        sequence: state.sequence,
        last_modified: state.lastModified,
      };
      await trx
        .insertInto('feed_items')
        .values({ course_id: courseId, uid, ...values })
        .onConflict((conflict) => conflict.columns(['course_id', 'uid']).doUpdateSet(values))
        .execute();
    }
    return revision.items;
  });
}
