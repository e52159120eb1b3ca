import { sql } from 'kysely';
import { UserError } from '../../util/user-error.ts';
import { migrateSql } from './migrate.ts';
import { STORE_TABLES, coursebotMigrations, type CoursebotTable } from './schema/coursebot-migrations.ts';
import type { AnyKysely, SqlStore } from './sql-store.ts';
import { writeTransaction } from './write-transaction.ts';

/** Each table's key, the order rows are read and written in (parents first, revisions by id). */
const KEY_ORDER: Record<CopiedTable, readonly string[]> = {
  meta: ['key'],
  courses: ['id'],
  course_staff: ['course_id', 'user_id'],
  revisions: ['id'],
  announcements: ['course_id', 'queued', 'key'],
  ledger: ['course_id', 'key'],
  feed_tokens: ['course_id'],
  feed_items: ['course_id', 'uid'],
  dm_subscriptions: ['course_id', 'user_id', 'kind'],
};

/** The instance lock belongs to the process running on the source file, not to the data: never copied. */
type CopiedTable = Exclude<CoursebotTable, 'instance_lock'>;
const COPIED = STORE_TABLES.filter((t): t is CopiedTable => t !== 'instance_lock');

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export interface CopyCount {
  table: string;
  rows: number;
}

/**
 * Copies every row of the bot's tables from one store to another (a SQLite file to PostgreSQL): both are
 * first brought to this coursebot's schema, then the rows are written as they are, in key order, in ONE
 * transaction on the destination, read in one transaction on the source. Every posted key stays posted,
 * so nothing is sent again. A destination that already holds any row is refused in one line, and nothing
 * is written to it. `wallNow` (epoch ms) tells whether a bot still holds the source's instance lock.
 */
export async function copyStore(from: SqlStore, to: SqlStore, wallNow: number): Promise<CopyCount[]> {
  await migrateSql(from, coursebotMigrations);
  await migrateSql(to, coursebotMigrations);
  // The source's write lock (SQLite) for the whole copy: no bot writes a row the copy would miss.
  return writeTransaction(from, async (source) => {
    await refuseRunningBot(source, from, wallNow);
    return writeTransaction(to, async (target) => {
      await refuseNonEmpty(target, to);
      const counts: CopyCount[] = [];
      for (const table of COPIED) {
        let query = source.selectFrom(table).selectAll();
        for (const column of KEY_ORDER[table]) query = query.orderBy(column);
        const rows = await query.execute();
        for (let start = 0; start < rows.length; start += BATCH) {
          await target
            .insertInto(table)
            .values(rows.slice(start, start + BATCH))
            .execute();
        }
        counts.push({ table, rows: rows.length });
      }
      if (to.dialect === 'postgres') {
        // Revisions take their ids from the identity: the next one must follow the copied ones.
        await sql`select setval(pg_get_serial_sequence('revisions', 'id'), coalesce(max(id), 0) + 1, false) from revisions`.execute(
          target,
        );
      }
      return counts;
    });
  });
}

async function refuseNonEmpty(target: AnyKysely, to: SqlStore): Promise<void> {
  for (const table of COPIED) {
    const row = await target
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n > 0) {
      throw new UserError(
        `The destination ${to.shown} already holds coursebot data (${n} rows in ${table}): copy into an empty database; nothing was copied`,
      );
    }
  }
}

async function refuseRunningBot(source: AnyKysely, from: SqlStore, wallNow: number): Promise<void> {
  const lock = await source
    .selectFrom('instance_lock')
    .select(['pid', 'host', 'expires_at'])
    .executeTakeFirst();
  if (lock && Number(lock.expires_at) > wallNow) {
    throw new UserError(
      `A bot is running on ${from.shown} (pid ${String(lock.pid)} on ${String(lock.host)}): stop it first, so no post is recorded after the copy; nothing was copied`,
    );
  }
}
