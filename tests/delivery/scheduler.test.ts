// The cron scheduler: a tick every 15 seconds, never two at once, and a stop that waits for the tick in flight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../src/delivery/scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-10-21T11:59:50Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startScheduler', () => {
  it('ticks on every 15-second slot', async () => {
    const ticks: string[] = [];
    const scheduler = startScheduler(async () => void ticks.push(new Date().toISOString().slice(11, 19)));
    await vi.advanceTimersByTimeAsync(46_000);
    await scheduler.stop();
    expect(ticks).toEqual(['12:00:00', '12:00:15', '12:00:30']);
  });

  it('skips a slot while a tick is still running, and stop() waits for it', async () => {
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const scheduler = startScheduler(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 20_000)); // slower than a slot
      running--;
      finished++;
    });
    await vi.advanceTimersByTimeAsync(26_000); // 12:00:16: the 12:00:15 slot found the first tick busy
    expect({ running, maxRunning }).toEqual({ running: 1, maxRunning: 1 });
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(stopped).toBe(false); // the tick runs until 12:00:20
    await vi.advanceTimersByTimeAsync(2_000);
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000); // and nothing runs after the stop
    expect({ finished, maxRunning, running }).toEqual({ finished: 1, maxRunning: 1, running: 0 });
  });

  it('logs a failed tick in one line and keeps going', async () => {
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (m: string) => void lines.push(m) };
    let calls = 0;
    const scheduler = startScheduler(
      async () => {
        calls++;
        throw new Error('database is locked');
      },
      { logger },
    );
    await vi.advanceTimersByTimeAsync(31_000);
    await scheduler.stop();
    expect(calls).toBe(2);
    expect(lines).toEqual([
      'reminder tick failed: database is locked',
      'reminder tick failed: database is locked',
    ]);
  });
});

describe('startScheduler with tickNow', () => {
  it('ticks at once, and a slot during that first tick does not start a second one', async () => {
    let running = 0;
    const starts: string[] = [];
    const scheduler = startScheduler(
      async () => {
        running++;
        starts.push(new Date().toISOString().slice(11, 19));
        expect(running).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        running--;
      },
      { tickNow: true },
    );
    await vi.advanceTimersByTimeAsync(31_000); // 12:00:21: the 12:00:00 slot found the first tick busy
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(6_000); // the 12:00:15 tick ends at 12:00:27
    await stopping;
    expect(starts).toEqual(['11:59:50', '12:00:15']);
  });
});
