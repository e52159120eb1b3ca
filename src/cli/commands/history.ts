import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { historyLines } from '../../changes/history-lines.ts';
import { lineText } from '../../content/content.ts';
import { readSettings } from '../../config/env.ts';
import { chooseCourse, knownCourses } from '../../app/load-effective-plan.ts';
import { withCliStore } from '../../app/open-cli-store.ts';
import { SqlRevisionLog } from '../../storage/sql/tables/sql-revisions.ts';

export function historyCommand(): Command {
  return new Command('history')
    .description('list the changes made from Slack (who, when, what), oldest first')
    .option('--db <file>', 'the database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--schedule <file>', 'the plan, for its timezone (COURSEBOT_SCHEDULE, default ./schedule.json)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .addHelpText('after', '\nExample:\n  coursebot history --db data/coursebot.db')
    .action(async (options: { db?: string; schedule?: string; course?: string }) => {
      const settings = readSettings({ schedule: options.schedule, db: options.db });
      const path = settings.databasePath;
      if (!settings.databaseUrl && path !== ':memory:' && !existsSync(path)) {
        console.log(`No changes recorded: there is no database at ${path} yet.`);
        return;
      }
      // The plan lends its timezone.
      const course = chooseCourse(await knownCourses(settings), options.course);
      const zone = course.plan.course.timezone;
      const revisions = await withCliStore(settings, async (store) =>
        store ? new SqlRevisionLog(store, course.id).list() : [],
      );
      if (revisions.length === 0) console.log('No changes recorded yet.');
      for (const line of historyLines(revisions, zone)) console.log(lineText(line));
    });
}
