// The bot's schema on the SQL layer: a new SQLite database gets exactly the tables the SQLite release's
// migrations made; a file that release wrote, at any of its versions, is brought onto the new list with
// every row kept; PostgreSQL gets the same tables, and migrating twice does nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Content } from '../../../src/content/content.ts';
import { queueAnnouncement } from './release-code/announcements.ts';
import { openDatabase } from '../../../src/storage/database.ts';
import {
  openSqlAnnouncements,
  queueSqlAnnouncement,
} from '../../../src/storage/sql/tables/sql-announcements.ts';
import { migrations as releaseMigrations } from '../../../src/storage/migrations.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { openSql } from '../../../src/storage/sql/open-sql.ts';
import { STORE_TABLES, coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import { RELEASE_TABLES_VERSION, releaseBaseline } from '../../../src/storage/sql/schema/release-baseline.ts';
import { dialects, type TestDatabase } from './dialects.ts';
import { rowsOf, writeReleaseDatabase } from './release-database.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'coursebot-schema-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Each table's columns and indexes as SQLite describes them, spelling of types aside. */
function shapeOf(path: string): unknown {
  const file = new DatabaseConstructor(path, { readonly: true });
  try {
    return Object.fromEntries(
      STORE_TABLES.map((table) => [
        table,
        {
          columns: (file.pragma(`table_info(${table})`) as Record<string, unknown>[]).map((c) => ({
            ...c,
            type: String(c.type).toUpperCase(),
          })),
          indexes: (file.pragma(`index_list(${table})`) as { name: string; unique: number }[])
            .map((i) => ({
              unique: i.unique,
              columns: (file.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name),
            }))
            .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
        },
      ]),
    );
  } finally {
    file.close();
  }
}

describe('the baseline on SQLite', () => {
  it("stands for the whole of the release's frozen list", () => {
    // A new table or column goes into coursebotMigrations, which PostgreSQL runs too, not into the release's list.
    expect(releaseMigrations.map((m) => m.name)).toHaveLength(RELEASE_TABLES_VERSION);
    expect(releaseMigrations[RELEASE_TABLES_VERSION - 1]!.name).toBe('courses');
  });

  it('gives a new file exactly the tables of the SQLite release', async () => {
    openDatabase(join(folder, 'release.db')).close();
    const store = await openSql({ sqlitePath: join(folder, 'new.db') });
    await migrateSql(store, [releaseBaseline]);
    await store.close();
    expect(shapeOf(join(folder, 'new.db'))).toEqual(shapeOf(join(folder, 'release.db')));
  });

  it('keeps every row of a file the current release wrote, and that release still opens it', async () => {
    const path = join(folder, 'coursebot.db');
    writeReleaseDatabase(path);
    const before = rowsOf(openDatabase(path), STORE_TABLES);
    const store = await openSql({ sqlitePath: path });
    expect(await migrateSql(store, coursebotMigrations)).toEqual({ from: 0, to: coursebotMigrations.length });
    await store.close();

    const after = openDatabase(path);
    const rows = rowsOf(after, STORE_TABLES);
    after.close();
    const withoutNewColumns = Object.fromEntries(
      Object.entries(rows).map(([table, list]) => [
        table,
        list.map(({ holder: _h, lease_expires_at: _l, queued: _q, ...row }) => row),
      ]),
    );
    expect(withoutNewColumns).toEqual(before);
    expect(before.ledger).toHaveLength(5);
    expect(before.revisions).toHaveLength(2);
  });

  it('numbers the announcements the release still queues, after those queued here', async () => {
    const path = join(folder, 'beside.db');
    const store = await openSql({ sqlitePath: path });
    await migrateSql(store, coursebotMigrations);
    const content: Content = { blocks: [{ kind: 'header', text: 'x' }] };
    await queueSqlAnnouncement(store, { key: 'announce:b', content, createdAt: 'x' }, 'cs-1');
    const release = openDatabase(path);
    queueAnnouncement(release, { key: 'announce:a', content, createdAt: 'x' }, 'cs-1');
    release.close();
    await queueSqlAnnouncement(store, { key: 'announce:0', content, createdAt: 'x' }, 'cs-1');
    expect((await openSqlAnnouncements(store, 'cs-1')).map((a) => a.key)).toEqual([
      'announce:b',
      'announce:a',
      'announce:0',
    ]);
    await store.close();
  });

  it.each([1, 3, 6])(
    'brings a file at release version %i through the release migrations first',
    async (version) => {
      const path = join(folder, `v${version}.db`);
      const old = openDatabase(path, releaseMigrations.slice(0, version));
      old
        .prepare("INSERT INTO meta (key, value) VALUES ('watermark', '2025-11-03T08:00:00.000-05:00')")
        .run();
      old
        .prepare(
          "INSERT INTO ledger (key, channel, due_at, state, attempts, updated_at) VALUES ('class:1:day', '#cs', 'x', 'sending', 1, 'x')",
        )
        .run();
      old.close();
      const store = await openSql({ sqlitePath: path });
      await migrateSql(store, coursebotMigrations);
      const ledger = await store.db.selectFrom('ledger').selectAll().execute();
      const meta = await store.db.selectFrom('meta').selectAll().execute();
      await store.close();
      // The courses migration gave the old rows to the placeholder course; the cut-off send is open to takeover.
      expect(ledger).toMatchObject([
        { course_id: '~legacy', key: 'class:1:day', state: 'sending', lease_expires_at: 0 },
      ]);
      expect(meta).toEqual([{ key: 'watermark:~legacy', value: '2025-11-03T08:00:00.000-05:00' }]);
      expect(shapeOf(path)).toEqual(await shapeOfFresh());
    },
  );

  async function shapeOfFresh(): Promise<unknown> {
    const store = await openSql({ sqlitePath: join(folder, 'fresh.db') });
    await migrateSql(store, coursebotMigrations);
    await store.close();
    return shapeOf(join(folder, 'fresh.db'));
  }

  it('refuses a file written by a newer release in one line', async () => {
    const path = join(folder, 'newer.db');
    const file = new DatabaseConstructor(path);
    file.pragma(`user_version = ${releaseMigrations.length + 1}`);
    file.close();
    const store = await openSql({ sqlitePath: path });
    await expect(migrateSql(store, coursebotMigrations)).rejects.toThrow(/written by a newer coursebot/);
    await store.close();
  });
});

/** Each table's columns as (name, NOT NULL, part of the primary key), the same words on both dialects. */
async function columnsOf(store: SqlStore): Promise<Record<string, string[]>> {
  const columns: Record<string, string[]> = {};
  for (const table of STORE_TABLES) {
    if (store.dialect === 'sqlite') {
      const { rows } = await sql<{
        name: string;
        notnull: number;
        pk: number;
      }>`select name, "notnull", pk from pragma_table_info(${table})`.execute(store.db);
      // SQLite lets a primary key column hold NULL unless it says NOT NULL; an INTEGER PRIMARY KEY cannot.
      columns[table] = rows.map(
        (c) => `${c.name}${c.notnull || c.pk ? ' not null' : ''}${c.pk ? ' key' : ''}`,
      );
    } else {
      const { rows } = await sql<{ name: string; nullable: string; key: boolean }>`
        select c.column_name as name, c.is_nullable as nullable,
          exists (select 1 from information_schema.key_column_usage k
                  join information_schema.table_constraints t using (constraint_schema, constraint_name)
                  where t.constraint_type = 'PRIMARY KEY' and k.table_schema = c.table_schema
                    and k.table_name = c.table_name and k.column_name = c.column_name) as key
        from information_schema.columns c
        where c.table_schema = current_schema() and c.table_name = ${table}
        order by c.ordinal_position`.execute(store.db);
      columns[table] = rows.map(
        (c) => `${c.name}${c.nullable === 'NO' ? ' not null' : ''}${c.key ? ' key' : ''}`,
      );
    }
  }
  return columns;
}

describe.each(dialects)('the bot schema on $name', ({ name, skip, fresh }) => {
  let database: TestDatabase;
  beforeEach(async () => {
    if (!skip) database = await fresh();
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('creates every table, and finds nothing to do the second time', async () => {
    const store = await database.open();
    expect(await migrateSql(store, coursebotMigrations)).toEqual({ from: 0, to: coursebotMigrations.length });
    expect(await migrateSql(store, coursebotMigrations)).toEqual({
      from: coursebotMigrations.length,
      to: coursebotMigrations.length,
    });
    for (const table of STORE_TABLES) {
      expect(await store.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });

  it.skipIf(skip || name !== 'postgres')(
    'sorts text byte by byte, as SQLite does, whatever the locale',
    async () => {
      const store = await database.open();
      await migrateSql(store, coursebotMigrations);
      const { rows } = await sql<{ column: string; collation: string | null }>`
      select table_name || '.' || column_name as column, collation_name as collation
      from information_schema.columns
      where table_schema = current_schema() and data_type = 'text' and table_name <> 'schema_migrations'
        and column_name <> 'holder'
      order by 1`.execute(store.db);
      expect(rows.length).toBeGreaterThan(40);
      expect(rows.filter((r) => r.collation !== 'C')).toEqual([]);
    },
  );

  it.skipIf(skip)('has the columns a new SQLite database has, keys and NOT NULL alike', async () => {
    const store = await database.open();
    await migrateSql(store, coursebotMigrations);
    const reference = await openSql({ sqlitePath: join(folder, 'reference.db') });
    await migrateSql(reference, coursebotMigrations);
    const expected = await columnsOf(reference);
    await reference.close();
    expect(await columnsOf(store)).toEqual(expected);
    expect(expected.ledger).toContain('lease_expires_at');
    expect(expected.ledger).toContain('key not null key');
  });
});
