// The feed link's secret: stable across restarts and instances, stored only as a hash, replaced by a
// rotation or a new key; on SQLite and PostgreSQL alike.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import { SqlFeedTokens } from '../../src/storage/sql/tables/sql-feeds.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';

const NOW = DateTime.fromISO('2025-10-20T10:00Z');
const COURSE = 'cs599e1-fall-2025';

describe.each(dialects)('feed tokens on $name', ({ skip, fresh }) => {
  let database: TestDatabase;
  let store: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    store = await database.open();
    await migrateSql(store, coursebotMigrations);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('are 256-bit, the same across restarts, and per course', async () => {
    const token = await new SqlFeedTokens(store, 'xoxb-key').token(COURSE, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await new SqlFeedTokens(store, 'xoxb-key').token(COURSE, NOW)).toBe(token);
    expect(await new SqlFeedTokens(store, 'xoxb-key').token('cs101-fall-2025', NOW)).not.toBe(token);
  });

  it.skipIf(skip)(
    'are made once when several instances ask for a new course at the same moment',
    async () => {
      const asked = await Promise.all(
        Array.from({ length: 8 }, () => new SqlFeedTokens(store, 'xoxb-key').token(COURSE, NOW)),
      );
      expect(new Set(asked).size).toBe(1);
      expect(await new SqlFeedTokens(store, 'xoxb-key').matches(COURSE, asked[0]!)).toBe(true);
    },
  );

  it.skipIf(skip)('are stored as a SHA-256 hash, never as they are', async () => {
    const token = await new SqlFeedTokens(store, 'xoxb-key').token(COURSE, NOW);
    const row = await store.db.selectFrom('feed_tokens').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(String(row.token_hash)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.skipIf(skip)('match only the current token of the course', async () => {
    const tokens = new SqlFeedTokens(store, 'xoxb-key');
    const token = await tokens.token(COURSE, NOW);
    expect(await tokens.matches(COURSE, token)).toBe(true);
    expect(await tokens.matches('cs101-fall-2025', token)).toBe(false);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await tokens.matches(COURSE, altered)).toBe(false);
    expect(await tokens.matches(COURSE, '')).toBe(false);
    const rotated = await tokens.rotate(COURSE, NOW);
    expect(rotated).not.toBe(token);
    expect(await tokens.matches(COURSE, token)).toBe(false);
    expect(await tokens.matches(COURSE, rotated)).toBe(true);
  });

  it.skipIf(skip)(
    'change with the key, and the old link stops matching once the new one is made',
    async () => {
      const old = await new SqlFeedTokens(store, 'xoxb-old').token(COURSE, NOW);
      const tokens = new SqlFeedTokens(store, 'xoxb-new');
      const fresh = await tokens.token(COURSE, NOW);
      expect(fresh).not.toBe(old);
      expect(await tokens.matches(COURSE, old)).toBe(false);
      expect(await tokens.matches(COURSE, fresh)).toBe(true);
    },
  );
});
