import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { readSettings } from '../../config/env.ts';
import { copyStore, type CopyCount } from '../../storage/sql/copy-store.ts';
import { databaseTargetOf, withoutPassword } from '../../storage/sql/database-target.ts';
import { openSql } from '../../storage/sql/open-sql.ts';
import { reasonOf } from '../../storage/sql/sql-errors.ts';
import type { SqlStore } from '../../storage/sql/sql-store.ts';
import { systemClock, type Clock } from '../../util/clock.ts';
import { UserError } from '../../util/user-error.ts';

interface CopyOptions {
  from?: string;
  to?: string;
}

/** `coursebot store …`: the bot's database itself. */
export function storeCommand(clock: Clock = systemClock): Command {
  const store = new Command('store').description('manage the database: copy it from SQLite to PostgreSQL');
  store
    .command('copy')
    .description('copy every table of a SQLite database into an empty PostgreSQL database')
    .option('--from <file>', 'the SQLite database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option(
      '--to <url>',
      'the destination, postgres://user:password@host:5432/database (default: DATABASE_URL)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  coursebot store copy --from ./data/coursebot.db --to "$DATABASE_URL"',
        '',
        'Stop the bot first. The destination is brought to the schema and must hold no coursebot rows;',
        'every row is copied as it is, in one transaction, so nothing posted is posted again.',
      ].join('\n'),
    )
    .action(async (options: CopyOptions) => {
      const from = readSettings({ db: options.from }).databasePath;
      if (from !== ':memory:' && !existsSync(from)) {
        throw new UserError(
          `There is no database at ${from}: give the SQLite file with --from (or COURSEBOT_DB)`,
        );
      }
      const url = (options.to ?? process.env.DATABASE_URL)?.trim();
      if (!url) throw new UserError('Name the destination: --to postgres://user:password@host:5432/database');
      await withStores(from, url, async (source, target) => {
        const counts = await copyOrSay(source, target, url, clock);
        console.log(`Copied ${source.shown} to ${target.shown}:`);
        const width = Math.max(...counts.map((c) => c.table.length));
        for (const { table, rows } of counts)
          console.log(`  ${table.padEnd(width)}  ${rows} ${rows === 1 ? 'row' : 'rows'}`);
      });
    });
  return store;
}

/** The copy, its unexpected failures (a server that went away mid-copy) said in one line. */
async function copyOrSay(
  source: SqlStore,
  target: SqlStore,
  url: string,
  clock: Clock,
): Promise<CopyCount[]> {
  try {
    return await copyStore(source, target, clock.now().toMillis());
  } catch (error) {
    if (error instanceof UserError) throw error;
    const reason = withoutPassword(reasonOf(error), databaseTargetOf({ databaseUrl: url, sqlitePath: '' }));
    throw new UserError(
      `The copy from ${source.shown} to ${target.shown} failed: ${reason}; no row was written, so it can be run again`,
    );
  }
}

/** Opens the source and the destination (never echoing the URL: it may hold a password), then closes both. */
async function withStores(
  from: string,
  url: string,
  work: (source: SqlStore, target: SqlStore) => Promise<void>,
): Promise<void> {
  const source = await openSql({ sqlitePath: from });
  try {
    const target = await openSql({ databaseUrl: url, sqlitePath: from });
    try {
      await work(source, target);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
