import { UserError } from '../../../util/user-error.ts';
import { migrations as releaseMigrations } from '../../migrations.ts';
import type { SqlMigration } from '../migrate.ts';
import { createReleaseTables } from './release-tables.ts';

/**
 * How many of the release's migrations createReleaseTables stands for. The release's list is frozen at
 * that length: a later change to the schema is a SqlMigration (a test fails when the list grows).
 */
export const RELEASE_TABLES_VERSION = 7;

/**
 * The first migration: the tables of the SQLite release. A SQLite file that release wrote (PRAGMA
 * user_version = N of its list) is first brought to the end of that frozen list by the release's own
 * migrations, so every row is kept and reshaped as that release would have; a new database gets the same
 * tables from the schema builder. The file then says it is at the release's last version, so the
 * release's synchronous code, while it still runs beside this layer, finds its schema up to date.
 */
export const releaseBaseline: SqlMigration = {
  name: 'tables of the SQLite release',
  async up(db, store) {
    const file = store.sqliteFile;
    if (!file) {
      await createReleaseTables(db, store);
      return;
    }
    const version = file.pragma('user_version', { simple: true }) as number;
    if (version > releaseMigrations.length) {
      throw new UserError(
        `The database ${store.shown} was written by a newer coursebot (schema ${version}, this one knows ${releaseMigrations.length}): upgrade coursebot, or point COURSEBOT_DB at another file`,
      );
    }
    if (version === 0) await createReleaseTables(db, store);
    // Same connection, inside the migrating transaction: a failure rolls the whole step back.
    const done = version === 0 ? RELEASE_TABLES_VERSION : version;
    for (const migration of releaseMigrations.slice(done)) migration.up(file);
    file.pragma(`user_version = ${releaseMigrations.length}`);
  },
};
