// A staff preview too long for one Slack message, through the real Bolt app and the fake Slack: what Slack
// receives stays within 50 blocks and Slack's total text, the Confirm button is in it, and confirming works.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/plan/local-date.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { revisedPlanOver } from '../support/revised-plan.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { staffBot, recordingLogger } from './slack-kit.ts';

const PROF = 'U0PROF';
type Block = { type: string; elements?: { action_id: string; value: string }[] };
type Payload = { text?: string; blocks?: Block[] };

/** CS 599 from Class 14 on as 60 daily classes with long topics: shifting them all is a 60-line preview. */
function longTerm(): Plan {
  const plan = cs599();
  const first = plan.sessions.findIndex((s) => s.number === 14);
  const template = plan.sessions[first]!;
  const later = Array.from({ length: 60 }, (_, i) => ({
    ...template,
    date: addDays(template.date, i),
    number: 14 + i,
    topic: `Topic ${14 + i}: ${'a long title '.repeat(120)}`,
  }));
  return { ...plan, sessions: [...plan.sessions.slice(0, first), ...later], events: [] };
}

let fake: FakeSlack | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await fake?.close();
});

describe('a long staff preview', () => {
  it('reaches Slack in at most 50 blocks with its Confirm button, and can be confirmed', async () => {
    fake = await startFakeSlack();
    const log = recordingLogger();
    const clock = new ManualClock(MONDAY);
    const db = openDatabase(':memory:');
    const plans = await revisedPlanOver(db, longTerm(), log);
    const { slack, staff } = await staffBot({ fake, db, plans, clock, log });
    await slack.start();
    stop = async () => {
      await staff.stop();
      await slack.stop();
      db.close();
    };

    const preview = (await fake.sendSlashCommand({ text: 'cancel 14 shift', user_id: PROF }))
      .payload as Payload;
    const blocks = preview.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    // The text of all blocks together stays under what chat.postMessage accepts (about 12,000).
    expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
    expect(JSON.stringify(blocks.at(-2))).toMatch(/…and \d+ more lines not shown/);
    const confirm = blocks.at(-1)?.elements?.find((e) => e.action_id === CONFIRM_ACTION);
    expect(confirm).toBeDefined();

    const before = fake.responses().length;
    await fake.sendInteractive({
      actions: [{ action_id: CONFIRM_ACTION, value: confirm!.value }],
      userId: PROF,
    });
    await expect.poll(() => fake!.responses().length, { timeout: 3000 }).toBeGreaterThan(before);
    expect((fake.responses()[before]!.body as Payload).text).toMatch(/^Done \(#1\)/);
    expect(plans.current().sessions.find((s) => s.date === '2025-10-21')?.noClass).toBeTruthy();
    // The announcement in the channel is capped the same way.
    await expect.poll(() => fake!.messages('C0CLASS').length, { timeout: 3000 }).toBe(1);
    const posted = fake.messages('C0CLASS')[0]!.blocks!;
    expect(posted.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(posted).length).toBeLessThan(12_000);
  });
});
