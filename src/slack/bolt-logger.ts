import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { maskFeedSecrets } from '../http/calendar-route.ts';
import type { Logger } from '../util/logger.ts';

/** Tokens never reach a log, whatever a library puts in its messages. */
const TOKEN = /\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;

/**
 * Bolt, WebClient and the Socket Mode client log through this: each call becomes one line of ours,
 * Error objects reduced to their message (stacks only at debug), tokens and calendar feed secrets masked.
 */
export function boltLogger(log: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'slack';
  const line = (parts: unknown[], withStacks: boolean) =>
    maskFeedSecrets(`${name}: ${parts.map((p) => describe(p, withStacks)).join(' ')}`.replace(TOKEN, '$1-…'));
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
  const on = (wanted: LogLevel) => rank[wanted] >= rank[current];
  return {
    debug: (...parts: unknown[]) => on(LogLevel.DEBUG) && log.debug(line(parts, true)),
    info: (...parts: unknown[]) => on(LogLevel.INFO) && log.info(line(parts, false)),
    warn: (...parts: unknown[]) => on(LogLevel.WARN) && log.warn(line(parts, false)),
    error: (...parts: unknown[]) => on(LogLevel.ERROR) && log.error(line(parts, false)),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}

function describe(part: unknown, withStack: boolean): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return withStack && part.stack ? part.stack : `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/** Our level names map one to one onto Bolt's. */
export const boltLevel = (level: 'debug' | 'info' | 'warn' | 'error'): LogLevel =>
  ({ debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR })[level];
