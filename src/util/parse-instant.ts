import { DateTime } from 'luxon';
import { UserError } from './user-error.ts';

/**
 * An instant typed by a person (`--now`, COURSEBOT_NOW). An offset in the text wins; without one the time is
 * the course's local time, which is what someone testing "Monday 6 pm" means.
 */
export function parseInstant(text: string, zone: string, source: string): DateTime {
  const instant = DateTime.fromISO(text.trim(), { zone, setZone: true });
  if (!instant.isValid) {
    throw new UserError(
      `${source} "${text}" is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course's timezone)`,
    );
  }
  return instant;
}
