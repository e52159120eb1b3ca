import { Command } from 'commander';
import { DateTime } from 'luxon';
import { loadEffectivePlan } from '../../app/load-effective-plan.ts';
import { readSettings } from '../../config/env.ts';
import { renderText } from '../../content/render-text.ts';
import { ask } from '../../queries/ask.ts';
import { parseInstant } from '../../util/parse-instant.ts';

const EXAMPLES = `
Examples:
  coursebot ask next
  coursebot ask week --now 2025-10-13T18:00-04:00
  coursebot ask deadlines --schedule schedule.json
  coursebot ask class 13
  coursebot ask presentations CG
  coursebot ask search nearest neighbor
  coursebot ask help

The answer comes from the plan with the changes recorded in the database, as the bot answers in Slack.
--now defaults to COURSEBOT_NOW, else the current time. A time without an offset is read in the
course's timezone.`;

export function askCommand(): Command {
  return new Command('ask')
    .description('answer a /schedule request from the terminal, exactly as Slack would (help lists them)')
    .argument('[request...]', 'the request, e.g. next, week, "class 13" (default: next)')
    .option('--now <iso>', 'answer as of this time instead of now, e.g. 2025-10-13T18:00-04:00')
    .option('--schedule <file>', 'the plan (default: COURSEBOT_SCHEDULE or ./schedule.json)')
    .option('--db <file>', 'the database of recorded changes (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .addHelpText('after', EXAMPLES)
    .action(
      async (words: string[], options: { now?: string; schedule?: string; db?: string; course?: string }) => {
        const settings = readSettings({ now: options.now, schedule: options.schedule, db: options.db });
        const { plan, warnings, skipped } = await loadEffectivePlan(settings, options.course);
        for (const warning of [...warnings, ...skipped]) console.error(warning);
        const now = settings.now
          ? parseInstant(settings.now, plan.course.timezone, settings.nowSource)
          : DateTime.now();
        const result = ask(plan, words.join(' '), now, { prefix: 'coursebot ask', canShare: false });
        console.log(renderText(result.content));
        if (!result.ok) process.exitCode = 1;
      },
    );
}
