import type { DateTime } from 'luxon';
import { code, type Line } from '../content/content.ts';
import type { HelpEntry } from '../queries/query-table.ts';
import {
  leadText,
  PRESENTER_LEADS_MINUTES,
  type DmKind,
  type DmSubscription,
} from '../reminders/dm-subscription.ts';
import { parseLeadTimes } from '../reminders/parse-lead-times.ts';
import type { Logger } from '../util/logger.ts';
import type { ScheduleCommandTable, ScheduleReply } from './schedule-commands.ts';

/** What the command needs of the subscription store (SubscriptionCache). */
export interface SubscriptionStore {
  forUser(courseId: string, userId: string): Promise<DmSubscription[]>;
  set(
    courseId: string,
    userId: string,
    kind: DmKind,
    leads: number[],
    tz: string | undefined,
    now: DateTime,
  ): Promise<void>;
  stopAll(courseId: string, userId: string): Promise<number>;
}

export interface RemindCommandDeps {
  store: SubscriptionStore;
  /** The user's timezone from their Slack profile (users.info), or undefined when Slack cannot tell. */
  timezoneOf(userId: string): Promise<string | undefined>;
  log: Pick<Logger, 'info'>;
}

const HELP: HelpEntry[] = [
  {
    name: 'remind me',
    args: 'deadlines|classes LEAD…',
    description: 'personal reminders by DM, e.g. 2 days and 2 hours before each deadline (off: stop them)',
    example: 'remind me deadlines 2d 2h',
  },
  {
    name: 'remind list',
    args: '',
    description: 'the personal reminders you asked for',
    example: 'remind list',
  },
];

const KIND_WORDS: Record<string, DmKind> = {
  deadlines: 'deadlines',
  deadline: 'deadlines',
  classes: 'classes',
  class: 'classes',
  presentations: 'presentations',
  presentation: 'presentations',
};

const say = (...lines: Line[]): ScheduleReply => ({ content: { blocks: [{ kind: 'section', lines }] } });

/** The examples, under the slash command the app answers (`COURSEBOT_COMMAND`). */
const usage = (command: string): Line => [
  'Try ',
  code(`${command} remind me deadlines 2d 2h`),
  ', ',
  code(`${command} remind me classes 1h`),
  ', ',
  code(`${command} remind me off`),
  ' or ',
  code(`${command} remind list`),
  '.',
];

/**
 * `/schedule remind …`: a student's own DMs for this course. Anyone may use it, for themselves only; the
 * answer is ephemeral. Their timezone is read from Slack when they subscribe, for quiet hours.
 */
export function registerRemindCommand(table: ScheduleCommandTable, deps: RemindCommandDeps): void {
  table.register(
    'remind',
    async (request) => {
      const words = request.args.trim().toLowerCase().split(/\s+/).filter(Boolean);
      // The course the request is for (its channel's, the one named or chosen): each keeps its own.
      const course = request.course.id;
      const user = request.userId;
      if (words.length === 1 && words[0] === 'list')
        return listReply(await deps.store.forUser(course, user), request.command);
      if (words[0] !== 'me' || words.length < 2) return say(usage(request.command));
      if (words.length === 2 && words[1] === 'off') {
        const stopped = await deps.store.stopAll(course, user);
        deps.log.info(`remind: ${user} turned off personal reminders of ${course}`);
        return say([
          stopped
            ? 'Done: no more personal reminders of deadlines or classes.'
            : 'You had no personal reminders on.',
        ]);
      }
      const kind = KIND_WORDS[words[1]!];
      if (!kind)
        return say([
          `"${words[1]}" is not something to be reminded of: use deadlines, classes or presentations. `,
          ...usage(request.command),
        ]);
      const change = { courseId: course, userId: user, kind, words: words.slice(2), now: request.now };
      return (await setReminder(deps, change)).reply;
    },
    HELP,
  );
}

export interface ReminderChange {
  /** The course whose reminders these are (Course.id). */
  courseId: string;
  userId: string;
  kind: DmKind;
  /** What follows the kind in `remind me KIND …`: lead times (`2d 2h`), `off`, or nothing for presentations. */
  words: readonly string[];
  now: DateTime;
}

/**
 * Sets one kind of a student's personal reminders, checked as `/schedule remind me KIND …` checks it: the
 * command and the Home tab's controls both come here, so they store and validate alike.
 */
export async function setReminder(
  deps: RemindCommandDeps,
  change: ReminderChange,
): Promise<{ ok: boolean; reply: ScheduleReply }> {
  const { courseId: course, userId: user, kind, words: rest, now } = change;
  if (rest.length === 1 && rest[0] === 'off') {
    await deps.store.set(course, user, kind, [], undefined, now);
    deps.log.info(`remind: ${user} turned off personal reminders of ${kind} of ${course}`);
    return { ok: true, reply: say([`Done: no more personal reminders of ${kind}.`]) };
  }
  if (kind === 'presentations' && rest.length === 0) {
    await deps.store.set(course, user, kind, PRESENTER_LEADS_MINUTES, undefined, now);
    return {
      ok: true,
      reply: say(['Done: you will be reminded of your presentations 7 days and 1 day before.']),
    };
  }
  const leads = parseLeadTimes(rest);
  if (!leads.ok) return { ok: false, reply: say([leads.error]) };
  const timezone = await deps.timezoneOf(user);
  await deps.store.set(course, user, kind, leads.minutes, timezone, now);
  deps.log.info(
    `remind: ${user} subscribed to ${kind} of ${course} (${leads.minutes.map(leadText).join(' ')})`,
  );
  return {
    ok: true,
    reply: say([
      `Done: I will DM you ${leads.minutes.map(leadText).join(', ')} before ${kind === 'deadlines' ? 'each deadline' : 'each class'}`,
      timezone ? `, never between 22:00 and 08:00 your time (${timezone}).` : '.',
    ]),
  };
}

function listReply(subscriptions: DmSubscription[], command: string): ScheduleReply {
  const on = subscriptions.filter((s) => s.leadsMinutes.length > 0);
  const presentationsOff = subscriptions.some(
    (s) => s.kind === 'presentations' && s.leadsMinutes.length === 0,
  );
  const lines: Line[] = on.map((s) => [`${s.kind}: ${s.leadsMinutes.map(leadText).join(', ')} before`]);
  if (lines.length === 0) lines.push(['You have no personal reminders. ', ...usage(command)]);
  if (presentationsOff) lines.push(['presentations: off']);
  return say(...lines);
}
