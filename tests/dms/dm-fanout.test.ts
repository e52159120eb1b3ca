// The fan-out benchmark (bench/dm-fanout.ts) at a size the test suite can afford: every DM once, within
// two minutes of its time under the sink's pacing (virtual time).
import { expect, it } from 'vitest';
import { runFanout } from '../../bench/dm-fanout.ts';

it('sends every subscribed student’s DMs once and within two minutes of their time', async () => {
  const result = await runFanout(40);
  expect(result).toMatchObject({ dms: 40 * 6, duplicates: 0, missing: 0 });
  expect(result.worstDelayMs).toBeLessThanOrEqual(120_000);
});
