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
  const at = (wanted: LogLevel) => (message: string) => {
    if (RANK[wanted] < RANK[level]) return;
    const shownIn = zone?.();
    const now = clock && (shownIn ? clock.now().setZone(shownIn) : clock.now());
    const stamp = now ? `${now.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")} ` : '';
    // Newlines would split one event over several lines and break log parsing.
    write(`${stamp}${wanted} ${message.replace(/\s*\n\s*/g, ' ')}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Swallows everything: for tests that do not look at the log. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
