import type { LedgerRow, LedgerState } from '../../../delivery/ledger-row.ts';

/** The ledger's columns as the SQL layer reads them (PostgreSQL and SQLite alike). */
export interface LedgerTable {
  course_id: string;
  key: string;
  channel: string;
  due_at: string;
  state: LedgerState;
  ts: string | null;
  reason: string | null;
  attempts: number;
  next_attempt_at: string | null;
  updated_at: string;
  holder: string;
  lease_expires_at: number | null;
}

export const LEDGER_COLUMNS = [
  'key',
  'channel',
  'due_at',
  'state',
  'ts',
  'reason',
  'attempts',
  'next_attempt_at',
  'updated_at',
] as const;

export function ledgerRowOf(r: Pick<LedgerTable, (typeof LEDGER_COLUMNS)[number]>): LedgerRow {
  return {
    key: r.key,
    channel: r.channel,
    dueAt: r.due_at,
    state: r.state,
    ts: r.ts,
    reason: r.reason,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    updatedAt: r.updated_at,
  };
}
