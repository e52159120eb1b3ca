/**
 * Slack's behaviour under load, for benchmarks and load tests: every Web API call answered after a delay,
 * at most so many posts per second per channel (a faster one answers 429 with Retry-After), and a share of
 * posts refused with 429 anyway, as a busy workspace does. Off unless FakeSlackOptions.limits is given.
 */
import { findChannel, type FakeState } from './fake-state.ts';

export interface FakeLimits {
  /** Every Web API call is answered this long after it arrives. */
  latencyMs?: number;
  /**
   * chat.postMessage accepted in one channel at most once per this many ms (Slack: about 1,000); a post
   * sooner than that after the last accepted one answers 429 with Retry-After: 1.
   */
  postIntervalMs?: number;
  /**
   * Whether to refuse the n-th chat.postMessage (counted from 1) with 429; the number returned is its
   * Retry-After in seconds. E.g. a seeded random choice of 5% of posts.
   */
  refusePost?: (n: number, channel: string) => number | undefined;
}

export type LimitAnswer = { status: 429; retryAfter: number } | undefined;

/** Applies the limits to one call; keeps what it needs to know (posts counted, last post per channel). */
export class LimitsState {
  private posts = 0;
  private readonly lastPostAt = new Map<string, number>();

  constructor(
    private readonly limits: FakeLimits,
    private readonly state: FakeState,
  ) {}

  async delay(): Promise<void> {
    const ms = this.limits.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** A 429 for a chat.postMessage the limits refuse; undefined to let it through. */
  judgePost(params: Record<string, unknown>): LimitAnswer {
    const channel = findChannel(this.state, params.channel)?.id ?? String(params.channel);
    const n = ++this.posts;
    const refused = this.limits.refusePost?.(n, channel);
    if (refused !== undefined) return { status: 429, retryAfter: refused };
    const interval = this.limits.postIntervalMs;
    if (interval !== undefined) {
      const now = this.state.nowMs();
      const last = this.lastPostAt.get(channel);
      if (last !== undefined && now - last < interval) return { status: 429, retryAfter: 1 };
      this.lastPostAt.set(channel, now);
    }
    return undefined;
  }
}
