import type { DateTime } from 'luxon';
import { refusalMessage, type ConfirmationStore, type Confirmations } from '../../changes/confirmations.ts';
import { memoryConfirmationStore } from '../../changes/memory-confirmations.ts';

export type Taken<T> = { ok: true; value: T } | { ok: false; message: string };

export interface PendingConfirmationsOptions {
  /** Where the previews are kept: the shared database with several instances; this process by default. */
  store?: ConfirmationStore;
  minutes?: number;
}

/**
 * Previews awaiting Confirm (a setup, a retirement): used once, only by the person who asked, within their
 * lifetime, like the staff desk's. Kept in the store, so a Confirm that reaches another instance works; in
 * memory, a button from before a restart says to ask again.
 */
export class PendingConfirmations<T> {
  private readonly held: Confirmations<T>;

  constructor(
    kind: string,
    { store = memoryConfirmationStore(), minutes = 15 }: PendingConfirmationsOptions = {},
  ) {
    this.held = store.ofKind<T>(kind, minutes);
  }

  hold(
    value: T,
    userId: string,
    now: DateTime,
    courseId?: string,
  ): Promise<{ id: string; expiresAt: DateTime }> {
    return this.held.hold(value, userId, now, courseId);
  }

  async take(id: string, userId: string, now: DateTime): Promise<Taken<T>> {
    const taken = await this.held.take(id, userId, now);
    return taken.ok ? taken : { ok: false, message: refusalMessage(taken.refusal) };
  }
}
