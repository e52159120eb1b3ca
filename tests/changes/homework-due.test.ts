// A homework added from Slack with its deadline: the release post says when it is due, from the plan.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/changes/apply-change.ts';
import { parseChange } from '../../src/changes/parse-change.ts';
import { renderText } from '../../src/content/render-text.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { cs599, MONDAY } from './plan-fixture.ts';

const zone = 'America/New_York';
const postsOn = (plan: ReturnType<typeof cs599>, day: string) =>
  derivePosts(
    plan,
    { from: DateTime.fromISO(`${day}T00:00`, { zone }), to: DateTime.fromISO(`${day}T23:59`, { zone }) },
    { defaultChannel: 'C0CLASS' },
  );

describe('add homework with its deadline', () => {
  it('adds both events, and the release post names the due date', () => {
    const parsed = parseChange('add homework Oct 21 HW3 out, due Oct 28 11:59pm', cs599(), MONDAY);
    if (!parsed.ok) throw new Error(parsed.message);
    const applied = applyChange(cs599(), parsed.change);
    expect(renderText(applied.announcement)).toBe(
      '  New homework: HW3 released on Tue Oct 21.\n  New deadline: HW3 due on Tue Oct 28 at 11:59 PM.',
    );
    expect(applied.summary).toBe(
      'added homework hw3-released on Tue Oct 21 and deadline hw3-due on Tue Oct 28 at 11:59 PM',
    );
    const release = postsOn(applied.plan, '2025-10-21').find((p) =>
      p.reminders.some((r) => r.key.startsWith('homework:hw3-released')),
    );
    expect(renderText(release!.content)).toContain('HW3 is out today, due Tue Oct 28 at 11:59 PM');
  });

  it('says nothing of a due date the plan does not know', () => {
    const parsed = parseChange('add homework Oct 21 HW4 posted', cs599(), MONDAY);
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = applyChange(cs599(), parsed.change).plan;
    const release = postsOn(plan, '2025-10-21').find((p) =>
      p.reminders.some((r) => r.key.startsWith('homework:hw4-released')),
    );
    expect(renderText(release!.content)).toMatch(/HW4 is out today(\.|$)/m);
  });
});
