// The benchmark's synthetic department: every generated plan is valid, has 30 sessions and 6 events, its own
// code and channel, and exactly one post due at 08:00 on the burst day (its class-day post), and the
// courses vary in meeting days and terms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { BURST_DAY, DEPARTMENT_ZONE, writeDepartment } from '../../bench/department-plans.ts';
import { loadPlanOrThrow } from '../../src/files/plan-file.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';

const dir = mkdtempSync(join(tmpdir(), 'coursebot-department-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the synthetic department', () => {
  const courses = writeDepartment(dir, 60);
  const plans = courses.map((c) => loadPlanOrThrow(c.file).plan);

  it('writes valid plans of 30 sessions and 6 events, each course with its own code and channel', () => {
    for (const plan of plans) {
      expect(plan.sessions).toHaveLength(30);
      expect(plan.events).toHaveLength(6);
    }
    expect(new Set(plans.map((p) => p.course.code)).size).toBe(60);
    expect(new Set(plans.map((p) => p.reminders.channels.default)).size).toBe(60);
    expect(new Set(plans.map((p) => p.course.term)).size).toBeGreaterThan(1);
    const weekdays = (p: (typeof plans)[number]) =>
      [...new Set(p.sessions.map((s) => DateTime.fromISO(s.date).weekday))].sort().join();
    expect(new Set(plans.map(weekdays)).size).toBeGreaterThan(3);
  });

  it('gives each course exactly one post at 08:00 on the burst day, its class-day post, in its channel', () => {
    const from = DateTime.fromISO(`${BURST_DAY}T07:00`, { zone: DEPARTMENT_ZONE });
    courses.forEach((course, i) => {
      const posts = derivePosts(plans[i]!, { from, to: from.plus({ hours: 2 }) }, { defaultChannel: 'x' });
      expect(posts).toHaveLength(1);
      expect(DateTime.fromISO(posts[0]!.at).toMillis()).toBe(from.plus({ hours: 1 }).toMillis());
      expect(posts[0]!.channel).toBe(course.channel);
      expect(posts[0]!.reminders.map((r) => r.kind)).toEqual(['class-day']);
    });
  });
});
