import type { Database as SqliteFile } from 'better-sqlite3';
import type { Kysely } from 'kysely';

export type SqlDialect = 'postgres' | 'sqlite';

/**
 * Kysely over tables this layer does not know: each table's module gives its own row types (Kysely's
 * `db.withTables<…>()` or a cast), so the foundation stays free of any table's shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyKysely = Kysely<any>;

/**
 * The one data-access handle for both dialects. Tables are reached through `db` (Kysely writes the SQL
 * each dialect needs); the few places where the dialects truly differ (locks, IMMEDIATE transactions) ask
 * `dialect`. `shown` names the database in messages without its password.
 */
export interface SqlStore {
  readonly db: AnyKysely;
  readonly dialect: SqlDialect;
  readonly shown: string;
  /**
   * SQLite: the file's own connection (the one Kysely drives), for the single step that runs the SQLite
   * release's frozen migrations on a file it wrote (they are scripts of several statements). Use it only
   * inside a write transaction, which holds that connection.
   */
  readonly sqliteFile?: SqliteFile;
  close(): Promise<void>;
}
