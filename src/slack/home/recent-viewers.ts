/** A Home tab is refreshed on a plan change only for people who looked at it within this long. */
export const RECENT_VIEWER_MS = 24 * 60 * 60 * 1000;

/** What was last published to a viewer: the courses their tab shows, and Slack's hash of that view. */
export interface PublishedView {
  courseIds: readonly string[];
  /** views.publish's answer: passed back on a refresh, so Slack refuses it if the tab changed since. */
  hash?: string;
}

/**
 * Who opened the Home tab recently, and what their tab shows, kept in memory: after a restart nobody is
 * refreshed until they open Home again (which publishes afresh anyway), so nothing is lost but a refresh of
 * a tab left open.
 */
export class RecentViewers {
  private readonly lastSeen = new Map<string, number>();
  private readonly views = new Map<string, PublishedView>();

  constructor(private readonly windowMs = RECENT_VIEWER_MS) {}

  seen(userId: string, atMs: number): void {
    this.lastSeen.set(userId, atMs);
  }

  published(userId: string, view: PublishedView): void {
    this.views.set(userId, view);
  }

  viewOf(userId: string): PublishedView | undefined {
    return this.views.get(userId);
  }

  /** The viewers of the last window, forgetting older ones. */
  recent(nowMs: number): string[] {
    for (const [userId, at] of this.lastSeen) {
      if (nowMs - at <= this.windowMs) continue;
      this.lastSeen.delete(userId);
      this.views.delete(userId);
    }
    return [...this.lastSeen.keys()];
  }
}
