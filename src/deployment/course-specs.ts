import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultChannelOf } from '../app/default-channel.ts';
import type { Config } from '../config/env.ts';
import { isPlanFileName, loadPlanOrThrow, readPlanFile } from '../files/plan-file.ts';
import { courseId } from '../plan/course-id.ts';
import { formatProblem } from '../plan/problems.ts';
import type { SqlCourseStore } from '../storage/sql/tables/sql-courses.ts';
import type { StoredCourse } from '../storage/stored-course.ts';
import type { Logger } from '../util/logger.ts';
import { UserError } from '../util/user-error.ts';
import type { CourseSpec } from './course-spec.ts';

/** Plan files of a COURSEBOT_COURSES folder: every .json file but JSON Schemas, in name order. */
export function planFilesIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(
      `Cannot read the courses folder ${folder} (${code}): set COURSEBOT_COURSES to a folder with one plan file per course`,
    );
  }
  return names
    .filter(isPlanFileName)
    .sort()
    .map((n) => join(folder, n));
}

/**
 * The courses configured on the server: each plan file of COURSEBOT_COURSES, or else today's one course
 * (schedule.json or COURSEBOT_SCHEDULE, with COURSEBOT_CHANNEL and COURSEBOT_INSTRUCTORS), exactly as a
 * one-course bot started before. In a folder, a file that is not a valid plan is left out with its problems
 * logged, so one typo does not stop every other course; the one course of today's setup stops the start.
 */
export function configuredCourses(
  config: Pick<Config, 'schedulePath' | 'coursesPath' | 'defaultChannel' | 'instructors'> &
    Partial<Pick<Config, 'slack'>>,
  logger: Pick<Logger, 'info' | 'warn' | 'error'>,
): CourseSpec[] {
  if (!config.coursesPath) {
    const { plan, warnings } = loadPlanOrThrow(config.schedulePath);
    for (const warning of warnings) logger.warn(warning);
    return [
      {
        id: courseId(plan),
        source: { kind: 'file', path: config.schedulePath },
        plan,
        home: defaultChannelOf(config, plan, logger),
        configuredStaff: config.instructors,
        watchPath: config.schedulePath,
      },
    ];
  }
  const specs: CourseSpec[] = [];
  const fileOf = new Map<string, string>();
  for (const path of planFilesIn(config.coursesPath)) {
    const read = readPlanFile(path);
    if (!read.ok) {
      logger.error(`${path} is not a valid course plan, so its course is not served; fix these and restart:`);
      for (const problem of [...read.errors, ...read.warnings]) logger.error(formatProblem(problem, path));
      continue;
    }
    for (const warning of read.warnings) logger.warn(formatProblem(warning, path));
    const id = courseId(read.plan);
    const home = read.plan.reminders.channels.default;
    if (!home) {
      logger.error(
        `${path}: reminders.channels.default is missing, so its course ${id} has no channel and is not served: set it to the course's channel`,
      );
      continue;
    }
    const other = fileOf.get(id);
    if (other) {
      throw new UserError(
        `${other} and ${path} are the same course (${id}: same code and term): remove one, or give each its own term`,
      );
    }
    fileOf.set(id, path);
    specs.push({
      id,
      source: { kind: 'file', path },
      plan: read.plan,
      home,
      configuredStaff: [],
      watchPath: path,
    });
  }
  // An empty folder is a department whose courses are all set up from Slack: the start checks that someone
  // may (noCourseProblem), once the database's courses are known.
  if (specs.length === 0) logger.info(`no plan files in ${config.coursesPath} yet`);
  return specs;
}

/**
 * The configured courses with what the database knows: retirements, and the courses set up from Slack (their
 * base plan is stored). A stored course whose id a file now also names is the file's.
 */
export async function withStoredCourses(
  configured: CourseSpec[],
  store: Pick<SqlCourseStore, 'all'>,
): Promise<CourseSpec[]> {
  const stored = new Map((await store.all()).map((c) => [c.id, c]));
  const specs = configured.map((spec) => {
    const retiredAt = stored.get(spec.id)?.retiredAt;
    return retiredAt ? { ...spec, retiredAt } : spec;
  });
  const ids = new Set(specs.map((s) => s.id));
  for (const course of stored.values()) {
    const spec = ids.has(course.id) ? undefined : specOfStored(course);
    if (spec) specs.push(spec);
  }
  return specs;
}

/** A course set up from Slack, as the store keeps it (its plan included); undefined for a file's course. */
export function specOfStored(course: StoredCourse): CourseSpec | undefined {
  if (course.source.kind !== 'slack' || !course.basePlan) return undefined;
  return {
    id: course.id,
    source: course.source,
    plan: course.basePlan,
    home: course.home,
    configuredStaff: [],
    ...(course.retiredAt ? { retiredAt: course.retiredAt } : {}),
  };
}

/**
 * Why a deployment with no course at all cannot usefully start, or undefined when courses can be set up from
 * Slack (admins named, or setup open to all).
 */
export function noCourseProblem(
  config: Pick<Config, 'coursesPath' | 'admins' | 'openSetup'> & Partial<Pick<Config, 'slack'>>,
): string | undefined {
  const folder = config.coursesPath ?? './courses';
  const addFile = `add a plan file per course (coursebot import PAGE -o ${join(folder, 'cs599.json')})`;
  if (!config.slack) return `No course to serve in ${folder}: ${addFile}`;
  if (config.admins.length === 0 && !config.openSetup)
    return `No course to serve in ${folder}: ${addFile}, or set COURSEBOT_ADMINS (or COURSEBOT_OPEN_SETUP=true) so courses can be set up from Slack with /schedule setup URL`;
  return undefined;
}
