import { Command } from 'commander';
import { DateTime } from 'luxon';
import { renderText } from '../../content/render-text.ts';
import { loadPlanOrThrow, schedulePath } from '../../files/plan-file.ts';
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

--now defaults to COURSEBOT_NOW, else the current time. A time without an offset is read in the
course's timezone.`;

export function askCommand(): Command {
  return new Command('ask')
    .description('answer a /schedule request from the terminal, exactly as Slack would (help lists them)')
    .argument('[request...]', 'the request, e.g. next, week, "class 13" (default: next)')
    .option('--now <iso>', 'answer as of this time instead of now, e.g. 2025-10-13T18:00-04:00')
    .option('--schedule <file>', 'the plan (default: COURSEBOT_SCHEDULE or ./schedule.json)')
    .addHelpText('after', EXAMPLES)
    .action((words: string[], options: { now?: string; schedule?: string }) => {
      const { plan, warnings } = loadPlanOrThrow(schedulePath(options.schedule));
      for (const warning of warnings) console.error(warning);
      const zone = plan.course.timezone;
      const envNow = process.env.COURSEBOT_NOW?.trim();
      const now =
        options.now !== undefined
          ? parseInstant(options.now, zone, '--now')
          : envNow
            ? parseInstant(envNow, zone, 'COURSEBOT_NOW')
            : DateTime.now();
      const result = ask(plan, words.join(' '), now, { prefix: 'coursebot ask', canShare: false });
      console.log(renderText(result.content));
      if (!result.ok) process.exitCode = 1;
    });
}
