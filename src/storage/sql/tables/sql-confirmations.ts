import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { ConfirmationStore, Confirmations, TakeOutcome } from '../../../changes/confirmations.ts';
import { nowAndThen } from '../../../util/now-and-then.ts';
import type { SqlStore } from '../sql-store.ts';

/** A preview is worth nothing a day after it expired, used or not. */
const KEPT_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Previews awaiting Confirm in the database every instance shares (the `confirmations` table). Taking one
 * is a compare-and-set on `taken_at`: of any number of instances taking one id, one update matches.
 */
export class SqlConfirmations<T> implements Confirmations<T> {
  private readonly pruneDue = nowAndThen(PRUNE_EVERY_MS);

  constructor(
    private readonly store: SqlStore,
    private readonly kind: string,
    private readonly minutes: number,
  ) {}

  async hold(
    value: T,
    userId: string,
    now: DateTime,
    courseId?: string,
  ): Promise<{ id: string; expiresAt: DateTime }> {
    if (this.pruneDue(now.toMillis())) await this.prune(now);
    // Random, not counted: ids made by several instances (and before a restart) must never meet.
    const id = randomBytes(16).toString('base64url');
    const expiresAt = now.plus({ minutes: this.minutes });
    await this.store.db
      .insertInto('confirmations')
      .values({
        id,
        kind: this.kind,
        course_id: courseId ?? null,
        user_id: userId,
        value: JSON.stringify(value),
        expires_at: expiresAt.toMillis(),
        taken_at: null,
      })
      .execute();
    return { id, expiresAt };
  }

  async take(id: string, userId: string, now: DateTime): Promise<TakeOutcome<T>> {
    // The owner's check is part of the update: someone else's click leaves the preview to its owner.
    const won = await this.store.db
      .updateTable('confirmations')
      .set({ taken_at: now.toMillis() })
      .where('id', '=', id)
      .where('kind', '=', this.kind)
      .where('user_id', '=', userId)
      .where('taken_at', 'is', null)
      .returning(['value', 'expires_at'])
      .executeTakeFirst();
    if (won) {
      if (now.toMillis() > Number(won.expires_at)) return { ok: false, refusal: 'expired' };
      return { ok: true, value: JSON.parse(String(won.value)) as T };
    }
    const row = await this.store.db
      .selectFrom('confirmations')
      .select(['user_id', 'taken_at'])
      .where('id', '=', id)
      .where('kind', '=', this.kind)
      .executeTakeFirst();
    if (row && row.taken_at === null && String(row.user_id) !== userId)
      return { ok: false, refusal: 'not-yours' };
    return { ok: false, refusal: 'gone' };
  }

  private async prune(now: DateTime): Promise<void> {
    await this.store.db
      .deleteFrom('confirmations')
      .where('expires_at', '<', now.toMillis() - KEPT_MS)
      .execute();
  }
}

/** Every kind's previews in the one table. */
export const sqlConfirmationStore = (store: SqlStore): ConfirmationStore => ({
  ofKind: <T>(kind: string, minutes: number) => new SqlConfirmations<T>(store, kind, minutes),
});
