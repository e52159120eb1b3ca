import type { DateTime } from 'luxon';
import type { ConfirmationStore, Confirmations, TakeOutcome } from './confirmations.ts';

interface Held {
  /** The value as JSON text, as the database keeps it: a value that does not survive JSON fails here too. */
  json: string;
  userId: string;
  expiresAt: DateTime;
}

/** One process's previews of one kind, by id. */
class MemoryConfirmations<T> implements Confirmations<T> {
  constructor(
    private readonly held: Map<string, Held>,
    private readonly minutes: number,
    private readonly newId: (now: DateTime) => string,
  ) {}

  async hold(value: T, userId: string, now: DateTime): Promise<{ id: string; expiresAt: DateTime }> {
    for (const [id, h] of this.held) if (now > h.expiresAt) this.held.delete(id);
    const id = this.newId(now);
    const expiresAt = now.plus({ minutes: this.minutes });
    this.held.set(id, { json: JSON.stringify(value), userId, expiresAt });
    return { id, expiresAt };
  }

  async take(id: string, userId: string, now: DateTime): Promise<TakeOutcome<T>> {
    const held = this.held.get(id);
    if (!held) return { ok: false, refusal: 'gone' };
    if (held.userId !== userId) return { ok: false, refusal: 'not-yours' };
    this.held.delete(id);
    if (now > held.expiresAt) return { ok: false, refusal: 'expired' };
    return { ok: true, value: JSON.parse(held.json) as T };
  }
}

/**
 * Previews held in this process (one instance, and the tests): the same contract as the SQL store's, whose
 * tests it shares. Ids only have to be unique here, since no other instance can be asked for them.
 */
export function memoryConfirmationStore(): ConfirmationStore {
  const kinds = new Map<string, Map<string, Held>>();
  let nextId = 1;
  // The time in the id keeps a button left over from before a restart from matching a new preview.
  const newId = (now: DateTime) => `${now.toMillis().toString(36)}-${nextId++}`;
  return {
    ofKind<T>(kind: string, minutes: number) {
      let held = kinds.get(kind);
      if (!held) kinds.set(kind, (held = new Map()));
      return new MemoryConfirmations<T>(held, minutes, newId);
    },
  };
}
