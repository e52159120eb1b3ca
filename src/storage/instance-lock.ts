import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { UserError } from '../util/user-error.ts';

/** How long a holder that stopped renewing keeps the database (another host cannot check its pid). */
export const LEASE_MS = 30_000;

export interface InstanceLock {
  /** Renews the lease; false when another process has taken the database over (this one must stop). */
  renew(): boolean;
  /** Gives the database up (a clean stop), so the next start need not wait. */
  release(): void;
}

export interface LockOptions {
  /** The wall clock, not the course clock: a demo's COURSEBOT_NOW must not make a lease look expired. */
  nowMs?: () => number;
  pid?: number;
  host?: string;
  leaseMs?: number;
  /** Whether a process of this host is alive: a holder killed with SIGKILL is not, and is replaced at once. */
  isAlive?: (pid: number) => boolean;
}

interface LockRow {
  holder: string;
  pid: number;
  host: string;
  expires_at: number;
}

/**
 * Takes the database for this process, or refuses with one line when another running bot holds it. The
 * check and the take are one IMMEDIATE transaction, so two bots starting at the same moment cannot both
 * win. A holder that died (its pid gone on this host, or its lease run out) does not block a restart.
 * The write also proves the database is writable before anything is sent.
 */
export function acquireInstanceLock(db: Database, path: string, options: LockOptions = {}): InstanceLock {
  const nowMs = options.nowMs ?? (() => Date.now());
  const pid = options.pid ?? process.pid;
  const host = options.host ?? hostname();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const isAlive = options.isAlive ?? pidAlive;
  const holder = randomUUID();
  const take = db.transaction(() => {
    const row = db.prepare<[], LockRow>('SELECT holder, pid, host, expires_at FROM instance_lock').get();
    // On this host, a holder whose pid is gone died; one with our own pid is an earlier life of this
    // process's slot (a container restarted keeps its hostname, and runs the bot as pid 1 again).
    const dead = row?.host === host && (row.pid === pid || !isAlive(row.pid));
    if (row && row.expires_at > nowMs() && !dead) {
      throw new UserError(
        `Another coursebot (pid ${row.pid} on ${row.host}) is already running on the database ${path}: stop it first, or give this one its own COURSEBOT_DB`,
      );
    }
    db.prepare(
      `INSERT INTO instance_lock (id, holder, pid, host, expires_at) VALUES (1, @holder, @pid, @host, @expires)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host,
         expires_at = excluded.expires_at`,
    ).run({ holder, pid, host, expires: nowMs() + leaseMs });
  });
  try {
    take.immediate();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `Cannot write to the database ${path}: ${messageOf(error)} (make the file and its folder writable, or set COURSEBOT_DB)`,
    );
  }
  const renew = db.prepare(
    'UPDATE instance_lock SET expires_at = @expires WHERE id = 1 AND holder = @holder',
  );
  return {
    renew: () => renew.run({ holder, expires: nowMs() + leaseMs }).changes === 1,
    release: () => {
      db.prepare('DELETE FROM instance_lock WHERE id = 1 AND holder = ?').run(holder);
    },
  };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
