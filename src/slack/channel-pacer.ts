/**
 * Slack accepts about one message per second per channel; bursts may be dropped. The pacer runs posts to
 * one channel one after another, starting each at least `intervalMs` after the previous one ended, and holds a
 * channel back for as long as a 429's Retry-After asks.
 */
export class ChannelPacer {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly nextAt = new Map<string, number>();
  private readonly heldUntil = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly nowMs: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  run<T>(channel: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(channel) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const wait = (this.nextAt.get(channel) ?? -Infinity) - this.nowMs();
      if (wait > 0) await this.sleep(wait);
      try {
        return await task();
      } finally {
        // Counted from the answer, so the gap also holds where Slack receives the posts.
        this.nextAt.set(channel, this.nowMs() + this.intervalMs);
      }
    });
    // The queue continues after a failure; the caller still sees it through `turn`.
    const tail = turn.catch(() => undefined);
    this.tails.set(channel, tail);
    void tail.then(() => {
      if (this.tails.get(channel) === tail) this.tails.delete(channel);
    });
    return turn;
  }

  /** Holds the channel back after a 429, for its Retry-After. */
  holdFor(channel: string, ms: number): void {
    this.heldUntil.set(channel, this.nowMs() + ms);
  }

  /** How much longer a 429 holds the channel (0 when free): callers give up early instead of queueing. */
  heldMs(channel: string): number {
    return Math.max(0, (this.heldUntil.get(channel) ?? 0) - this.nowMs());
  }
}
