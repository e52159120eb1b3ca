import { sql, type RawBuilder } from 'kysely';

/**
 * The 64-bit key of a PostgreSQL advisory lock named `name`, computed by the server. The current schema is
 * part of it, so two deployments (or two tests) sharing one database in different schemas never wait for
 * each other's locks.
 */
export function advisoryKey(name: string): RawBuilder<unknown> {
  return sql`hashtextextended(current_schema() || ${`/${name}`}, 0)`;
}
