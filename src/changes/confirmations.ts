import type { DateTime } from 'luxon';

/** Why a preview's Confirm (or Cancel) did nothing. */
export type Refusal =
  /** No such preview: already used (a double click, another instance), or from before a restart. */
  | 'gone'
  /** Someone else's preview: refused without using it up, so its owner can still confirm it. */
  | 'not-yours'
  /** Its lifetime is over: used up, and nothing done. */
  | 'expired';

export type TakeOutcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * Previews awaiting Confirm, of one kind (a course setup, a retirement, a staff change). The value must
 * survive JSON (the caller turns a DateTime into its ISO text): it may be read back by another instance.
 */
export interface Confirmations<T> {
  /** Holds `value` for `userId` until `now` plus the kind's lifetime; the id goes in the buttons. */
  hold(
    value: T,
    userId: string,
    now: DateTime,
    courseId?: string,
  ): Promise<{ id: string; expiresAt: DateTime }>;
  /**
   * The value, given once: of any number of takers of one id (two instances, a double click) exactly one
   * gets it, and the others are told it is gone. Only its owner may take it; an expired one is used up.
   */
  take(id: string, userId: string, now: DateTime): Promise<TakeOutcome<T>>;
}

/** Where previews are kept: in memory (one process), or in the database that several instances share. */
export interface ConfirmationStore {
  /** The previews of `kind`, each confirmable for `minutes`: an id of one kind never takes another's. */
  ofKind<T>(kind: string, minutes: number): Confirmations<T>;
}

/** What the person who clicked is told, naming who may confirm ("person", "staff member"). */
export function refusalMessage(refusal: Refusal, asker = 'person'): string {
  switch (refusal) {
    case 'gone':
      return 'This preview is no longer available (already used, or the bot restarted): run the command again.';
    case 'not-yours':
      return `Only the ${asker} who asked for this preview can confirm it.`;
    case 'expired':
      return 'This preview has expired and did nothing: run the command again.';
  }
}
