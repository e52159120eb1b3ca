import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/util/clock.ts';
import { createLogger } from '../../src/util/logger.ts';

describe('createLogger', () => {
  const setUp = (zone?: () => string | undefined) => {
    const lines: string[] = [];
    const clock = new ManualClock(DateTime.fromISO('2025-11-02T05:59:59.200Z', { zone: 'utc' }));
    const log = createLogger({
      level: 'info',
      clock,
      ...(zone ? { zone } : {}),
      write: (l) => lines.push(l),
    });
    return { lines, clock, log };
  };

  it('stamps each line with the second it is written in, in the zone asked for', () => {
    let zone: string | undefined = 'America/New_York';
    const { lines, clock, log } = setUp(() => zone);
    log.info('one');
    clock.advance({ seconds: 0.5 }); // same second
    log.info('two');
    clock.advance({ seconds: 0.5 }); // 06:00:00Z: the DST change in New York, 01:00 EST
    log.warn('three');
    zone = undefined;
    log.error('four');
    expect(lines).toEqual([
      '2025-11-02T01:59:59-04:00 info one',
      '2025-11-02T01:59:59-04:00 info two',
      '2025-11-02T01:00:00-05:00 warn three',
      '2025-11-02T06:00:00+00:00 error four',
    ]);
  });

  it('drops lines below its level and keeps one event on one line', () => {
    const { lines, log } = setUp();
    log.debug('hidden');
    log.info('first\n   second');
    expect(lines).toEqual(['2025-11-02T05:59:59+00:00 info first second']);
  });
});
