import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ManualClock, shiftedClock } from '../../src/util/clock.ts';

describe('shiftedClock', () => {
  it('starts at the given instant and runs on with its base, in the base zone', () => {
    const base = new ManualClock(DateTime.fromISO('2026-03-08T01:30:00', { zone: 'America/New_York' }));
    const clock = shiftedClock(DateTime.fromISO('2025-10-14T09:00:00-04:00'), base);
    expect(clock.now().toISO()).toBe('2025-10-14T09:00:00.000-04:00');
    base.advance({ hours: 1 }); // the base crosses its spring-forward hour: the shifted clock moves one hour
    expect(clock.now().toISO()).toBe('2025-10-14T10:00:00.000-04:00');
    expect(clock.now().zoneName).toBe('America/New_York');
  });
});

describe('shiftedClock on the system clock', () => {
  it('runs on in real time from the given instant', async () => {
    const clock = shiftedClock(DateTime.fromISO('2025-10-14T09:00:00-04:00'));
    const first = clock.now().toMillis();
    expect(Math.abs(first - DateTime.fromISO('2025-10-14T09:00:00-04:00').toMillis())).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().toMillis() - first).toBeGreaterThanOrEqual(15);
  });
});
