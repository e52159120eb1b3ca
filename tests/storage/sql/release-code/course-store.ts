// The SQLite release's own writer of these rows, kept as it was: the tests write database files exactly as
// that release wrote them, to check that the baseline and `store copy` keep every row.
import type { Database } from 'better-sqlite3';
import type { Plan } from '../../../../src/plan/schema.ts';
import {
  courseFromRow,
  type CourseRow,
  type StaffRow,
  type StoredCourse,
} from '../../../../src/storage/stored-course.ts';

export type { CourseRow, StaffRow, StoredCourse } from '../../../../src/storage/stored-course.ts';

/** The courses and course_staff tables: what setUp, addStaff, removeStaff and retire persist. */
export class CourseStore {
  constructor(private readonly db: Database) {}

  all(): StoredCourse[] {
    return this.db.prepare<[], CourseRow>('SELECT * FROM courses ORDER BY id').all().map(courseFromRow);
  }

  get(id: string): StoredCourse | undefined {
    const row = this.db.prepare<[string], CourseRow>('SELECT * FROM courses WHERE id = ?').get(id);
    return row && courseFromRow(row);
  }

  /** Records a course the first time it is seen; a course already stored keeps its row (and retirement). */
  remember(course: Omit<StoredCourse, 'retiredAt' | 'retiredBy'>): void {
    this.db
      .prepare(
        `INSERT INTO courses (id, source_kind, source, home, base_plan, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source_kind = excluded.source_kind, source = excluded.source,
           home = excluded.home, base_plan = COALESCE(excluded.base_plan, courses.base_plan)`,
      )
      .run(
        course.id,
        course.source.kind,
        course.source.kind === 'file' ? course.source.path : (course.source.url ?? null),
        course.home,
        course.basePlan ? JSON.stringify(course.basePlan) : null,
        course.createdAt,
        course.createdBy,
      );
  }

  /** A Slack course's new base plan (setup typed again in its channel). */
  replaceBasePlan(id: string, plan: Plan, url?: string): void {
    this.db
      .prepare('UPDATE courses SET base_plan = ?, source = COALESCE(?, source) WHERE id = ?')
      .run(JSON.stringify(plan), url ?? null, id);
  }

  retire(id: string, by: string, at: string): boolean {
    return (
      this.db
        .prepare('UPDATE courses SET retired_at = ?, retired_by = ? WHERE id = ? AND retired_at IS NULL')
        .run(at, by, id).changes === 1
    );
  }

  staff(id: string): StaffRow[] {
    return this.db
      .prepare<[string], { user_id: string; added_by: string; added_at: string }>(
        'SELECT user_id, added_by, added_at FROM course_staff WHERE course_id = ? ORDER BY added_at, user_id',
      )
      .all(id)
      .map((r) => ({ userId: r.user_id, addedBy: r.added_by, addedAt: r.added_at }));
  }

  /** True when the person was not yet staff of the course. */
  addStaff(id: string, userId: string, by: string, at: string): boolean {
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO course_staff (course_id, user_id, added_by, added_at) VALUES (?, ?, ?, ?)',
        )
        .run(id, userId, by, at).changes === 1
    );
  }

  removeStaff(id: string, userId: string): boolean {
    return (
      this.db.prepare('DELETE FROM course_staff WHERE course_id = ? AND user_id = ?').run(id, userId)
        .changes === 1
    );
  }
}
