import type { DateTime } from 'luxon';

interface Held<T> {
  value: T;
  userId: string;
  expiresAt: DateTime;
}

export type Taken<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Previews awaiting Confirm (a setup, a retirement): used once, only by the person who asked, within their
 * lifetime, like the staff desk's. Kept in memory: a button from before a restart says to ask again.
 */
export class PendingConfirmations<T> {
  private readonly held = new Map<string, Held<T>>();
  private nextId = 1;

  constructor(private readonly minutes = 15) {}

  hold(value: T, userId: string, now: DateTime): { id: string; expiresAt: DateTime } {
    for (const [id, h] of this.held) if (now > h.expiresAt) this.held.delete(id);
    // The time in the id keeps a button left over from before a restart from matching a new preview.
    const id = `${now.toMillis().toString(36)}-${this.nextId++}`;
    const expiresAt = now.plus({ minutes: this.minutes });
    this.held.set(id, { value, userId, expiresAt });
    return { id, expiresAt };
  }

  take(id: string, userId: string, now: DateTime): Taken<T> {
    const held = this.held.get(id);
    if (!held)
      return {
        ok: false,
        message:
          'This preview is no longer available (already used, or the bot restarted): run the command again.',
      };
    if (held.userId !== userId)
      return { ok: false, message: 'Only the person who asked for this preview can confirm it.' };
    this.held.delete(id);
    if (now > held.expiresAt)
      return { ok: false, message: 'This preview has expired and did nothing: run the command again.' };
    return { ok: true, value: held.value };
  }
}
