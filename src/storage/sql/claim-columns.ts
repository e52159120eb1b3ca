import type { ColumnDataType, CreateTableBuilder, Expression } from 'kysely';

/**
 * The columns claimByKey relies on, for a migration that creates a claimable table:
 * `db.schema.createTable('ledger').$call(claimColumns).addColumn(…)`. `keyType` is the key's column type
 * (text by default; the bot's schema gives its keys a byte-by-byte collation on PostgreSQL).
 */
export function claimColumns<T extends string>(
  table: CreateTableBuilder<T>,
  keyType: ColumnDataType | Expression<unknown> = 'text',
): CreateTableBuilder<T> {
  return table
    .addColumn('key', keyType, (column) => column.primaryKey())
    .addColumn('holder', 'text', (column) => column.notNull())
    .addColumn('lease_expires_at', 'bigint');
}
