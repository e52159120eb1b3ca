/**
 * Runs `work` on every item, at most `limit` at once, and returns the results in the items' order. Courses
 * due at the same moment are sent side by side: a morning with a post in each of a thousand channels
 * leaves within seconds, while a slow or failing Slack never has more than `limit` calls in flight.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
