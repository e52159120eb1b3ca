// /schedule remind: subscribing per kind with lead times, one-line errors for bad ones, off, list, and the
// presenter's opt-out, stored per course and user.
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { lineText } from '../../src/content/content.ts';
import { parseLeadTimes } from '../../src/reminders/parse-lead-times.ts';
import { registerRemindCommand } from '../../src/slack/remind-command.ts';
import { ScheduleCommandTable, type ScheduleReply } from '../../src/slack/schedule-commands.ts';
import { SubscriptionCache } from '../../src/deployment/subscription-cache.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { SqlDmSubscriptions } from '../../src/storage/sql/tables/sql-dm-subscriptions.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { dmPlan } from './dm-plan.ts';

const COURSE = 'cs599e1-fall-2025';
let db: Database;
let store: SubscriptionCache;
let table: ScheduleCommandTable;

beforeEach(async () => {
  db = openDatabase(':memory:');
  store = new SubscriptionCache(new SqlDmSubscriptions((await sqlDepsOver(db)).sql), () => {});
  table = new ScheduleCommandTable();
  registerRemindCommand(table, {
    store,
    timezoneOf: async (user) => (user === 'U0TOKYO' ? 'Asia/Tokyo' : undefined),
    log: { info: () => {} },
  });
});

async function say(args: string, userId = 'U0TOKYO'): Promise<string> {
  const deployment = memoryDeployment([{ plan: dmPlan(), channels: ['C0CLASS'] }]);
  const reply = (await table.handlerFor('remind')!({
    word: 'remind',
    args,
    userId,
    channelId: 'C0CLASS',
    mentions: [],
    course: deployment.courses()[0]!,
    deployment,
    isStaff: false,
    command: '/schedule',
    plan: dmPlan(),
    now: DateTime.fromISO('2025-10-20T10:00', { zone: 'America/New_York' }),
    followUp: async () => {},
  })) as ScheduleReply;
  return reply.content.blocks.flatMap((b) => ('lines' in b ? b.lines.map(lineText) : [])).join('\n');
}

describe('/schedule remind', () => {
  it('subscribes with lead times and the Slack timezone, lists them, and turns them off', async () => {
    expect(await say('me deadlines 2d 2h')).toBe(
      'Done: I will DM you 2d, 2h before each deadline, never between 22:00 and 08:00 your time (Asia/Tokyo).',
    );
    expect(await say('me classes 1h')).toContain('1h before each class');
    expect(await store.forUser(COURSE, 'U0TOKYO')).toEqual([
      { userId: 'U0TOKYO', kind: 'classes', leadsMinutes: [60], timezone: 'Asia/Tokyo' },
      { userId: 'U0TOKYO', kind: 'deadlines', leadsMinutes: [2880, 120], timezone: 'Asia/Tokyo' },
    ]);
    expect(await say('list')).toBe('classes: 1h before\ndeadlines: 2d, 2h before');
    expect(await say('me off')).toBe('Done: no more personal reminders of deadlines or classes.');
    expect(await store.forUser(COURSE, 'U0TOKYO')).toEqual([]);
    expect(await say('list')).toContain('You have no personal reminders.');
  });

  it('answers a bad lead time or kind in one line with an example, storing nothing', async () => {
    expect(await say('me deadlines 2 days')).toBe(
      '"2" is not a lead time: use a number and d, h or m, e.g. `2d`, `2h`, `30m`.',
    );
    expect(await say('me deadlines 90d')).toBe('"90d" is out of range: a lead time is between 1m and 60d.');
    expect(await say('me deadlines')).toContain('Say how long before');
    expect(await say('me homework 1d')).toContain('"homework" is not something to be reminded of');
    expect(await say('')).toContain('/schedule remind me deadlines 2d 2h');
    expect(await store.forUser(COURSE, 'U0TOKYO')).toEqual([]);
  });

  it('lets a presenter turn their presentation reminders off and on again', async () => {
    expect(await say('me presentations off', 'U0MS00003')).toBe(
      'Done: no more personal reminders of presentations.',
    );
    expect(await store.forUser(COURSE, 'U0MS00003')).toMatchObject([
      { kind: 'presentations', leadsMinutes: [] },
    ]);
    expect(await say('list', 'U0MS00003')).toContain('presentations: off');
    await say('me presentations', 'U0MS00003');
    expect(await store.forUser(COURSE, 'U0MS00003')).toMatchObject([
      { kind: 'presentations', leadsMinutes: [10080, 1440] },
    ]);
  });
});

describe('parseLeadTimes', () => {
  it('reads combined units, merges duplicates and sorts largest first', () => {
    expect(parseLeadTimes(['1d12h', '30m', '36h', '2H'])).toEqual({ ok: true, minutes: [2160, 120, 30] });
  });
});
