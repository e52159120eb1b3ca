import { sql } from 'kysely';
import type { Logger } from '../../util/logger.ts';
import { silentLogger } from '../../util/logger.ts';
import { UserError } from '../../util/user-error.ts';
import { advisoryKey } from './advisory-key.ts';
import { errorKindOf, reasonOf } from './sql-errors.ts';
import type { AnyKysely, SqlStore } from './sql-store.ts';
import { writeTransaction } from './write-transaction.ts';

/**
 * One step of the schema, the same for both dialects: written with Kysely's schema builder, which gives
 * each dialect its own SQL. It runs inside the migrating transaction, so it must not commit.
 */
export interface SqlMigration {
  name: string;
  /** `store` says the dialect, for the few column types that differ (an identity, a 64-bit integer). */
  up(db: AnyKysely, store: SqlStore): Promise<void>;
}

export interface MigrationResult {
  from: number;
  to: number;
}

/** Where the versions a database has run are recorded: one row per migration, its position and name. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Brings the schema up to `migrations` (oldest first, APPEND ONLY: a shipped migration is never edited or
 * reordered) in one transaction. Safe when several instances start at once: PostgreSQL takes a
 * transaction-scoped advisory lock first (released by COMMIT, so it works behind a transaction pooler and
 * is never left stranded by a crash); SQLite takes the file's write lock (BEGIN IMMEDIATE). The instance
 * that waited then reads the version again and finds nothing left to do. A database written by a newer
 * coursebot is refused with one line.
 */
export async function migrateSql(
  store: SqlStore,
  migrations: readonly SqlMigration[],
  { logger = silentLogger }: { logger?: Logger } = {},
): Promise<MigrationResult> {
  let result: MigrationResult;
  try {
    result = await writeTransaction(store, async (trx) => {
      if (store.dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(${advisoryKey('migrate')})`.execute(trx);
      await trx.schema
        .createTable(MIGRATIONS_TABLE)
        .ifNotExists()
        .addColumn('version', 'integer', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .execute();
      const applied = await trx
        .selectFrom(MIGRATIONS_TABLE)
        .select(['version', 'name'])
        .orderBy('version')
        .execute();
      const from = applied.length;
      refuseUnknownHistory(store, applied, migrations);
      for (let index = from; index < migrations.length; index += 1) {
        const migration = migrations[index]!;
        try {
          await migration.up(trx, store);
        } catch (error) {
          if (errorKindOf(error) !== 'permanent') throw error;
          throw new UserError(
            `Cannot prepare the database ${store.shown}: migration ${index + 1} (${migration.name}) failed: ${reasonOf(error)}`,
          );
        }
        await trx
          .insertInto(MIGRATIONS_TABLE)
          .values({ version: index + 1, name: migration.name })
          .execute();
      }
      return { from, to: migrations.length };
    });
  } catch (error) {
    // A database that is not there (yet) is for the caller's retry; anything else is said in one line.
    if (error instanceof UserError || errorKindOf(error) !== 'permanent') throw error;
    throw new UserError(`Cannot prepare the database ${store.shown}: ${reasonOf(error)}`);
  }
  if (result.to > result.from) logger.info(`database ${store.shown}: schema ${result.from} → ${result.to}`);
  return result;
}

function refuseUnknownHistory(
  store: SqlStore,
  applied: { version: number; name: string }[],
  migrations: readonly SqlMigration[],
): void {
  const setting = store.dialect === 'postgres' ? 'DATABASE_URL' : 'COURSEBOT_DB';
  if (applied.length > migrations.length) {
    throw new UserError(
      `The database ${store.shown} was written by a newer coursebot (schema ${applied.length}, this one knows ${migrations.length}): upgrade coursebot, or point ${setting} at another database`,
    );
  }
  for (const [index, row] of applied.entries()) {
    const known = migrations[index]!;
    if (Number(row.version) !== index + 1 || row.name !== known.name) {
      throw new UserError(
        `The database ${store.shown} has a different history (its migration ${row.version} is "${row.name}", this coursebot's ${index + 1} is "${known.name}"): point ${setting} at this deployment's own database`,
      );
    }
  }
}
