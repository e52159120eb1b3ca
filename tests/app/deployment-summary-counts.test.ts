import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { deploymentSummary, SUMMARY_COURSES } from '../../src/app/deployment-summary.ts';
import type { RunningDeployment } from '../../src/deployment/running-deployment.ts';

/** Only what the counts summary reads; a course block would need the rest, and must not be built. */
function deploymentOf(count: number, retired: number): RunningDeployment {
  const courses = Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    retiredAt: () => (i < retired ? DateTime.utc(2025, 10, 1) : undefined),
    plans: {
      current: () => {
        throw new Error('a many-course summary must not derive each course');
      },
    },
  }));
  return { courses: () => courses } as unknown as RunningDeployment;
}

describe('the start summary of many courses', () => {
  it('gives counts and where the details are, without deriving every course', async () => {
    const lines = await deploymentSummary({
      deployment: deploymentOf(SUMMARY_COURSES + 1, 2),
      now: DateTime.fromISO('2025-10-21T07:59:30-04:00', { setZone: true }),
      mode: 'Mode: console',
      databasePath: './data/x.db',
      clockSetBy: 'COURSEBOT_NOW',
      started: new Map([['c3', { clockNote: 'a note' } as never]]),
    });
    expect(lines[0]).toBe(`coursebot: ${SUMMARY_COURSES + 1} courses (2 retired: they post nothing)`);
    expect(lines).toContain('Database: ./data/x.db');
    expect(
      lines.some(
        (l) => l.startsWith('Clock: set to Tue Oct 21 2025 7:59:30 AM') && l.includes('COURSEBOT_NOW'),
      ),
    ).toBe(true);
    expect(lines).toContain('a note');
    expect(lines.at(-1)).toBe('Each course, its channels, staff and next post: coursebot courses');
  });
});
