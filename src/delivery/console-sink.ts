import { writeSync } from 'node:fs';
import { DateTime } from 'luxon';
import { renderText } from '../content/render-text.ts';
import type { Lookup, Outgoing, SendResult, Sink } from './sink.ts';

/**
 * Console mode: each post is printed with its channel and time. The write is synchronous and the
 * dispatcher records the result right after it, in the same turn of the event loop, so a kill lands
 * between the two only by a matter of microseconds. The console keeps no history, though: a post
 * interrupted in exactly that instant cannot be looked up afterwards and is printed again (the one
 * documented limit of console mode, in `coursebot start --help`).
 */
export class ConsoleSink implements Sink {
  readonly name = 'console';
  readonly canConfirm = false;

  constructor(private readonly write: (text: string) => void = (text) => writeSync(1, text)) {}

  async send({ channel, at, content }: Outgoing): Promise<SendResult> {
    this.write(`${consoleHeader(channel, at)}\n${renderText(content)}\n\n`);
    return { ok: true };
  }

  async findPosted(): Promise<Lookup> {
    return { found: 'unknown', reason: 'the console keeps no record of what it printed' };
  }
}

/** `── #cs599 · Tue Oct 21 8:00 AM ──`, in the course's local time (the offset `at` carries). */
export function consoleHeader(channel: string, at: string): string {
  const when = DateTime.fromISO(at, { setZone: true }).setLocale('en-US').toFormat('ccc LLL d h:mm a');
  return `── ${channel} · ${when} ──`;
}
