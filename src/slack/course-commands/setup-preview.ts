import { DateTime } from 'luxon';
import { diffLines } from '../../changes/announce-diff.ts';
import { diffPlans, isEmptyDiff } from '../../changes/diff-plans.ts';
import type { Block, Content, Line } from '../../content/content.ts';
import { firstWeek } from '../../courses/first-week.ts';
import { countsLine, planCounts } from '../../courses/plan-counts.ts';
import type { Plan } from '../../plan/schema.ts';
import { derivePosts } from '../../reminders/derive-posts.ts';
import { postKinds } from '../../reminders/format-preview.ts';
import { windowOfDays } from '../../reminders/preview-range.ts';
import { renderText } from '../../content/render-text.ts';

/** Review lines shown at most; the rest are counted. */
const MAX_REVIEW = 8;
const MAX_POSTS = 10;
const MAX_DIFF = 15;

const capped = (lines: readonly string[], max: number, what: string): Line[] => [
  ...lines.slice(0, max).map((l): Line => [l]),
  ...(lines.length > max ? [[`…and ${lines.length - max} more ${what}.`] as Line] : []),
];

/**
 * What `/schedule setup URL` shows before Confirm: the course and term, what the page holds, what the
 * importer was unsure of, and the first week of posts as they would go out (or, replacing a plan, what
 * changes). Only the person who typed it sees it.
 */
export function setupPreview(input: {
  plan: Plan;
  review: readonly string[];
  channelId: string;
  now: DateTime;
  /** The channel's course's plan today, when the setup replaces it. */
  before?: Plan;
  expiresAt: DateTime;
}): Content {
  const { plan, now } = input;
  const zone = plan.course.timezone;
  const blocks: Block[] = [
    {
      kind: 'section',
      heading: `${plan.course.code}: ${plan.course.title} (${plan.course.term})`,
      lines: [[`${countsLine(planCounts(plan))}; times in ${zone}.`]],
    },
  ];
  if (input.review.length > 0) {
    blocks.push({
      kind: 'section',
      heading: `Please check ${input.review.length} item(s) the importer was unsure of:`,
      lines: capped(input.review, MAX_REVIEW, 'items'),
    });
  }
  if (input.before) {
    const diff = diffPlans(input.before, plan);
    const lines = isEmptyDiff(diff)
      ? ['The page says what the plan already says.']
      : diffLines(diff).map((d) => d.text);
    blocks.push({ kind: 'section', heading: 'What changes:', lines: capped(lines, MAX_DIFF, 'changes') });
  } else {
    blocks.push({
      kind: 'section',
      heading: 'The first week of posts:',
      lines: weekLines(plan, input.channelId, now),
    });
  }
  const until = input.expiresAt.setZone(zone).toFormat('h:mm a');
  const confirm = input.before
    ? `Confirm to replace the plan (the change is announced in the channel). The preview expires at ${until}.`
    : `Confirm to make this channel the course's home, with you as its staff, and start its reminders. The preview expires at ${until}.`;
  blocks.push({ kind: 'context', lines: [[confirm]] });
  return { blocks };
}

function weekLines(plan: Plan, channel: string, now: DateTime): Line[] {
  const week = firstWeek(plan, now);
  const zone = plan.course.timezone;
  const posts = week ? derivePosts(plan, windowOfDays(week, zone), { defaultChannel: channel }) : [];
  // Only what would really be posted: a week that has begun shows what is still ahead.
  const ahead = posts.filter((p) => DateTime.fromISO(p.at) >= now);
  if (ahead.length === 0) return [['No posts in the first week.']];
  const lines = ahead.map((post) => {
    const when = DateTime.fromISO(post.at, { zone }).setLocale('en-US').toFormat('ccc LLL d, HH:mm');
    // The heading and its first line say what the post is about; the whole post would flood the preview.
    const gist = renderText(post.content)
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 2)
      .join(' — ');
    return `${when}, ${postKinds(post).join(' + ')}: ${gist.length > 140 ? `${gist.slice(0, 139)}…` : gist}`;
  });
  return capped(lines, MAX_POSTS, 'posts');
}
