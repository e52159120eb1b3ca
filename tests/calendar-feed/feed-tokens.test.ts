// The feed link's secret: stable across restarts, stored only as a hash, replaced by a rotation or a new key.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { FeedTokens } from '../../src/storage/feed-tokens.ts';

const NOW = DateTime.fromISO('2025-10-20T10:00Z');
const COURSE = 'cs599e1-fall-2025';

describe('feed tokens', () => {
  it('are 256-bit, the same across restarts, and per course', () => {
    const db = openDatabase(':memory:');
    const token = new FeedTokens(db, 'xoxb-key').token(COURSE, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new FeedTokens(db, 'xoxb-key').token(COURSE, NOW)).toBe(token);
    expect(new FeedTokens(db, 'xoxb-key').token('cs101-fall-2025', NOW)).not.toBe(token);
    db.close();
  });

  it('are stored as a SHA-256 hash, never as they are', () => {
    const db = openDatabase(':memory:');
    const token = new FeedTokens(db, 'xoxb-key').token(COURSE, NOW);
    const row = db.prepare('SELECT * FROM feed_tokens').get() as Record<string, string>;
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('match only the current token of the course', () => {
    const db = openDatabase(':memory:');
    const tokens = new FeedTokens(db, 'xoxb-key');
    const token = tokens.token(COURSE, NOW);
    expect(tokens.matches(COURSE, token)).toBe(true);
    expect(tokens.matches('cs101-fall-2025', token)).toBe(false);
    expect(tokens.matches(COURSE, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokens.matches(COURSE, '')).toBe(false);
    const rotated = tokens.rotate(COURSE, NOW);
    expect(rotated).not.toBe(token);
    expect(tokens.matches(COURSE, token)).toBe(false);
    expect(tokens.matches(COURSE, rotated)).toBe(true);
    db.close();
  });

  it('change with the key, and the old link stops matching once the new one is made', () => {
    const db = openDatabase(':memory:');
    const old = new FeedTokens(db, 'xoxb-old').token(COURSE, NOW);
    const tokens = new FeedTokens(db, 'xoxb-new');
    const fresh = tokens.token(COURSE, NOW);
    expect(fresh).not.toBe(old);
    expect(tokens.matches(COURSE, old)).toBe(false);
    expect(tokens.matches(COURSE, fresh)).toBe(true);
    db.close();
  });
});
