import { changeSchema } from '../../../changes/change.ts';
import type { Appended, NewRevision, Revision, RevisionLog } from '../../../changes/revision-log.ts';
import type { Plan } from '../../../plan/schema.ts';
import { revisionAnnouncementKey } from '../../../delivery/announcement.ts';
import { LEGACY_COURSE } from '../../courses-migration.ts';
import type { DatabaseRetry } from '../retry.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';
import { serialize } from './serialize.ts';
import { queueAnnouncementIn } from './sql-announcements.ts';

interface Row {
  id: number;
  author: string;
  created_at: string;
  kind: string;
  change: string;
  summary: string;
  undone_of: number | null;
}

/**
 * One course's revisions on the SQL layer. `append` checks the head and inserts (with the revision's
 * announcement) in one transaction that no other append of the course runs beside, so two confirmations
 * racing on two instances cannot both be based on the same plan. Revision ids come from the database and
 * are shared by all courses; each course sees its own. With `retry` (the running bot's), every query waits
 * out a database that went away.
 */
export class SqlRevisionLog implements RevisionLog {
  constructor(
    private readonly store: SqlStore,
    readonly courseId: string = LEGACY_COURSE,
    private readonly retry?: DatabaseRetry,
  ) {}

  async list(): Promise<Revision[]> {
    return this.run(() => listIn(this.store.db, this.courseId));
  }

  /** Id of the last revision, 0 when there is none. */
  async head(): Promise<number> {
    return this.run(() => headIn(this.store.db, this.courseId));
  }

  async append(revision: NewRevision, expectedHead: number): Promise<Appended> {
    return this.run(() =>
      writeTransaction(this.store, async (trx): Promise<Appended> => {
        await serialize(trx, this.store, `revisions/${this.courseId}`);
        if ((await headIn(trx, this.courseId)) !== expectedHead) {
          // (A retried append whose COMMIT landed though its answer was lost is refused here too: two
          // instances can append the very same record, so a revision that looks like this one is no proof
          // that it is this one.)
          return { ok: false, since: (await listIn(trx, this.courseId)).filter((r) => r.id > expectedHead) };
        }
        const inserted = await trx
          .insertInto('revisions')
          .values({
            course_id: this.courseId,
            author: revision.author,
            created_at: revision.createdAt,
            kind: revision.kind,
            change: JSON.stringify(revision.change),
            summary: revision.summary,
            before_plan: JSON.stringify(revision.before),
            after_plan: JSON.stringify(revision.after),
            undone_of: revision.undoneOf ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(inserted.id);
        const { before: _before, after: _after, announcement, ...entry } = revision;
        // In the same transaction: the change and its announcement are recorded together or not at all.
        if (announcement && announcement.blocks.length > 0) {
          await queueAnnouncementIn(
            trx,
            this.store,
            { key: revisionAnnouncementKey(id), content: announcement, createdAt: revision.createdAt },
            this.courseId,
          );
        }
        return { ok: true, revision: { ...entry, id } };
      }),
    );
  }

  /** The plans recorded around a revision (for inspection; the effective plan is replayed, not read). */
  async plans(id: number): Promise<{ before: Plan; after: Plan } | undefined> {
    const row = await this.run(() =>
      this.store.db
        .selectFrom('revisions')
        .select(['before_plan', 'after_plan'])
        .where('course_id', '=', this.courseId)
        .where('id', '=', id)
        .executeTakeFirst(),
    );
    return (
      row && {
        before: JSON.parse(String(row.before_plan)) as Plan,
        after: JSON.parse(String(row.after_plan)) as Plan,
      }
    );
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    return this.retry ? this.retry.run(operation) : operation();
  }
}

async function headIn(db: AnyKysely, courseId: string): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('id').as('head'))
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row?.head == null ? 0 : Number(row.head);
}

async function listIn(db: AnyKysely, courseId: string): Promise<Revision[]> {
  const rows = (await db
    .selectFrom('revisions')
    .select(['id', 'author', 'created_at', 'kind', 'change', 'summary', 'undone_of'])
    .where('course_id', '=', courseId)
    .orderBy('id')
    .execute()) as Row[];
  return rows.map(toRevision);
}

function toRevision(row: Row): Revision {
  // A change this version cannot read (written by a newer one) fails loudly rather than being misapplied.
  const change = changeSchema.parse(JSON.parse(row.change));
  return {
    id: Number(row.id),
    author: row.author,
    createdAt: row.created_at,
    kind: change.kind,
    change,
    summary: row.summary,
    ...(row.undone_of === null ? {} : { undoneOf: Number(row.undone_of) }),
  };
}
