import { DateTime } from 'luxon';

/** The only way the program learns the time: injected everywhere, so tests and demos can set it. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.now() };

/**
 * A clock that starts at a given instant and runs on in real time from there (COURSEBOT_NOW / --now).
 */
export function shiftedClock(start: DateTime, base: Clock = systemClock): Clock {
  const offsetMs = start.toMillis() - base.now().toMillis();
  // Asked on every command and log line: from milliseconds, not plus() (luxon's duration arithmetic is the
  // slower way to the same instant), and on the system clock without reading a DateTime of it first (each
  // DateTime costs a Locale of its own).
  if (base === systemClock) return { now: () => DateTime.fromMillis(Date.now() + offsetMs) };
  return {
    now: () => {
      const then = base.now();
      return DateTime.fromMillis(then.toMillis() + offsetMs, { zone: then.zone });
    },
  };
}

/** A clock that only moves when told to: for tests. */
export class ManualClock implements Clock {
  constructor(private current: DateTime) {}
  now(): DateTime {
    return this.current;
  }
  set(to: DateTime): void {
    this.current = to;
  }
  advance(by: { minutes?: number; hours?: number; days?: number; seconds?: number }): void {
    this.current = this.current.plus(by);
  }
}
