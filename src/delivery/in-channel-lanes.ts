import { inBatches } from '../deployment/in-batches.ts';

/**
 * Splits items into one lane per channel, keeping their order within each lane, and runs the lanes side by
 * side, at most `limit` at once. Order matters only within a channel (a post never overtakes an earlier one
 * of its channel); across channels a slow or rate-limited send must not hold the others up.
 */
export async function inChannelLanes<T>(
  items: readonly T[],
  channelOf: (item: T) => string,
  limit: number,
  work: (lane: T[]) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const channel = channelOf(item);
    const lane = lanes.get(channel);
    if (lane) lane.push(item);
    else lanes.set(channel, [item]);
  }
  await inBatches([...lanes.values()], limit, work);
}
