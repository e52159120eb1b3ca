import { Command } from 'commander';
import { applyRecordedChanges, chooseCourse, knownCourses } from '../../app/load-effective-plan.ts';
import { describeDatabase, readSettings, type Settings } from '../../config/env.ts';
import { isHeldClass } from '../../plan/calendar.ts';
import { readPlanFile } from '../../files/plan-file.ts';
import { formatProblem } from '../../plan/problems.ts';
import { courseId } from '../../plan/course-id.ts';
import type { Plan } from '../../plan/schema.ts';
import { planFilesIn } from '../../deployment/course-specs.ts';

export function validateCommand(): Command {
  return new Command('validate')
    .description(
      'check a schedule.json and whether the changes recorded in the database still apply to it: prints ' +
        'every problem; exits 0 when valid, 1 when not',
    )
    .argument('[file]', 'the plan to check (default: --schedule, COURSEBOT_SCHEDULE or ./schedule.json)')
    .option('--schedule <file>', 'the plan to check')
    .option('--db <file>', 'the database of recorded changes (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .addHelpText('after', '\nExample:\n  coursebot validate schedule.json')
    .action(
      async (file: string | undefined, options: { schedule?: string; db?: string; course?: string }) => {
        const settings = readSettings({ schedule: file ?? options.schedule, db: options.db });
        const folder =
          file === undefined && options.schedule === undefined ? settings.coursesPath : undefined;
        if (!folder) {
          // A file named, or today's one course.
          await checkFile(settings.schedulePath, settings, () => courseIdOf(settings, settings.schedulePath));
          return;
        }
        if (options.course === undefined) {
          // Every file of the folder, the broken ones too (the bot leaves those out).
          for (const path of planFilesIn(folder))
            await checkFile(path, settings, async (plan) => courseId(plan));
          return;
        }
        const chosen = chooseCourse(await knownCourses(settings), options.course);
        if (chosen.source.kind !== 'file') {
          console.log(
            `${chosen.id} was set up from Slack: it has no file to check (coursebot export --course ${chosen.id} writes one)`,
          );
          return;
        }
        await checkFile(chosen.source.path, settings, async () => chosen.id);
      },
    );
}

/** Prints the file's problems and whether the recorded changes still apply to it; exit code 1 when invalid. */
async function checkFile(
  path: string,
  settings: Settings,
  idOf: (plan: Plan) => Promise<string>,
): Promise<void> {
  const result = readPlanFile(path);
  const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  for (const problem of problems) console.log(formatProblem(problem, path));
  if (!result.ok) {
    console.log(`${path}: invalid: ${result.errors.length} error(s)`);
    process.exitCode = 1;
    return;
  }
  const { plan } = result;
  const classes = plan.sessions.filter(isHeldClass).length;
  console.log(
    `${path}: valid: ${plan.course.code}, ${plan.course.term}: ${classes} classes, ${plan.events.length} events` +
      (result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''),
  );
  // The file is what the staff edit; the bot runs it with the changes made from Slack replayed over it.
  const { applied, skipped } = await applyRecordedChanges(plan, settings, await idOf(plan));
  const store = settings.databaseUrl ? describeDatabase(settings) : settings.databasePath;
  for (const line of skipped) console.log(`${store}: warning: ${line}`);
  if (applied > 0 || skipped.length > 0) {
    console.log(
      `${store}: ${applied} recorded change(s) from Slack apply to this file` +
        (skipped.length ? `, ${skipped.length} no longer apply` : ''),
    );
  }
}

/** The id of the one course a checked file is, with a database from before courses adopted as the bot does. */
async function courseIdOf(settings: Settings, path: string): Promise<string> {
  const [course] = await knownCourses({ ...settings, schedulePath: path, coursesPath: undefined });
  return course!.id;
}
