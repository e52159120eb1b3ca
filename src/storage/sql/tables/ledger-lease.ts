import type { DateTime } from 'luxon';

/**
 * Who this instance is to the ledger, and the wall clock its leases are measured by. Leases compare wall
 * clocks across machines (keep them synchronised, and the lease far longer than their drift); the course
 * clock, which a demo shifts, only stamps the rows.
 */
export interface LedgerLease {
  /** Unique per process: a restarted process is a new holder, whose predecessor's sends it may take over. */
  holder: string;
  /** How long a send may take before another instance may take it over (after looking it up first). */
  leaseMs: number;
  /** Epoch milliseconds of the wall clock. */
  wallNow(): number;
}

/**
 * The lease of a row that waits until `at` (course clock) for its next attempt or lookup, on the wall
 * clock: as far ahead of the wall clock as `at` is of `now`, so a shifted demo clock still waits the same.
 */
export function leaseUntil(lease: LedgerLease, now: DateTime, at: DateTime): number {
  return lease.wallNow() + Math.max(0, at.toMillis() - now.toMillis());
}
