// The channels a person is in, for a /schedule typed outside a course channel: every page read, private
// channels the bot cannot see left out, one lookup per person within the cache's lifetime.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemberChannels } from '../../src/slack/member-channels.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { postingClient } from './slack-kit.ts';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack({
    maxPageSize: 2,
    channels: [
      { id: 'C01', members: ['U0ANA'] },
      { id: 'C02', members: ['U0ANA', 'U0BEN'] },
      { id: 'C03', members: ['U0ANA'] },
      { id: 'G04', members: ['U0ANA'], isMember: false },
      { id: 'G05', members: ['U0ANA'] },
    ],
  });
});
afterEach(async () => {
  await fake.close();
});

describe('MemberChannels', () => {
  it('reads every page, and caches the answer per person until it is five minutes old', async () => {
    let now = 0;
    const members = new MemberChannels(postingClient(fake), () => now);
    expect([...(await members.of('U0ANA'))].sort()).toEqual(['C01', 'C02', 'C03', 'G05']);
    expect([...(await members.of('U0BEN'))]).toEqual(['C02']);
    const calls = fake.callsTo('users.conversations').length;
    await members.of('U0ANA');
    expect(fake.callsTo('users.conversations')).toHaveLength(calls);
    now += 5 * 60_000;
    await members.of('U0ANA');
    expect(fake.callsTo('users.conversations').length).toBeGreaterThan(calls);
  });

  it('does not keep a failed lookup', async () => {
    const members = new MemberChannels(postingClient(fake));
    fake.failNext('users.conversations', { error: 'internal_error' });
    await expect(members.of('U0ANA')).rejects.toThrow();
    expect((await members.of('U0ANA')).size).toBe(4);
  });
});
