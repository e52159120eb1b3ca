import type { Database } from 'better-sqlite3';
import type { DateTime } from 'luxon';
import { dmKinds, type DmKind, type DmSubscription } from '../reminders/dm-subscription.ts';

/** A `dm_subscriptions` row as either store returns it. */
export interface SubscriptionRow {
  user_id: string;
  kind: string;
  leads: string;
  timezone: string | null;
}

/** The rows as subscriptions; a kind this version does not know (written by a newer one) is passed over. */
export const subscriptionsFromRows = (rows: SubscriptionRow[]): DmSubscription[] =>
  rows
    .filter((r) => (dmKinds as readonly string[]).includes(r.kind))
    .map((r) => ({
      userId: r.user_id,
      kind: r.kind as DmKind,
      leadsMinutes: r.leads ? r.leads.split(' ').map(Number) : [],
      ...(r.timezone ? { timezone: r.timezone } : {}),
    }));

/** The students' personal reminder wishes, per course (see dm-subscriptions-migration.ts). */
export class DmSubscriptions {
  constructor(private readonly db: Database) {}

  /** Every row of a course: the derivation reads it on each tick (a small indexed read). */
  list(courseId: string): DmSubscription[] {
    const rows = this.db
      .prepare(
        'SELECT user_id, kind, leads, timezone FROM dm_subscriptions WHERE course_id = ? ORDER BY user_id, kind',
      )
      .all(courseId) as SubscriptionRow[];
    return subscriptionsFromRows(rows);
  }

  forUser(courseId: string, userId: string): DmSubscription[] {
    return this.list(courseId).filter((s) => s.userId === userId);
  }

  /** Sets one kind's lead times (empty turns it off); the timezone, when known, is kept for all their rows. */
  set(
    courseId: string,
    userId: string,
    kind: DmKind,
    leadsMinutes: number[],
    timezone: string | undefined,
    now: DateTime,
  ): void {
    const at = now.toISO()!;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO dm_subscriptions (course_id, user_id, kind, leads, timezone, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (course_id, user_id, kind) DO UPDATE
             SET leads = excluded.leads, timezone = COALESCE(excluded.timezone, timezone),
                 updated_at = excluded.updated_at`,
        )
        .run(courseId, userId, kind, leadsMinutes.join(' '), timezone ?? null, at);
      if (timezone) {
        this.db
          .prepare('UPDATE dm_subscriptions SET timezone = ? WHERE course_id = ? AND user_id = ?')
          .run(timezone, courseId, userId);
      }
    })();
  }

  /** Left the course: nothing more by DM, a presenter's reminders included. How many kinds were on. */
  leave(courseId: string, userId: string, now: DateTime): number {
    return this.db.transaction(() => {
      const on = this.forUser(courseId, userId).filter((s) => s.leadsMinutes.length > 0).length;
      this.stopAll(courseId, userId);
      this.set(courseId, userId, 'presentations', [], undefined, now);
      return on;
    })();
  }

  /** `remind me off`: deadlines and classes stop; a presenter's opt-out is kept as it was. */
  stopAll(courseId: string, userId: string): number {
    return this.db
      .prepare(
        "DELETE FROM dm_subscriptions WHERE course_id = ? AND user_id = ? AND kind IN ('deadlines', 'classes')",
      )
      .run(courseId, userId).changes;
  }
}
