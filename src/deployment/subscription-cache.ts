import type { DateTime } from 'luxon';
import type { DmKind, DmSubscription } from '../reminders/dm-subscription.ts';
import type { SqlDmSubscriptions } from '../storage/sql/tables/sql-dm-subscriptions.ts';

/**
 * The students' DM subscriptions as the running bot uses them. Each tick derives every course's DMs from
 * them, so they are held in memory (`list` answers at once) and written through to the store. A change wakes
 * its course: who asked for DMs moves a course's next due instant. Another instance on the same database
 * writes behind this one's back, so `refresh` reads the table again (the composition root calls it before
 * each tick when the store is shared) and wakes the courses whose subscriptions changed.
 */
export class SubscriptionCache {
  private byCourse = new Map<string, DmSubscription[]>();

  constructor(
    private readonly store: SqlDmSubscriptions,
    private readonly wake: (courseId: string) => void,
  ) {}

  /** Reads every course's subscriptions; true when any course's changed since the last read. */
  async refresh(): Promise<boolean> {
    const fresh = await this.store.all();
    const changed = new Set<string>();
    for (const course of new Set([...this.byCourse.keys(), ...fresh.keys()])) {
      if (JSON.stringify(this.byCourse.get(course) ?? []) !== JSON.stringify(fresh.get(course) ?? []))
        changed.add(course);
    }
    this.byCourse = fresh;
    for (const course of changed) this.wake(course);
    return changed.size > 0;
  }

  /** A course's subscriptions, as last read or written here. */
  list(courseId: string): DmSubscription[] {
    return this.byCourse.get(courseId) ?? [];
  }

  /** A user's own subscriptions, read from the store: the Home tab and `remind` show what is stored. */
  forUser(courseId: string, userId: string): Promise<DmSubscription[]> {
    return this.store.forUser(courseId, userId);
  }

  async set(
    courseId: string,
    userId: string,
    kind: DmKind,
    leadsMinutes: number[],
    timezone: string | undefined,
    now: DateTime,
  ): Promise<void> {
    await this.store.set(courseId, userId, kind, leadsMinutes, timezone, now);
    await this.reread(courseId);
  }

  /** Left the course: nothing more by DM. How many kinds were on. */
  async leave(courseId: string, userId: string, now: DateTime): Promise<number> {
    const on = await this.store.leave(courseId, userId, now);
    await this.reread(courseId);
    return on;
  }

  async stopAll(courseId: string, userId: string): Promise<number> {
    const stopped = await this.store.stopAll(courseId, userId);
    await this.reread(courseId);
    return stopped;
  }

  private async reread(courseId: string): Promise<void> {
    this.byCourse.set(courseId, await this.store.list(courseId));
    this.wake(courseId);
  }
}
