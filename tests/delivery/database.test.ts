// Opening the database: folders created, migrations run once and tracked, clear errors for bad files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { migrations } from '../../src/storage/migrations.ts';
import { UserError } from '../../src/util/user-error.ts';
import { tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

describe('openDatabase', () => {
  it('creates the folder, uses WAL and runs every migration once', () => {
    temp = tempDatabase();
    const db = temp.open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    db.close();
    // Reopening runs nothing again and keeps the data.
    const again = temp.open();
    expect(again.prepare("SELECT value FROM meta WHERE key = 'k'").pluck().get()).toBe('v');
    again.close();
  });

  it('runs only the migrations a database has not had yet', () => {
    temp = tempDatabase();
    const ran: string[] = [];
    const list = [
      { name: 'one', up: () => void ran.push('one') },
      { name: 'two', up: () => void ran.push('two') },
    ];
    openDatabase(temp.path, list.slice(0, 1)).close();
    openDatabase(temp.path, list).close();
    expect(ran).toEqual(['one', 'two']);
  });

  it('refuses a database written by a newer version, in one line', () => {
    temp = tempDatabase();
    const db = temp.open();
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => temp.open()).toThrow(UserError);
    expect(() => temp.open()).toThrow(/newer coursebot.*upgrade coursebot, or point COURSEBOT_DB/);
  });

  it('names the file and the fix when it cannot be opened', () => {
    temp = tempDatabase();
    const dir = join(temp.path, '..');
    mkdirSync(dir, { recursive: true });
    const notADatabase = join(dir, 'garbage.db');
    writeFileSync(notADatabase, 'this is not sqlite '.repeat(100));
    let error: unknown;
    try {
      openDatabase(notADatabase);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(notADatabase);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
});
