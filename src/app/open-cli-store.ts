import { existsSync } from 'node:fs';
import { settingsForStore, type Settings } from '../config/env.ts';
import type { SqlStore } from '../storage/sql/sql-store.ts';

export type StoreSettings = Pick<Settings, 'databasePath'> & Partial<Pick<Settings, 'databaseUrl'>>;

/**
 * The store a command of the CLI reads, whichever is configured (DATABASE_URL, or the SQLite file), at the
 * schema this version knows. No instance lock is taken: the bot may be running beside the command. A
 * SQLite file that does not exist means nothing is recorded yet: `read` is given no store, and no file is
 * created. The driver is loaded only when there is a database to read, so `ask` and `validate` stay light.
 */
export async function withCliStore<T>(
  settings: StoreSettings,
  read: (store: SqlStore | undefined) => Promise<T>,
): Promise<T> {
  const path = settings.databasePath;
  if (!settings.databaseUrl && path !== ':memory:' && !existsSync(path)) return read(undefined);
  const [{ openSql }, { migrateSql }, { coursebotMigrations }] = await Promise.all([
    import('../storage/sql/open-sql.ts'),
    import('../storage/sql/migrate.ts'),
    import('../storage/sql/schema/coursebot-migrations.ts'),
  ]);
  const store = await openSql(settingsForStore(settings));
  try {
    await migrateSql(store, coursebotMigrations);
    return await read(store);
  } finally {
    await store.close();
  }
}
