import { Command } from 'commander';
import { loadPlanOrThrow, schedulePath } from '../../files/plan-file.ts';
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
  channel?: string;
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
    .option(
      '--channel <channel>',
      'channel for kinds the plan assigns none (default: COURSEBOT_CHANNEL, else #COURSECODE)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  coursebot preview --from 2025-10-27 --to 2025-11-02\n  coursebot preview --json',
    )
    .action((options: PreviewOptions) => {
      const path = schedulePath(options.schedule);
      const { plan, warnings } = loadPlanOrThrow(path);
      for (const warning of warnings) console.error(warning);
      const given = channelOption(options.channel);
      const channel = defaultChannelFor(plan, given?.name);
      const source = channel.source === 'deployment' ? given!.source : `the ${channel.source}`;
      const term = termPreviewRange(plan);
      const from = dayOption('--from', options.from) ?? term?.from;
      const to = dayOption('--to', options.to) ?? term?.to;
      if (!from || !to) throw new UserError(`${path} has no sessions or events: nothing to remind of.`);
      if (to < from) throw new UserError(`--to ${to} is before --from ${from}: give the earlier day first.`);

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

/** --channel, else COURSEBOT_CHANNEL: the deployment's channel, used when the plan names none. */
function channelOption(option: string | undefined): { name: string; source: string } | undefined {
  const env = process.env.COURSEBOT_CHANNEL?.trim();
  const [name, source] = option ? [option, '--channel'] : env ? [env, 'COURSEBOT_CHANNEL'] : [];
  if (name === undefined) return undefined;
  if (!channelNameSchema.safeParse(name).success) {
    throw new UserError(
      `${source} "${name}" is not a channel: use an ID such as C012ABCDEF or a name such as #cs599.`,
    );
  }
  return { name, source: source! };
}
