import { Command } from 'commander';
import { loadEffectivePlan } from '../../app/load-effective-plan.ts';
import { readSettings } from '../../config/env.ts';
import { formatDay, isValidLocalDate, type LocalDate } from '../../plan/local-date.ts';
import { channelNameSchema } from '../../plan/policy-schema.ts';
import { defaultChannelFor } from '../../reminders/channel-for.ts';
import { derivePosts } from '../../reminders/derive-posts.ts';
import { formatPostJson, formatPostText } from '../../reminders/format-preview.ts';
import { termPreviewRange, windowOfDays } from '../../reminders/preview-range.ts';
import { UserError } from '../../util/user-error.ts';

interface PreviewOptions {
  from?: string;
  to?: string;
  json?: boolean;
  schedule?: string;
  db?: string;
  channel?: string;
  course?: string;
}

export function previewCommand(): Command {
  return new Command('preview')
    .description('print every reminder post the plan produces, in order, without posting anything')
    .option('--from <date>', 'first local day, YYYY-MM-DD (default: a week before the first class)')
    .option(
      '--to <date>',
      'last local day, YYYY-MM-DD, included (default: the day after the last class or event)',
    )
    .option('--json', 'one JSON object per post per line: at, channel, kinds, keys, text')
    .option('--schedule <file>', 'the plan (default: COURSEBOT_SCHEDULE or ./schedule.json)')
    .option('--db <file>', 'the database of recorded changes (COURSEBOT_DB, default ./data/coursebot.db)')
    .option('--course <id>', 'the course, when the deployment has several (its id, or the start of it)')
    .option(
      '--channel <channel>',
      'channel for kinds the plan assigns none (default: COURSEBOT_CHANNEL, else #COURSECODE)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  coursebot preview --from 2025-10-27 --to 2025-11-02\n  coursebot preview --json\n' +
        '\nThe posts come from the plan with the changes recorded in the database, as the bot posts them.',
    )
    .action(async (options: PreviewOptions) => {
      const settings = readSettings({ schedule: options.schedule, db: options.db });
      const { plan, warnings, skipped, course } = await loadEffectivePlan(settings, options.course);
      const path = course.source.kind === 'file' ? course.source.path : course.id;
      for (const warning of [...warnings, ...skipped]) console.error(warning);
      const given = channelOption(options.channel, settings.defaultChannel);
      // A course set up from Slack posts to the channel it was set up in.
      const home =
        course.source.kind === 'slack' ? { name: course.home, source: 'its Slack channel' } : undefined;
      const chosen = given ?? home;
      const channel = defaultChannelFor(plan, chosen?.name);
      const source = channel.source === 'deployment' ? chosen!.source : `the ${channel.source}`;
      const term = termPreviewRange(plan);
      const from = dayOption('--from', options.from) ?? term?.from;
      const to = dayOption('--to', options.to) ?? term?.to;
      if (!from || !to) throw new UserError(`${path} has no sessions or events: nothing to remind of.`);
      if (to < from) throw new UserError(rangeError(options, from, to));

      const posts = derivePosts(plan, windowOfDays({ from, to }, plan.course.timezone), {
        defaultChannel: channel.name,
      });
      console.error(
        `${plan.course.code} reminders from ${formatDay(from)} ${from.slice(0, 4)} to ${formatDay(to)} ${to.slice(0, 4)}` +
          ` (${plan.course.timezone}), default channel ${channel.name} (from ${source})` +
          `: ${posts.length} post(s)`,
      );
      const out = options.json
        ? posts.map(formatPostJson)
        : posts.map((post) => formatPostText(post, plan.course.timezone));
      // Text posts are separated by a blank line; JSON is one object per line.
      if (out.length > 0) process.stdout.write(`${out.join(options.json ? '\n' : '\n\n')}\n`);
    });
}

function dayOption(name: string, value: string | undefined): LocalDate | undefined {
  if (value === undefined) return undefined;
  if (!isValidLocalDate(value)) {
    throw new UserError(
      `${name} "${value}" is not a date: write a course-local day as YYYY-MM-DD, e.g. 2025-10-21.`,
    );
  }
  return value;
}

/** A range the wrong way round, blamed on the options typed: a default is the plan's first or last day. */
function rangeError(options: PreviewOptions, from: LocalDate, to: LocalDate): string {
  if (options.from !== undefined && options.to !== undefined)
    return `--to ${to} is before --from ${from}: give the earlier day first.`;
  if (options.from !== undefined)
    return `--from ${from} is after the plan's posts end (${to}): give an earlier --from, or a --to after it.`;
  return `--to ${to} is before the plan's posts begin (${from}): give a later --to, or a --from before it.`;
}

/** --channel, else COURSEBOT_CHANNEL: the deployment's channel, used when the plan names none. */
function channelOption(
  option: string | undefined,
  setting: string | undefined,
): { name: string; source: string } | undefined {
  if (setting !== undefined && option === undefined) return { name: setting, source: 'COURSEBOT_CHANNEL' };
  if (option === undefined) return undefined;
  if (!channelNameSchema.safeParse(option).success) {
    throw new UserError(
      `--channel "${option}" is not a channel: use an ID such as C012ABCDEF or a name such as #cs599.`,
    );
  }
  return { name: option, source: '--channel' };
}
