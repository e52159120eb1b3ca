import type { DateTime } from 'luxon';
import { dmKinds, type DmKind, type DmSubscription } from '../../../reminders/dm-subscription.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';

/** A `dm_subscriptions` row, as read. */
interface SubscriptionRow {
  user_id: string;
  kind: string;
  leads: string;
  timezone: string | null;
}

/** The rows as subscriptions; a kind this version does not know (written by a newer one) is passed over. */
const subscriptionsFromRows = (rows: SubscriptionRow[]): DmSubscription[] =>
  rows
    .filter((r) => (dmKinds as readonly string[]).includes(r.kind))
    .map((r) => ({
      userId: r.user_id,
      kind: r.kind as DmKind,
      leadsMinutes: r.leads ? r.leads.split(' ').map(Number) : [],
      ...(r.timezone ? { timezone: r.timezone } : {}),
    }));

/** The students' personal reminder wishes, per course (one row per course, user and kind of reminder). */
export class SqlDmSubscriptions {
  constructor(private readonly store: SqlStore) {}

  /** Every course's rows, by course: what the running bot holds in memory (see SubscriptionCache). */
  async all(): Promise<Map<string, DmSubscription[]>> {
    const rows = (await this.store.db
      .selectFrom('dm_subscriptions')
      .select(['course_id', 'user_id', 'kind', 'leads', 'timezone'])
      .orderBy('course_id')
      .orderBy('user_id')
      .orderBy('kind')
      .execute()) as Array<SubscriptionRow & { course_id: string }>;
    const byCourse = new Map<string, SubscriptionRow[]>();
    for (const row of rows) {
      const course = String(row.course_id);
      const list = byCourse.get(course) ?? [];
      list.push(row);
      byCourse.set(course, list);
    }
    return new Map([...byCourse].map(([course, list]) => [course, subscriptionsFromRows(list)]));
  }

  /** Every row of a course: the derivation reads it on each tick (a small indexed read). */
  async list(courseId: string): Promise<DmSubscription[]> {
    return listIn(this.store.db, courseId);
  }

  async forUser(courseId: string, userId: string): Promise<DmSubscription[]> {
    return (await this.list(courseId)).filter((s) => s.userId === userId);
  }

  /** Sets one kind's lead times (empty turns it off); the timezone, when known, is kept for all their rows. */
  async set(
    courseId: string,
    userId: string,
    kind: DmKind,
    leadsMinutes: number[],
    timezone: string | undefined,
    now: DateTime,
  ): Promise<void> {
    await writeTransaction(this.store, (trx) =>
      setIn(trx, courseId, userId, kind, leadsMinutes, timezone, now),
    );
  }

  /** Left the course: nothing more by DM, a presenter's reminders included. How many kinds were on. */
  async leave(courseId: string, userId: string, now: DateTime): Promise<number> {
    return writeTransaction(this.store, async (trx) => {
      const mine = (await listIn(trx, courseId)).filter((s) => s.userId === userId);
      const on = mine.filter((s) => s.leadsMinutes.length > 0).length;
      await stopAllIn(trx, courseId, userId);
      await setIn(trx, courseId, userId, 'presentations', [], undefined, now);
      return on;
    });
  }

  /** `remind me off`: deadlines and classes stop; a presenter's opt-out is kept as it was. */
  async stopAll(courseId: string, userId: string): Promise<number> {
    return stopAllIn(this.store.db, courseId, userId);
  }
}

async function listIn(db: AnyKysely, courseId: string): Promise<DmSubscription[]> {
  const rows = (await db
    .selectFrom('dm_subscriptions')
    .select(['user_id', 'kind', 'leads', 'timezone'])
    .where('course_id', '=', courseId)
    .orderBy('user_id')
    .orderBy('kind')
    .execute()) as SubscriptionRow[];
  return subscriptionsFromRows(rows);
}

async function setIn(
  trx: AnyKysely,
  courseId: string,
  userId: string,
  kind: DmKind,
  leadsMinutes: number[],
  timezone: string | undefined,
  now: DateTime,
): Promise<void> {
  const at = now.toISO()!;
  await trx
    .insertInto('dm_subscriptions')
    .values({
      course_id: courseId,
      user_id: userId,
      kind,
      leads: leadsMinutes.join(' '),
      timezone: timezone ?? null,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.columns(['course_id', 'user_id', 'kind']).doUpdateSet((eb) => ({
        leads: eb.ref('excluded.leads'),
        timezone: eb.fn.coalesce('excluded.timezone', 'dm_subscriptions.timezone'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  if (timezone) {
    await trx
      .updateTable('dm_subscriptions')
      .set({ timezone })
      .where('course_id', '=', courseId)
      .where('user_id', '=', userId)
      .execute();
  }
}

async function stopAllIn(db: AnyKysely, courseId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('dm_subscriptions')
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .where('kind', 'in', ['deadlines', 'classes'])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
