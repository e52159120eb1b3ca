import { resolve } from 'node:path';
import { Command } from 'commander';
import { readSettings } from '../../config/env.ts';
import { chooseCourse, knownCourses, revisedPlanIn } from '../../app/load-effective-plan.ts';
import { withCliStore } from '../../app/open-cli-store.ts';
import { loadPlanOrThrow } from '../../files/plan-file.ts';
import { writeOutput } from '../../files/write-output.ts';
import { parsePlanText, withoutByteOrderMark } from '../../plan/parse-plan.ts';
import type { Plan, Session } from '../../plan/schema.ts';
import { systemClock } from '../../util/clock.ts';
import { createLogger } from '../../util/logger.ts';

interface ExportOptions {
  output?: string;
  schedule?: string;
  db?: string;
  course?: string;
}

export function exportCommand(): Command {
  return new Command('export')
    .description(
      'write the effective plan (schedule.json with every change made from Slack) as a new schedule.json',
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--schedule <file>', 'the plan (COURSEBOT_SCHEDULE, default ./schedule.json)')
    .option('--db <file>', 'the database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .addHelpText(
      'after',
      '\nExample:\n  coursebot export -o schedule.json   # then commit it; the changes stay recorded',
    )
    .action(async (options: ExportOptions) => {
      const settings = readSettings({ schedule: options.schedule, db: options.db });
      const course = chooseCourse(await knownCourses(settings), options.course);
      // A course set up from Slack has no file: its stored plan is written as one.
      const { plan, text: original } =
        course.source.kind === 'file'
          ? loadPlanOrThrow(course.source.path)
          : { plan: course.plan, text: JSON.stringify(course.plan) };
      const path = course.source.kind === 'file' ? course.source.path : course.id;
      const log = createLogger();
      await withCliStore(settings, async (store) => {
        const source = await revisedPlanIn(store, plan, log, course.id);
        const text = exportText(original, source.current());
        const exported = parsePlanText(text);
        // Recorded before the file is written (a running bot may reload it at once): when this export becomes
        // schedule.json, the recorded changes still replay over the plan they were made over, so `undo` and
        // `history` stay true. Without a database there is nothing to record.
        if (exported.ok && store)
          await source.recordExport(exported.plan, 'coursebot export', systemClock.now());
        if (options.output) {
          writeOutput(options.output, text);
          const changes = (await source.history()).filter((r) => r.kind !== 'file').length;
          // A plain line for the person at the terminal, not a log event.
          process.stdout.write(`${wroteLine(options.output, path, changes)}\n`);
        } else process.stdout.write(text);
      });
    });
}

/** "Wrote schedule.json: the plan with 3 changes." */
export function wroteLine(output: string, source: string, changes: number): string {
  const counted = changes === 0 ? 'no changes' : changes === 1 ? '1 change' : `${changes} changes`;
  const plan = resolve(output) === resolve(source) ? 'the plan' : `the plan of ${source}`;
  return `Wrote ${output}: ${plan} with ${counted}.`;
}

/**
 * The file as written by its author (its "$schema", its reminders section as typed), with the effective
 * sessions and events. Defaults are left out again, so the export reads like the original.
 */
export function exportText(original: string, plan: Plan): string {
  const raw = JSON.parse(withoutByteOrderMark(original)) as Record<string, unknown>;
  const sessions = plan.sessions.map((s: Session) => {
    const { readings, presentations, ...rest } = s;
    return {
      ...rest,
      ...(readings.length > 0 ? { readings } : {}),
      ...(presentations.length > 0 ? { presentations } : {}),
    };
  });
  const text = `${JSON.stringify({ ...raw, sessions, events: plan.events }, null, 2)}\n`;
  // The export must load as it is: check it rather than trust the assembly.
  const check = parsePlanText(text);
  if (!check.ok)
    throw new Error(`the exported plan is invalid: ${check.errors.map((e) => e.message).join('; ')}`);
  return text;
}
