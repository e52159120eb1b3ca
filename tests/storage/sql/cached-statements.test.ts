import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedStatements } from '../../../src/storage/sql/cached-statements.ts';

describe('cachedStatements', () => {
  let file: Database.Database | undefined;
  afterEach(() => {
    if (file?.open) file.close();
  });

  const open = (kept?: number) => {
    file = new Database(':memory:');
    file.exec('create table t (id integer primary key, name text)');
    const prepare = vi.spyOn(file, 'prepare');
    return { db: cachedStatements(file, kept), prepare };
  };

  it('prepares each SQL text once and runs it again with other parameters', () => {
    const { db, prepare } = open();
    db.prepare('insert into t (name) values (?)').run(['a']);
    db.prepare('insert into t (name) values (?)').run(['b']);
    const rows = db.prepare('select name from t order by id').all([]);
    expect(rows).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('keeps at most the given number, dropping the least recently used', () => {
    const { db, prepare } = open(2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1'); // used again: now the most recent
    db.prepare('select 3'); // drops "select 2"
    db.prepare('select 1');
    expect(prepare).toHaveBeenCalledTimes(3);
    db.prepare('select 2');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('gives a fresh statement while the kept one is being iterated', () => {
    const { db } = open();
    db.prepare('insert into t (name) values (?)').run(['a']);
    db.prepare('insert into t (name) values (?)').run(['b']);
    const names: string[] = [];
    for (const row of db.prepare('select name from t order by id').iterate([]) as Iterable<{
      name: string;
    }>) {
      // The same SQL again inside the loop: without a fresh statement this throws "busy".
      const all = db.prepare('select name from t order by id').all([]) as { name: string }[];
      names.push(`${row.name}/${all.length}`);
    }
    expect(names).toEqual(['a/2', 'b/2']);
  });

  it('serves Kysely: queries, a transaction, a changed schema, and closing', async () => {
    const { db: database } = open();
    const db = new Kysely<{ t: { id: Generated<number>; name: string } }>({
      dialect: new SqliteDialect({ database }),
    });
    await db.insertInto('t').values({ name: 'x' }).execute();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ name: 'y' }).execute();
    });
    const selectNames = () => db.selectFrom('t').select('name').orderBy('id').execute();
    expect(await selectNames()).toEqual([{ name: 'x' }, { name: 'y' }]);
    // A kept statement is prepared again by SQLite itself when the table changes under it.
    await sql`alter table t add column extra text`.execute(db);
    await db.insertInto('t').values({ name: 'z' }).execute();
    expect((await selectNames()).map((r) => r.name)).toEqual(['x', 'y', 'z']);
    const rows = await db.selectFrom('t').selectAll().where('name', '=', 'z').execute();
    expect(rows[0]).toMatchObject({ name: 'z', extra: null });
    await db.destroy();
    expect(file!.open).toBe(false);
  });
});
