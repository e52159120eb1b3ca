import type { Plan } from '../../../plan/schema.ts';
import { courseFromRow, type CourseRow, type StaffRow, type StoredCourse } from '../../stored-course.ts';
import type { DatabaseRetry } from '../retry.ts';
import type { SqlStore } from '../sql-store.ts';

/** A course as the store says it is now, without its plan. */
export interface StoredState {
  fromSlack: boolean;
  retiredAt?: string;
  /** The staff added from Slack, in the order they were added. */
  staff: string[];
  /** The id of the plan's last revision (0: none). */
  head: number;
}

/**
 * The courses and their staff on the SQL layer: what setUp, addStaff, removeStaff and retire persist. With
 * `retry` (the running bot's), every statement waits out a database that went away; each is a write of its
 * own, safe to run again.
 */
export class SqlCourseStore {
  constructor(
    private readonly store: SqlStore,
    private readonly retry?: DatabaseRetry,
  ) {}

  private run<T>(operation: () => Promise<T>): Promise<T> {
    return this.retry ? this.retry.run(operation) : operation();
  }

  async all(): Promise<StoredCourse[]> {
    const rows = (await this.run(() =>
      this.store.db.selectFrom('courses').selectAll().orderBy('id').execute(),
    )) as CourseRow[];
    return rows.map(courseFromRow);
  }

  async get(id: string): Promise<StoredCourse | undefined> {
    const row = (await this.run(() =>
      this.store.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst(),
    )) as CourseRow | undefined;
    return row && courseFromRow(row);
  }

  /**
   * What every course is now, in three reads whatever the number of courses (no base plan): its retirement,
   * its stored staff and its plan's last revision. Instances sharing the store compare it with what they
   * hold before each tick (see RunningDeployment.refresh).
   */
  async states(): Promise<Map<string, StoredState>> {
    const { db } = this.store;
    const [courses, staff, heads] = await this.run(() =>
      Promise.all([
        db.selectFrom('courses').select(['id', 'source_kind', 'retired_at']).execute(),
        db
          .selectFrom('course_staff')
          .select(['course_id', 'user_id'])
          .orderBy('added_at')
          .orderBy('user_id')
          .execute(),
        db
          .selectFrom('revisions')
          .select((eb) => ['course_id', eb.fn.max('id').as('head')])
          .groupBy('course_id')
          .execute(),
      ]),
    );
    const states = new Map<string, StoredState>();
    for (const c of courses) {
      states.set(String(c.id), {
        fromSlack: c.source_kind === 'slack',
        staff: [],
        head: 0,
        ...(c.retired_at ? { retiredAt: String(c.retired_at) } : {}),
      });
    }
    for (const s of staff) states.get(String(s.course_id))?.staff.push(String(s.user_id));
    for (const h of heads) {
      const state = states.get(String(h.course_id));
      if (state) state.head = Number(h.head);
    }
    return states;
  }

  /** Records a course the first time it is seen; a course already stored keeps its row (and retirement). */
  async remember(course: Omit<StoredCourse, 'retiredAt' | 'retiredBy'>): Promise<void> {
    const source = course.source.kind === 'file' ? course.source.path : (course.source.url ?? null);
    const basePlan = course.basePlan ? JSON.stringify(course.basePlan) : null;
    await this.run(() =>
      this.store.db
        .insertInto('courses')
        .values({
          id: course.id,
          source_kind: course.source.kind,
          source,
          home: course.home,
          base_plan: basePlan,
          created_at: course.createdAt,
          created_by: course.createdBy,
        })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            source_kind: eb.ref('excluded.source_kind'),
            source: eb.ref('excluded.source'),
            home: eb.ref('excluded.home'),
            base_plan: eb.fn.coalesce('excluded.base_plan', 'courses.base_plan'),
          })),
        )
        .execute(),
    );
  }

  /** A Slack course's new base plan (setup typed again in its channel). */
  async replaceBasePlan(id: string, plan: Plan, url?: string): Promise<void> {
    await this.run(() =>
      this.store.db
        .updateTable('courses')
        .set((eb) => ({
          base_plan: JSON.stringify(plan),
          source: eb.fn.coalesce(eb.val(url ?? null), 'source'),
        }))
        .where('id', '=', id)
        .execute(),
    );
  }

  async retire(id: string, by: string, at: string): Promise<boolean> {
    const result = await this.run(() =>
      this.store.db
        .updateTable('courses')
        .set({ retired_at: at, retired_by: by })
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) === 1;
  }

  async staff(id: string): Promise<StaffRow[]> {
    const rows = await this.run(() =>
      this.store.db
        .selectFrom('course_staff')
        .select(['user_id', 'added_by', 'added_at'])
        .where('course_id', '=', id)
        .orderBy('added_at')
        .orderBy('user_id')
        .execute(),
    );
    return rows.map((r) => ({
      userId: String(r.user_id),
      addedBy: String(r.added_by),
      addedAt: String(r.added_at),
    }));
  }

  /** True when the person was not yet staff of the course. */
  async addStaff(id: string, userId: string, by: string, at: string): Promise<boolean> {
    const result = await this.run(() =>
      this.store.db
        .insertInto('course_staff')
        .values({ course_id: id, user_id: userId, added_by: by, added_at: at })
        .onConflict((conflict) => conflict.columns(['course_id', 'user_id']).doNothing())
        .executeTakeFirst(),
    );
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async removeStaff(id: string, userId: string): Promise<boolean> {
    const result = await this.run(() =>
      this.store.db
        .deleteFrom('course_staff')
        .where('course_id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows) === 1;
  }
}
