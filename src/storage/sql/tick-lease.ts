import { DateTime } from 'luxon';
import { claimByKey, renewLease } from './claim.ts';
import type { DatabaseRetry } from './retry.ts';
import type { SqlStore } from './sql-store.ts';
import type { LedgerLease } from './tables/ledger-lease.ts';

/**
 * A course's tick is held for the instance's send lease (`lease.leaseMs`), and a tick that runs long (a
 * catch-up, a slow Slack) renews it every third of that. An instance that dies then holds its courses no
 * longer than its sends, so another finishes both within one lease and a tick.
 */
const RENEWALS_PER_LEASE = 3;
const TABLE = 'course_ticks';

export interface TickLeaseDeps {
  sql: SqlStore;
  retry: Pick<DatabaseRetry, 'run'>;
  /** This instance, and the wall clock leases are measured by. */
  lease: LedgerLease;
  /**
   * Nothing else can use the store (a SQLite file under this process's instance lock): every tick is this
   * instance's, and claiming it would only cost two writes per course and tick.
   */
  soleInstance?: boolean;
}

export type TickClaim =
  | { held: true; release(): Promise<void> }
  /** Another instance's lease on this course's tick is running: skip the course this tick. */
  | { held: false; holder: string };

/**
 * Claims the tick of one course for this instance, so that of several instances one at a time decides,
 * claims and sends its posts. A lease row, not a lock held in a transaction: a tick waits on Slack, and a
 * transaction open across those calls would hold one of the pool's few connections per course (and, on
 * SQLite, the only one). The lease is renewed while the tick runs and released at its end by setting it
 * to an expired time (0), never NULL: claimByKey gives a NULL lease to no one. An instance that dies mid-tick
 * holds the course for at most one lease.
 */
export async function claimCourseTick(deps: TickLeaseDeps, courseId: string): Promise<TickClaim> {
  const { sql, retry, lease } = deps;
  if (deps.soleInstance) return { held: true, release: async () => {} };
  const request = { table: TABLE, key: courseId, holder: lease.holder, leaseMs: lease.leaseMs };
  const claim = await retry.run(() =>
    claimByKey(sql, { ...request, now: DateTime.fromMillis(lease.wallNow()) }),
  );
  if (claim.outcome === 'held') return { held: false, holder: claim.holder };
  // Released ticks keep their row with lease 0, so no tick row is ever "finished".
  if (claim.outcome === 'finished') throw new Error(`the tick row of ${courseId} has no lease`);
  const renewing = setInterval(() => {
    void renewLease(sql, { ...request, now: DateTime.fromMillis(lease.wallNow()) }).catch(() => {
      // An outage: the next renewal (or the release) tries again; the lease covers the wait.
    });
  }, lease.leaseMs / RENEWALS_PER_LEASE);
  renewing.unref();
  return {
    held: true,
    async release() {
      clearInterval(renewing);
      await retry.run(() =>
        sql.db
          .updateTable(TABLE)
          .set({ lease_expires_at: 0 })
          .where('key', '=', courseId)
          .where('holder', '=', lease.holder)
          .execute(),
      );
    },
  };
}

/**
 * A course's tick lease as this process uses it: its tick, an announcement a confirmation sends and the
 * start may overlap in one process, so the lease is claimed when the first of them begins and released
 * when the last one ends (releasing it while another still ran would let a second instance in beside it).
 */
export class CourseTickLease {
  private claim: Promise<TickClaim> | undefined;
  private users = 0;
  private released: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: TickLeaseDeps,
    private readonly courseId: string,
  ) {}

  /** Runs `work` holding the lease; `{ ran: false }` when another instance holds it. */
  async run<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false; holder: string }> {
    this.users += 1;
    // A claim after a release waits for it: the release sets this holder's lease to expired.
    this.claim ??= this.released.then(() => claimCourseTick(this.deps, this.courseId));
    const mine = this.claim;
    try {
      const claim = await mine;
      if (!claim.held) return { ran: false, holder: claim.holder };
      return { ran: true, value: await work() };
    } finally {
      this.users -= 1;
      if (this.users === 0) {
        this.claim = undefined;
        this.released = mine.then((c) => (c.held ? c.release() : undefined)).catch(() => {});
        await this.released;
      }
    }
  }
}
