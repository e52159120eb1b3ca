// An instant typed by a person: an offset wins; without one it is the course's local time, across DST too.
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/util/parse-instant.ts';

describe('parseInstant', () => {
  it('reads a time without an offset in the course timezone', () => {
    expect(parseInstant('2025-10-21T07:59:30', 'America/New_York', 'COURSEBOT_NOW').toISO()).toBe(
      '2025-10-21T07:59:30.000-04:00',
    );
    expect(parseInstant('2025-11-03T09:00', 'America/New_York', 'COURSEBOT_NOW').toISO()).toBe(
      '2025-11-03T09:00:00.000-05:00',
    );
  });

  it('keeps an explicit offset', () => {
    expect(parseInstant('2025-10-21T11:59:30Z', 'America/New_York', '--now').toUTC().toISO()).toBe(
      '2025-10-21T11:59:30.000Z',
    );
  });

  it('explains a value that is not a time in one line', () => {
    expect(() => parseInstant('next tuesday', 'America/New_York', '--now')).toThrow(
      '--now "next tuesday" is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course\'s timezone)',
    );
  });
});
