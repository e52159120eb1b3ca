// At most one post per second per channel; other channels are not held up; a 429 holds its channel.
import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';

/** A virtual clock: sleeping advances it, so the test takes no real time. */
function virtualTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('ChannelPacer', () => {
  it('spaces posts to one channel by the interval and runs them in order', async () => {
    const time = virtualTime();
    const pacer = new ChannelPacer(1000, time.now, time.sleep);
    const starts: Array<[string, number]> = [];
    const post = (channel: string, id: string) =>
      pacer.run(channel, async () => {
        starts.push([id, time.now()]);
        return id;
      });
    const results = await Promise.all([post('C1', 'a'), post('C1', 'b'), post('C2', 'x'), post('C1', 'c')]);
    expect(results).toEqual(['a', 'b', 'x', 'c']);
    const c1 = starts.filter(([id]) => id !== 'x').map(([, at]) => at);
    expect(c1[1]! - c1[0]!).toBeGreaterThanOrEqual(1000);
    expect(c1[2]! - c1[1]!).toBeGreaterThanOrEqual(1000);
  });

  it('keeps the queue going after a failed post', async () => {
    const time = virtualTime();
    const pacer = new ChannelPacer(1000, time.now, time.sleep);
    const failed = pacer.run('C1', () => Promise.reject(new Error('boom')));
    const next = pacer.run('C1', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('reports how long a 429 holds a channel', () => {
    const time = virtualTime();
    const pacer = new ChannelPacer(1000, time.now, time.sleep);
    expect(pacer.heldMs('C1')).toBe(0);
    pacer.holdFor('C1', 5000);
    expect(pacer.heldMs('C1')).toBe(5000);
    expect(pacer.heldMs('C2')).toBe(0);
  });
});
