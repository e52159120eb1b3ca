import type { Database as SqliteFile, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every query the bot writes (a few dozen shapes), with room for raw SQL that varies. */
export const STATEMENTS_KEPT = 256;

/**
 * The connection as Kysely's SQLite dialect sees it, with each prepared statement kept for its SQL text.
 * Kysely prepares every query it runs afresh, and preparing costs more than running the small queries the bot
 * makes: at start-up a department of a thousand courses spent more time preparing than querying. A statement
 * is safe to reuse once it has run (`all` and `run` finish before returning); the only busy statement would
 * be one being iterated, which `stream()` does, so a streamed query gets a fresh one. The least recently
 * used statement goes when the cache is full.
 */
export function cachedStatements(file: SqliteFile, kept = STATEMENTS_KEPT): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      file.close();
    },
    prepare(sql: string) {
      const known = cache.get(sql);
      if (known && !known.busy) {
        // Moved to the end: the Map's order is the order of use.
        cache.delete(sql);
        cache.set(sql, known);
        return known;
      }
      const statement = file.prepare(sql);
      if (!known) {
        cache.set(sql, statement);
        if (cache.size > kept) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
