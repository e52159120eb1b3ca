/**
 * What a database error means for the caller: whether waiting and trying again can help, and the words a
 * person needs to fix it. One home for the codes, shared by opening the store and by the retry.
 */

/** Node's socket errors for a server that is not (or no longer) there. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a server that went away or is not ready yet: admin shutdown (a restart),
 * crash shutdown, "the database system is starting up" / "is shutting down", too many connections.
 * Class 08 (connection exceptions) is matched as a whole.
 */
const POSTGRES_GONE = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg's own messages when a socket closes under it; they carry no code. */
const PG_CLOSED =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i;

/** Two transactions that got in each other's way: running the whole transaction again is the cure. */
const CONFLICT_CODES = new Set(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

export type ErrorKind = 'unreachable' | 'conflict' | 'permanent';

export function errorKindOf(error: unknown): ErrorKind {
  const code = codeOf(error);
  if (code && (SOCKET_CODES.has(code) || POSTGRES_GONE.has(code) || /^08/.test(code))) return 'unreachable';
  if (code && CONFLICT_CODES.has(code)) return 'conflict';
  if (!code && PG_CLOSED.test(messageOf(error))) return 'unreachable';
  // AggregateError: pg tried every address of a host name (IPv4 and IPv6) and each failed.
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every((inner) => errorKindOf(inner) === 'unreachable') ? 'unreachable' : 'permanent';
  }
  return 'permanent';
}

export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code) return code;
  if (error instanceof AggregateError) return error.errors.map(codeOf).find(Boolean);
  return undefined;
}

/** The error's own words in one line, with its code when the words do not already say it. */
export function reasonOf(error: unknown): string {
  const code = codeOf(error);
  let message = messageOf(error);
  if (!message && error instanceof AggregateError) message = error.errors.map(messageOf).find(Boolean) ?? '';
  if (!message) return code ?? 'unknown error';
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error ?? '')).replace(/\s*\n\s*/g, ' ').trim();
}
