import { Command } from 'commander';
import { publish } from '../../app/calendar-feed.ts';
import { buildFeed } from '../../calendar-feed/build-feed.ts';
import { feedItems } from '../../calendar-feed/feed-items.ts';
import { reviseItems } from '../../calendar-feed/item-revisions.ts';
import { readSettings } from '../../config/env.ts';
import { chooseCourse, knownCourses, revisedPlanIn } from '../../app/load-effective-plan.ts';
import { withCliStore } from '../../app/open-cli-store.ts';
import { writeOutput } from '../../files/write-output.ts';
import { systemClock, type Clock } from '../../util/clock.ts';
import { createLogger } from '../../util/logger.ts';

interface CalendarOptions {
  output?: string;
  schedule?: string;
  db?: string;
  course?: string;
}

export function calendarCommand(clock: Clock = systemClock): Command {
  return new Command('calendar')
    .description('write the course calendar (iCalendar, with every change made from Slack) for a web page')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--schedule <file>', 'the plan (COURSEBOT_SCHEDULE, default ./schedule.json)')
    .option('--db <file>', 'the database (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  coursebot calendar -o cs599.ics   # publish it next to the course page',
        '',
        "It is the feed the bot serves: the same UIDs, and each item's revision number from the database.",
      ].join('\n'),
    )
    .action(async (options: CalendarOptions) => {
      const settings = readSettings({ schedule: options.schedule, db: options.db });
      const course = chooseCourse(await knownCourses(settings), options.course);
      const { plan, id } = course;
      const now = clock.now();
      const text = await withCliStore(settings, async (store) => {
        // No database yet: no changes from Slack, and every item at its first revision.
        if (!store) return buildFeed(plan, reviseItems(feedItems(plan), new Map(), now).items);
        const effective = (await revisedPlanIn(store, plan, createLogger(), id)).current();
        return (await publish(store, effective, now)).body;
      });
      if (!options.output) {
        process.stdout.write(text);
        return;
      }
      writeOutput(options.output, text);
      const items = (text.match(/^BEGIN:VEVENT/gm) ?? []).length;
      process.stdout.write(`Wrote ${options.output}: the calendar of ${id}, ${items} items.\n`);
    });
}
