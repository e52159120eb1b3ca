import type { DateTime } from 'luxon';

/** Behind the stored progress by more than this, the clock is said to be behind (NTP nudges are smaller). */
export const BEHIND_TOLERANCE_MS = 60_000;
/** Ahead of the time that really passed between two ticks by more than this, the clock jumped forward. */
export const JUMP_AFTER_MS = 60 * 60_000;
/** After a jump forward, posts due this long before the new time are still handled; older ones wait. */
export const CATCH_UP_AFTER_JUMP_MS = 60 * 60_000;

/** What a tick learns by comparing the clock with the stored progress and with the time that passed. */
export type ClockReading =
  | { kind: 'steady' }
  /** The clock is behind the watermark: progress recorded by a clock that was ahead. */
  | { kind: 'behind'; byMs: number }
  /** The clock moved `byMs` more than really passed since the last tick, which was at `lastAt`. */
  | { kind: 'jumped'; byMs: number; lastAt: DateTime };

/**
 * Tells a clock that went back (behind the watermark) or jumped forward while the process ran. A jump is
 * only measurable inside one process: the course clock moved much further than a monotonic clock did.
 */
export class ClockWatch {
  private last: { at: DateTime; mono: number } | undefined;

  constructor(private readonly monotonicMs?: () => number) {}

  read(now: DateTime, watermark: DateTime): ClockReading {
    const behind = watermark.toMillis() - now.toMillis();
    const last = this.last;
    const mono = this.monotonicMs?.();
    if (mono !== undefined) this.last = { at: now, mono };
    if (behind > BEHIND_TOLERANCE_MS) return { kind: 'behind', byMs: behind };
    if (!last || mono === undefined) return { kind: 'steady' };
    const extra = now.toMillis() - last.at.toMillis() - (mono - last.mono);
    return extra > JUMP_AFTER_MS ? { kind: 'jumped', byMs: extra, lastAt: last.at } : { kind: 'steady' };
  }
}

/** "7 days 2 hours", "3 hours 5 minutes", "4 minutes": how far a clock is off, for one log line. */
export function spanText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, unit: string) => (n ? [`${n} ${unit}${n === 1 ? '' : 's'}`] : []);
  const parts = days
    ? [...part(days, 'day'), ...part(hours, 'hour')]
    : [...part(hours, 'hour'), ...part(mins, 'minute')];
  return parts.join(' ') || `${Math.round(ms / 1000)} seconds`;
}
