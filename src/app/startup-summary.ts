import { DateTime } from 'luxon';
import { localDateOf } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import { termOf } from '../plan/term.ts';
import type { DerivePosts, DuePost } from '../delivery/due-posts.ts';
import { catchUpSummary } from './catch-up-summary.ts';

export interface SummaryInput {
  plan: Plan;
  now: DateTime;
  mode: string;
  databasePath: string;
  derive: DerivePosts;
  defaultChannel: string;
  /** The posts already due, as the dispatcher will handle them (Dispatcher.due()). */
  due: DuePost[];
  /** Set when the clock was started at a chosen instant, to what set it ("--now" or "COURSEBOT_NOW"). */
  clockSetBy?: string;
  /** Lines about the start itself (a clock behind the stored progress), shown before what is due. */
  notes?: string[];
  /** Whether every one of these reminder keys is already recorded (posted, skipped, failed): not next. */
  recorded?: (keys: string[]) => boolean;
}

const day = (date: string): string => DateTime.fromISO(date).setLocale('en-US').toFormat('ccc LLL d yyyy');

/**
 * What `coursebot start` says before it starts waiting: the course, the mode, what it does right away with
 * posts already due (missed while it was down), and the next post after that.
 */
export function startupSummary(input: SummaryInput): string[] {
  const { plan, now, databasePath } = input;
  const { code, title, term: termName, timezone } = plan.course;
  const term = termOf(plan);
  const lines = [
    `coursebot: ${code} ${title}, ${termName}${term ? ` (${day(term.start)} – ${day(term.end)})` : ''}`,
    input.mode,
    `Database: ${databasePath}`,
    ...(input.clockSetBy
      ? [
          `Clock: set to ${now.setZone(timezone).toFormat('ccc LLL d yyyy h:mm:ss a ZZZZ')} by ${input.clockSetBy}, running on from there`,
        ]
      : []),
  ];
  lines.push(...(input.notes ?? []));
  const catchUp = catchUpSummary(input.due, now, timezone);
  if (catchUp) lines.push(catchUp);
  if (!term) return [...lines, 'The plan has no sessions or events: nothing to post.'];
  if (localDateOf(now, timezone) > term.end) {
    const demo = demoInstant(input);
    return [
      ...lines,
      `The term ended on ${day(term.end)}.`,
      `Nothing more will be posted. To see the reminders, try \`coursebot preview\`${demo ? ` or COURSEBOT_NOW=${demo} npm start` : ''}`,
    ];
  }
  const next = nextPost(input);
  return [...lines, next ?? 'No more posts this term.'];
}

/** Half a minute before the first post on the day of the middle session: a demo that posts at once. */
function demoInstant({ plan, derive, defaultChannel }: SummaryInput): string | undefined {
  const middle = [...plan.sessions].sort((a, b) => (a.date < b.date ? -1 : 1))[
    Math.floor(plan.sessions.length / 2)
  ];
  if (!middle) return undefined;
  const from = DateTime.fromISO(middle.date, { zone: plan.course.timezone });
  const first = derive(plan, { from, to: from.plus({ days: 1 }) }, { defaultChannel })[0];
  if (!first) return undefined;
  return DateTime.fromISO(first.at, { setZone: true })
    .minus({ seconds: 30 })
    .toISO({ suppressMilliseconds: true })!;
}

/** Looks ahead week by week, so a mid-term start does not derive the whole term. */
function nextPost({ plan, now, derive, defaultChannel, recorded }: SummaryInput): string | undefined {
  const end = DateTime.fromISO(termOf(plan)!.end, { zone: plan.course.timezone }).plus({ days: 2 });
  for (let from = now; from < end; from = from.plus({ weeks: 1 })) {
    const to = DateTime.min(from.plus({ weeks: 1 }), end);
    // A post already sent (by a clock that was ahead, or before a restart) is not the next one.
    const post = derive(plan, { from, to }, { defaultChannel }).find(
      (p) => DateTime.fromISO(p.at) > now && !recorded?.(p.reminders.map((r) => r.key)),
    );
    if (post) {
      const at = DateTime.fromISO(post.at, { setZone: true }).setLocale('en-US');
      const kinds = [...new Set(post.reminders.map((r) => r.kind))].join(' + ');
      return `Next post: ${at.toFormat('ccc LLL d h:mm a')} to ${post.channel} (${kinds})`;
    }
  }
  return undefined;
}
