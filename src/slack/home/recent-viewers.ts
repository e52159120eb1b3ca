/** A Home tab is refreshed on a plan change only for people who looked at it within this long. */
export const RECENT_VIEWER_MS = 24 * 60 * 60 * 1000;

/**
 * Who opened the Home tab recently, kept in memory: after a restart nobody is refreshed until they open
 * Home again (which publishes afresh anyway), so nothing is lost but a refresh of a tab left open.
 */
export class RecentViewers {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs = RECENT_VIEWER_MS) {}

  seen(userId: string, atMs: number): void {
    this.lastSeen.set(userId, atMs);
  }

  /** The viewers of the last window, forgetting older ones. */
  recent(nowMs: number): string[] {
    for (const [userId, at] of this.lastSeen) if (nowMs - at > this.windowMs) this.lastSeen.delete(userId);
    return [...this.lastSeen.keys()];
  }
}
