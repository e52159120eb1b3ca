/**
 * Polls `get` every 20 ms until it gives something truthy, and returns that; throws "timed out" after `ms`.
 * For what a running app does in its own time (a post, a published view, a reloaded file).
 */
export async function until<T>(get: () => T | undefined | false, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = get();
    if (value) return value;
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
