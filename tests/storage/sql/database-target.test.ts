// Which store the settings name, and how messages show it: never with its password.
import { describe, expect, it } from 'vitest';
import { databaseTargetOf, withoutPassword } from '../../../src/storage/sql/database-target.ts';

describe('databaseTargetOf', () => {
  it('is the SQLite file at COURSEBOT_DB when DATABASE_URL is unset or blank', () => {
    expect(databaseTargetOf({ sqlitePath: './data/coursebot.db' })).toEqual({
      dialect: 'sqlite',
      path: './data/coursebot.db',
      shown: './data/coursebot.db',
    });
    expect(databaseTargetOf({ databaseUrl: '  ', sqlitePath: 'x.db' }).dialect).toBe('sqlite');
  });

  it('is PostgreSQL for postgres:// and postgresql://, shown without password or options', () => {
    const target = databaseTargetOf({
      databaseUrl:
        'postgresql://bot:p%40ss%2Fword@db.example.edu:6432/coursebot?sslmode=require&options=-c%20x',
      sqlitePath: 'x.db',
    });
    expect(target).toMatchObject({
      dialect: 'postgres',
      shown: 'postgres://bot@db.example.edu:6432/coursebot',
      password: 'p@ss/word',
    });
    expect(databaseTargetOf({ databaseUrl: 'postgres://db/coursebot', sqlitePath: 'x.db' }).shown).toBe(
      'postgres://db:5432/coursebot',
    );
  });

  it('names DATABASE_URL when it has no host', () => {
    expect(() => databaseTargetOf({ databaseUrl: 'postgres:///coursebot', sqlitePath: 'x.db' })).toThrow(
      /^DATABASE_URL names no host/,
    );
  });
});

describe('withoutPassword', () => {
  it('blanks the password wherever a driver put it', () => {
    const target = databaseTargetOf({
      databaseUrl: 'postgres://bot:hunter2@db/coursebot',
      sqlitePath: 'x.db',
    });
    expect(withoutPassword('login hunter2 failed; hunter2', target)).toBe('login *** failed; ***');
  });
});
