import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { UserError } from '../util/user-error.ts';
import { migrations as allMigrations, type Migration } from './migrations.ts';

export type { Database } from 'better-sqlite3';

/**
 * Opens (creating it and its folder when needed) the bot's SQLite database and brings its schema up to
 * date. Anything that stops that is a UserError naming the file and what to do.
 */
export function openDatabase(path: string, migrations: Migration[] = allMigrations): Database {
  let db: Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseConstructor(path);
    // WAL: readers (coursebot commands, a test) never block the running bot, and commits are cheap.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new UserError(
      `Cannot open the database ${path}: ${reasonOf(error)} (set COURSEBOT_DB or --db to a writable file)`,
    );
  }
  try {
    migrate(db, path, migrations);
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot prepare the database ${path}: ${reasonOf(error)}`);
  }
  return db;
}

function migrate(db: Database, path: string, migrations: Migration[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new UserError(
      `The database ${path} was written by a newer coursebot (schema ${version}, this one knows ${migrations.length}): upgrade coursebot, or point COURSEBOT_DB at another file`,
    );
  }
  for (const [index, migration] of migrations.entries()) {
    if (index < version) continue;
    // Each step and its version bump commit together, so a crash never leaves a half-migrated schema.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
