import type { Clock } from './clock.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One line per event. Callers never pass tokens or secrets: see describeConfig. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Stamps each line with the bot's own time (which COURSEBOT_NOW may shift). */
  clock?: Clock;
  /** The timezone the stamps are shown in (the course's, once a plan is loaded); the clock's otherwise. */
  zone?: () => string | undefined;
  write?: (line: string) => void;
}

/** A tiny leveled logger writing to stderr, so stdout stays for what the user asked to see. */
export function createLogger({
  level = 'info',
  clock,
  zone,
  write = (line) => process.stderr.write(`${line}\n`),
}: LoggerOptions = {}): Logger {
  // The stamp of the second last logged in: formatting a zoned time costs more than the rest of a line, and
  // a busy bot logs many lines a second (one per command answered).
  let last: { second: number; zone: string | undefined; stamp: string } | undefined;
  const stampNow = (): string => {
    if (!clock) return '';
    const now = clock.now();
    const second = Math.floor(now.toMillis() / 1000);
    const shownIn = zone?.();
    if (last?.second === second && last.zone === shownIn) return last.stamp;
    const stamp = `${(shownIn ? now.setZone(shownIn) : now).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")} `;
    last = { second, zone: shownIn, stamp };
    return stamp;
  };
  const at = (wanted: LogLevel) => (message: string) => {
    if (RANK[wanted] < RANK[level]) return;
    // Newlines would split one event over several lines and break log parsing.
    write(`${stampNow()}${wanted} ${message.replace(/\s*\n\s*/g, ' ')}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Swallows everything: for tests that do not look at the log. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
