import type { CreateTableBuilder } from 'kysely';

/**
 * The columns claimByKey relies on, for a migration that creates a claimable table:
 * `db.schema.createTable('ledger').$call(claimColumns).addColumn(…)`.
 */
export function claimColumns<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('holder', 'text', (column) => column.notNull())
    .addColumn('lease_expires_at', 'bigint');
}
