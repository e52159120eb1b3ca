import type { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import type { Revision } from '../changes/revision-log.ts';
import type { Settings } from '../config/env.ts';
import type { CourseSpec } from '../deployment/course-spec.ts';
import { configuredCourses } from '../deployment/course-specs.ts';
import type { Plan } from '../plan/schema.ts';
import type { SqlStore } from '../storage/sql/sql-store.ts';
import type { Logger } from '../util/logger.ts';
import { UserError } from '../util/user-error.ts';
import { withCliStore, type StoreSettings } from './open-cli-store.ts';

export interface RecordedChanges {
  /** The plan with every change recorded in the database: what the running bot uses. */
  plan: Plan;
  /** Recorded changes in effect (not undone, still applying to the file). */
  applied: number;
  /** Recorded changes that no longer apply to the file, each a line with the reason. */
  skipped: string[];
}

export interface EffectivePlan extends RecordedChanges {
  /** The base plan alone: the course's file, or the plan stored for a course set up from Slack. */
  base: Plan;
  /** The file's warnings, each a line naming the file. */
  warnings: string[];
  /** The course the plan is of. */
  course: CourseSpec;
}

export type CourseSettings = Pick<
  Settings,
  'schedulePath' | 'coursesPath' | 'databasePath' | 'defaultChannel'
> &
  Partial<Pick<Settings, 'instructors' | 'databaseUrl'>>;

/**
 * The plan every command reads, in one place: the course's base plan plus the revisions in the database,
 * replayed as the bot replays them. A command that read the bare file would keep showing a class the staff
 * cancelled from Slack. `courseId` picks the course (needed only when there are several). A bad file stops
 * it with a UserError listing the problems.
 */
export async function loadEffectivePlan(settings: CourseSettings, courseId?: string): Promise<EffectivePlan> {
  const warnings: string[] = [];
  const courses = await knownCourses(settings, warnings);
  const course = chooseCourse(courses, courseId);
  const changes = await applyRecordedChanges(course.plan, settings, course.id);
  return { ...changes, base: course.plan, warnings, course };
}

/**
 * Every course of the deployment as the commands see it: the configured ones (files) and, when the
 * database exists, those set up from Slack. A database from before courses is adopted by its one course,
 * as the bot does on its first start.
 */
export async function knownCourses(settings: CourseSettings, warnings: string[] = []): Promise<CourseSpec[]> {
  const log = {
    info: () => {},
    warn: (line: string) => warnings.push(line),
    error: (line: string) => warnings.push(line),
  };
  const configured = configuredCourses({ ...settings, instructors: settings.instructors ?? [] }, log);
  return withCliStore(settings, (store) =>
    store ? withCoursesOf(store, configured) : Promise.resolve(configured),
  );
}

async function withCoursesOf(store: SqlStore, configured: CourseSpec[]): Promise<CourseSpec[]> {
  const { SqlCourseStore } = await import('../storage/sql/tables/sql-courses.ts');
  const { withStoredCourses } = await import('../deployment/course-specs.ts');
  const { adoptSqlLegacyRows } = await import('../storage/sql/tables/sql-adopt-legacy-rows.ts');
  const courses = await withStoredCourses(configured, new SqlCourseStore(store));
  if (courses.length === 1) await adoptSqlLegacyRows(store, courses[0]!.id);
  return courses;
}

/** The course named by --course (its id, or a unique prefix of it), or the only one; else one line listing the ids. */
export function chooseCourse(courses: readonly CourseSpec[], wanted: string | undefined): CourseSpec {
  const ids = courses.map((c) => c.id).join(', ');
  if (wanted === undefined) {
    if (courses.length === 1) return courses[0]!;
    throw new UserError(`This deployment has ${courses.length} courses: name one with --course (${ids})`);
  }
  const exact = courses.find((c) => c.id === wanted);
  if (exact) return exact;
  const prefixed = courses.filter((c) => c.id.startsWith(wanted.toLowerCase()));
  if (prefixed.length === 1) return prefixed[0]!;
  throw new UserError(
    `No course ${wanted}${prefixed.length > 1 ? ' (more than one starts so)' : ''}: the courses are ${ids}`,
  );
}

/** The base plan with the course's revisions; a missing database means no changes yet (not created). */
export async function applyRecordedChanges(
  base: Plan,
  settings: StoreSettings,
  courseId?: string,
): Promise<RecordedChanges> {
  const skipped: string[] = [];
  return withCliStore(settings, async (store) => {
    if (!store) return { plan: base, applied: 0, skipped: [] };
    const source = await revisedPlanIn(store, base, { warn: (line) => skipped.push(line) }, courseId);
    const history = await source.history();
    return { plan: source.current(), applied: inEffect(history) - skipped.length, skipped };
  });
}

/**
 * The course's effective plan as the bot replays it, from the store a command opened (see withCliStore),
 * or `base` alone when there is none. Revisions that no longer apply are told to `log`.
 */
export async function revisedPlanIn(
  store: SqlStore | undefined,
  base: Plan,
  log: Pick<Logger, 'warn'>,
  courseId?: string,
): Promise<RevisedPlanSource> {
  const { RevisedPlanSource } = await import('../changes/revised-plan-source.ts');
  const { memoryRevisionLog } = await import('../changes/revision-log.ts');
  if (!store) return new RevisedPlanSource(base, memoryRevisionLog());
  const { SqlRevisionLog } = await import('../storage/sql/tables/sql-revisions.ts');
  const { logSkipped } = await import('../changes/log-skipped.ts');
  return RevisedPlanSource.open(base, new SqlRevisionLog(store, courseId), logSkipped(log));
}

/** Revisions that change the plan and are not undone (nor undos or announcements themselves). */
function inEffect(history: Revision[]): number {
  const undone = new Set(history.flatMap((r) => (r.undoneOf === undefined ? [] : [r.undoneOf])));
  return history.filter((r) => r.kind !== 'undo' && r.kind !== 'announce' && !undone.has(r.id)).length;
}
