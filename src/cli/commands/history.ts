import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { historyLines } from '../../changes/history-lines.ts';
import { lineText } from '../../content/content.ts';
import { readSettings } from '../../config/env.ts';
import { readPlanFile } from '../../files/plan-file.ts';
import { openDatabase } from '../../storage/database.ts';
import { SqliteRevisionLog } from '../../storage/revisions.ts';

export function historyCommand(): Command {
  return new Command('history')
    .description('list the changes made from Slack (who, when, what), oldest first')
    .option('--db <file>', 'the database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--schedule <file>', 'the plan, for its timezone (COURSEBOT_SCHEDULE, default ./schedule.json)')
    .addHelpText('after', '\nExample:\n  coursebot history --db data/coursebot.db')
    .action((options: { db?: string; schedule?: string }) => {
      const settings = readSettings({ schedule: options.schedule, db: options.db });
      const path = settings.databasePath;
      if (path !== ':memory:' && !existsSync(path)) {
        console.log(`No changes recorded: there is no database at ${path} yet.`);
        return;
      }
      // The plan only lends its timezone; without a readable one, times keep the offset they were recorded with.
      const plan = readPlanFile(settings.schedulePath);
      const zone = plan.ok ? plan.plan.course.timezone : undefined;
      const db = openDatabase(path);
      try {
        const revisions = new SqliteRevisionLog(db).list();
        if (revisions.length === 0) console.log('No changes recorded yet.');
        for (const line of historyLines(revisions, zone)) console.log(lineText(line));
      } finally {
        db.close();
      }
    });
}
