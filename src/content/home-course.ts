import { DateTime } from 'luxon';
import { historyLines } from '../changes/history-lines.ts';
import { lastUndoable } from '../changes/replay-revisions.ts';
import type { Revision } from '../changes/revision-log.ts';
import { addDays } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import { deadlines } from '../queries/due-events.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import { nextClass } from '../queries/next-class.ts';
import { presentDeadlines, presentPresentations } from '../queries/present-events.ts';
import { presentNext } from '../queries/present-schedule.ts';
import { presentations, type PresentationItem } from '../queries/presentations.ts';
import {
  leadText,
  PRESENTER_LEADS_MINUTES,
  type DmKind,
  type DmSubscription,
} from '../reminders/dm-subscription.ts';
import { presenterUserIds } from '../reminders/personal-dms.ts';
import { postKinds } from '../reminders/format-preview.ts';
import { derivePosts } from '../reminders/derive-posts.ts';
import { windowOfDays } from '../reminders/preview-range.ts';
import { link, type Block, type Content, type Line } from './content.ts';

/** How far ahead the Home tab looks: deadlines for students, reminder posts for staff. */
export const HOME_DEADLINE_DAYS = 14;
export const HOME_POSTS_DAYS = 7;
/** The staff see only the latest changes; `/schedule history` has them all. */
export const HOME_HISTORY_COUNT = 5;
/** Lines of one list before "…and N more" (a week of posts can be long in exam season). */
export const HOME_LIST_LINES = 25;

export interface HomeCourseInput {
  /** The course's id (Course.id): the tab's buttons carry it, so a view of several courses knows which. */
  courseId: string;
  plan: Plan;
  viewerId: string;
  now: DateTime;
  /** The course's calendar feed address; absent (no public address set), the tab shows no calendar line. */
  calendarFeedUrl?: string;
  /** The viewer's personal reminder wishes for this course; absent, the tab has no reminders part. */
  subscriptions?: DmSubscription[];
  /** Present only for the course staff: what they see on top of the students' view. */
  staff?: {
    history: Revision[];
    defaultChannel: string;
    /** The slash command the staff type (COURSEBOT_COMMAND), named where the full history is; /schedule by default. */
    command?: string;
  };
}

export interface HomeCourse {
  /** The course's id, carried by every button of its part. */
  id: string;
  /** The course code, as students know it. */
  code: string;
  /** What every member of the course sees. */
  student: Content;
  /** The staff's part: the week's posts and the recent changes. */
  staff?: Content;
  /** The revision the Undo button would revert, when there is one. */
  undoable?: Revision;
  /** The viewer's personal reminders, one per kind they can have, for the tab's controls. */
  reminders?: HomeReminder[];
}

/** One kind of the viewer's personal reminders: its lead times, largest first; empty is off. */
export interface HomeReminder {
  kind: DmKind;
  leadsMinutes: number[];
}

/**
 * One course's part of a viewer's Home tab, built from the same answers `/schedule` gives (next class,
 * deadlines, presentations) and, for staff, the posts `coursebot preview` derives and the change history.
 */
export function homeCourse(input: HomeCourseInput): HomeCourse {
  const { plan, now } = input;
  const blocks: Block[] = [{ kind: 'header', text: `${plan.course.code} · ${plan.course.title}` }];
  blocks.push(...retitled(presentNext(plan, nextClass(plan, now)), 'Next class'));
  blocks.push(...soonDeadlines(plan, now));
  blocks.push(...ownPresentations(plan, input.viewerId, now));
  const links = courseLinks(plan, input.calendarFeedUrl);
  if (links.length > 0) blocks.push({ kind: 'context', lines: [joinLinks(links)] });
  const reminders = input.subscriptions && homeReminders(plan, input.viewerId, input.subscriptions);
  if (reminders) blocks.push(remindersSection(reminders));
  const course: HomeCourse = {
    id: input.courseId,
    code: plan.course.code,
    student: { blocks },
    ...(reminders ? { reminders } : {}),
  };
  if (!input.staff) return course;
  const undoable = lastUndoable(input.staff.history);
  return {
    ...course,
    staff: {
      blocks: [
        { kind: 'divider' },
        { kind: 'section', heading: `Posts of the next ${HOME_POSTS_DAYS} days`, lines: weekPosts(input) },
        {
          kind: 'section',
          heading: 'Recent changes',
          lines: recentChanges(plan, input.staff.history, input.staff.command ?? DEFAULT_PREFIX),
        },
      ],
    },
    ...(undoable ? { undoable } : {}),
  };
}

/** An answer's blocks under a section heading instead of its own header (the course header is above). */
function retitled(content: Content, heading: string): Block[] {
  const blocks = content.blocks.filter((b) => b.kind !== 'header');
  const first = blocks.findIndex((b) => b.kind === 'section');
  if (first >= 0) {
    const section = blocks[first] as Extract<Block, { kind: 'section' }>;
    blocks[first] = { ...section, heading };
  }
  return blocks;
}

function soonDeadlines(plan: Plan, now: DateTime): Block[] {
  const answer = deadlines(plan, now);
  const upcoming = answer.upcoming.filter((d) => d.daysLeft <= HOME_DEADLINE_DAYS);
  const heading = `Deadlines in the next ${HOME_DEADLINE_DAYS} days`;
  if (upcoming.length === 0) return [{ kind: 'section', heading, lines: [['Nothing due.']] }];
  return capped(retitled(presentDeadlines(plan, { ...answer, upcoming }), heading));
}

/** The viewer's own presentations still to come, found through the roster's initials → Slack user. */
function ownPresentations(plan: Plan, viewerId: string, now: DateTime): Block[] {
  const initials = Object.entries(plan.course.roster ?? {})
    .filter(([, userId]) => userId === viewerId)
    .map(([known]) => known);
  if (initials.length === 0) return [];
  const answers = initials.map((i) => presentations(plan, now, i));
  const items: PresentationItem[] = answers.flatMap((a) => a.items.filter((i) => !i.past));
  const heading = 'Your presentations';
  if (items.length === 0) return [{ kind: 'section', heading, lines: [['None coming up.']] }];
  return capped(retitled(presentPresentations(plan, { ...answers[0]!, items }), heading));
}

/**
 * Deadlines and classes for everyone (off until asked for); presentations only for a presenter on the
 * roster, on unless they turned it off, as the DMs themselves are derived.
 */
export function homeReminders(plan: Plan, viewerId: string, subscriptions: DmSubscription[]): HomeReminder[] {
  const leadsOf = (kind: DmKind) => subscriptions.find((s) => s.kind === kind)?.leadsMinutes;
  const reminders: HomeReminder[] = (['deadlines', 'classes'] as const).map((kind) => ({
    kind,
    leadsMinutes: leadsOf(kind) ?? [],
  }));
  if (presenterUserIds(plan).has(viewerId))
    reminders.push({
      kind: 'presentations',
      leadsMinutes: leadsOf('presentations') ?? PRESENTER_LEADS_MINUTES,
    });
  return reminders;
}

function remindersSection(reminders: HomeReminder[]): Block {
  return {
    kind: 'section',
    heading: 'Your reminders by DM',
    lines: reminders.map((r) => [
      `${r.kind}: `,
      r.leadsMinutes.length > 0 ? `${r.leadsMinutes.map(leadText).join(', ')} before` : 'off',
    ]),
  };
}

function courseLinks(plan: Plan, calendarFeedUrl: string | undefined): Line[] {
  const piazza = plan.course.links?.piazza;
  return [
    ...(piazza ? [[link(piazza, 'Piazza')]] : []),
    ...(calendarFeedUrl ? [[link(calendarFeedUrl, 'Course calendar (subscribe)')]] : []),
  ];
}

const joinLinks = (links: Line[]): Line => links.flatMap((l, i) => (i === 0 ? l : ['  ·  ', ...l]));

/** The reminder posts due from now to the end of the seventh day, as `coursebot preview` derives them. */
function weekPosts({ plan, now, staff }: HomeCourseInput): Line[] {
  const zone = plan.course.timezone;
  const today = now.setZone(zone).toISODate()!;
  const range = windowOfDays({ from: today, to: addDays(today, HOME_POSTS_DAYS - 1) }, zone);
  const posts = derivePosts(plan, range, { defaultChannel: staff!.defaultChannel }).filter(
    (p) => DateTime.fromISO(p.at).toMillis() >= now.toMillis(),
  );
  if (posts.length === 0) return [['No reminder posts due.']];
  return cappedLines(
    posts.map((post) => {
      const at = DateTime.fromISO(post.at, { zone });
      return [
        {
          kind: 'date',
          epochSeconds: Math.floor(at.toSeconds()),
          style: 'day-time',
          text: at.setLocale('en-US').toFormat("ccc LLL d 'at' h:mm a"),
        },
        `  ${post.channel}  ${postKinds(post).join(' + ')}`,
      ];
    }),
  );
}

function recentChanges(plan: Plan, all: Revision[], command: string): Line[] {
  // The silent record of the file the bot first started with is bookkeeping, not a change anyone made.
  const history = all.filter((r) => !(r.change.kind === 'file' && r.change.source === 'start'));
  if (history.length === 0) return [['No changes made from Slack yet.']];
  const recent = historyLines(history.slice(-HOME_HISTORY_COUNT), plan.course.timezone);
  const older = history.length - recent.length;
  return older > 0 ? [...recent, [`…and ${older} earlier (see ${command} history)`]] : recent;
}

/** Sections of a list are shortened to HOME_LIST_LINES, saying how many were left out. */
function capped(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'section' ? { ...b, lines: cappedLines(b.lines) } : b));
}

function cappedLines(lines: Line[]): Line[] {
  if (lines.length <= HOME_LIST_LINES) return lines;
  const shown = lines.slice(0, HOME_LIST_LINES - 1);
  return [...shown, [`…and ${lines.length - shown.length} more`]];
}
