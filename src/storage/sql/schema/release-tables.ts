import { sql } from 'kysely';
import { LEGACY_COURSE } from '../../courses-migration.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';

/** 64-bit integers (epoch milliseconds): SQLite's INTEGER already is one, PostgreSQL's integer is not. */
export const int64Of = (store: SqlStore): 'bigint' | 'integer' =>
  store.dialect === 'postgres' ? 'bigint' : 'integer';

/**
 * Text that compares and sorts byte by byte on both dialects: SQLite's text does; on PostgreSQL it would
 * follow the database's locale (where "a-b" sorts after "ab"), so keys and names would come back in
 * another order.
 */
export const textOf = (store: SqlStore) => (store.dialect === 'postgres' ? sql`text collate "C"` : 'text');

/**
 * The tables exactly as the SQLite release's last `user_version` migration leaves them (ledger and meta,
 * revisions, announcements, calendar feeds, instance lock, DM subscriptions, courses and staff), written
 * once for both dialects. IF NOT EXISTS throughout: on a SQLite file that release wrote, they are there.
 */
export async function createReleaseTables(db: AnyKysely, store: SqlStore): Promise<void> {
  const int64 = int64Of(store);
  const text = textOf(store);
  await db.schema
    .createTable('ledger')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('ts', text)
    .addColumn('reason', text)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_pkey', ['course_id', 'key'])
    .addCheckConstraint('ledger_state_check', sql`state in ('sending', 'posted', 'skipped', 'failed')`)
    .execute();
  await db.schema
    .createIndex('ledger_state')
    .ifNotExists()
    .on('ledger')
    .columns(['course_id', 'state'])
    .execute();
  await db.schema
    .createTable('meta')
    .ifNotExists()
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('revisions')
    .ifNotExists()
    // SQLite: INTEGER PRIMARY KEY is the rowid, numbered by the file; PostgreSQL: an identity column.
    .addColumn('id', 'integer', (c) =>
      store.dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('author', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('change', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('before_plan', text, (c) => c.notNull())
    .addColumn('after_plan', text, (c) => c.notNull())
    .addColumn('undone_of', 'integer', (c) => c.references('revisions.id'))
    .addColumn('course_id', text, (c) => c.notNull().defaultTo(LEGACY_COURSE))
    .execute();
  await db.schema
    .createIndex('revisions_course')
    .ifNotExists()
    .on('revisions')
    .columns(['course_id', 'id'])
    .execute();

  await db.schema
    .createTable('announcements')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('announcements_pkey', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('feed_tokens')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.primaryKey())
    .addColumn('nonce', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feed_items')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.notNull())
    .addColumn('uid', text, (c) => c.notNull())
    .addColumn('fingerprint', text, (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('last_modified', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pkey', ['course_id', 'uid'])
    .execute();

  await db.schema
    .createTable('instance_lock')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('holder', text, (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('host', text, (c) => c.notNull())
    .addColumn('expires_at', int64, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dm_subscriptions')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('leads', text, (c) => c.notNull())
    .addColumn('timezone', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('dm_subscriptions_pkey', ['course_id', 'user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('courses')
    .ifNotExists()
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('source_kind', text, (c) => c.notNull().check(sql`source_kind in ('file', 'slack')`))
    .addColumn('source', text)
    .addColumn('home', text, (c) => c.notNull())
    .addColumn('base_plan', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('retired_at', text)
    .addColumn('retired_by', text)
    .execute();
  await db.schema
    .createTable('course_staff')
    .ifNotExists()
    .addColumn('course_id', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('added_by', text, (c) => c.notNull())
    .addColumn('added_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('course_staff_pkey', ['course_id', 'user_id'])
    .execute();
}
