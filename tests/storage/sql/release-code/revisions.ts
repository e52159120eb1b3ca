// The SQLite release's own writer of these rows, kept as it was: the tests write database files exactly as
// that release wrote them, to check that the baseline and `store copy` keep every row.
import type { Database } from 'better-sqlite3';
import { changeSchema } from '../../../../src/changes/change.ts';
import type { Appended, NewRevision, Revision } from '../../../../src/changes/revision-log.ts';
import type { Plan } from '../../../../src/plan/schema.ts';
import { queueAnnouncement, revisionAnnouncementKey } from './announcements.ts';
import { LEGACY_COURSE } from '../../../../src/storage/courses-migration.ts';

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
 * The revisions as the SQLite release writes them, synchronously. The bot and the CLI use SqlRevisionLog;
 * this stays for the tests that build a database the release wrote. `append` checks the head and inserts
 * (with the revision's announcement) in one immediate transaction.
 */
export class SqliteRevisionLog {
  constructor(
    private readonly db: Database,
    readonly courseId: string = LEGACY_COURSE,
  ) {}

  list(): Revision[] {
    const rows = this.db
      .prepare(
        'SELECT id, author, created_at, kind, change, summary, undone_of FROM revisions WHERE course_id = ? ORDER BY id',
      )
      .all(this.courseId) as Row[];
    return rows.map(toRevision);
  }

  head(): number {
    const row = this.db
      .prepare('SELECT MAX(id) AS head FROM revisions WHERE course_id = ?')
      .get(this.courseId) as {
      head: number | null;
    };
    return row.head ?? 0;
  }

  append(revision: NewRevision, expectedHead: number): Appended {
    const insert = this.db.transaction((): Appended => {
      if (this.head() !== expectedHead) {
        return { ok: false, since: this.list().filter((r) => r.id > expectedHead) };
      }
      const result = this.db
        .prepare(
          `INSERT INTO revisions (course_id, author, created_at, kind, change, summary, before_plan, after_plan, undone_of)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          this.courseId,
          revision.author,
          revision.createdAt,
          revision.kind,
          JSON.stringify(revision.change),
          revision.summary,
          JSON.stringify(revision.before),
          JSON.stringify(revision.after),
          revision.undoneOf ?? null,
        );
      const { before: _before, after: _after, announcement, ...entry } = revision;
      const id = Number(result.lastInsertRowid);
      // In the same transaction: the change and its announcement are recorded together or not at all.
      if (announcement && announcement.blocks.length > 0) {
        queueAnnouncement(
          this.db,
          {
            key: revisionAnnouncementKey(id),
            content: announcement,
            createdAt: revision.createdAt,
          },
          this.courseId,
        );
      }
      return { ok: true, revision: { ...entry, id } };
    });
    return insert.immediate();
  }

  /** The plans recorded around a revision (for inspection; the effective plan is replayed, not read). */
  plans(id: number): { before: Plan; after: Plan } | undefined {
    const row = this.db
      .prepare('SELECT before_plan, after_plan FROM revisions WHERE course_id = ? AND id = ?')
      .get(this.courseId, id) as { before_plan: string; after_plan: string } | undefined;
    return row && { before: JSON.parse(row.before_plan) as Plan, after: JSON.parse(row.after_plan) as Plan };
  }
}

function toRevision(row: Row): Revision {
  // A change this version cannot read (written by a newer one) fails loudly rather than being misapplied.
  const change = changeSchema.parse(JSON.parse(row.change));
  return {
    id: row.id,
    author: row.author,
    createdAt: row.created_at,
    kind: change.kind,
    change,
    summary: row.summary,
    ...(row.undone_of === null ? {} : { undoneOf: row.undone_of }),
  };
}
