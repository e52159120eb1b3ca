import type { Content } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import type { Change, ChangeKind } from './change.ts';

/** One confirmed change, as recorded. The plans before and after are kept for the record, not re-read. */
export interface Revision {
  id: number;
  /** Slack user ID of the staff member, or a name for changes made outside Slack. */
  author: string;
  /** ISO-8601 instant with offset. */
  createdAt: string;
  kind: ChangeKind;
  change: Change;
  /** The history line: what was done. */
  summary: string;
  /** For an undo: the revision it reverts. */
  undoneOf?: number;
}

/**
 * `announcement`: what to post about it; a store with an outbox queues it in the same transaction as the
 * revision, so a recorded change is always announced (a memory log, in tests, drops it).
 */
export type NewRevision = Omit<Revision, 'id'> & { before: Plan; after: Plan; announcement?: Content };

export type Appended = { ok: true; revision: Revision } | { ok: false; since: Revision[] };

/**
 * Where revisions are kept (the SQL store in the bot, memory in tests). `append` is the one place two
 * confirmations can collide, on one instance or two: it adds the revision only if the last one is still
 * `expectedHead`, atomically.
 */
export interface RevisionLog {
  list(): Promise<Revision[]>;
  /** Id of the last revision, 0 when there is none. */
  head(): Promise<number>;
  append(revision: NewRevision, expectedHead: number): Promise<Appended>;
}

/** A RevisionLog in memory: for tests and for running without a database. */
export function memoryRevisionLog(): RevisionLog {
  const revisions: Revision[] = [];
  const head = () => revisions.at(-1)?.id ?? 0;
  return {
    list: async () => [...revisions],
    head: async () => head(),
    async append({ before: _before, after: _after, announcement: _announcement, ...entry }, expectedHead) {
      if (head() !== expectedHead) return { ok: false, since: revisions.filter((r) => r.id > expectedHead) };
      const revision = { ...entry, id: head() + 1 };
      revisions.push(revision);
      return { ok: true, revision };
    },
  };
}
