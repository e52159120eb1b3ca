import { feedName } from '../calendar-feed/build-feed.ts';
import { code, link, type Content, type Line } from '../content/content.ts';
import type { Course } from '../deployment/deployment.ts';
import type { HelpEntry } from '../queries/query-table.ts';
import type { Logger } from '../util/logger.ts';
import type { ScheduleCommandTable, ScheduleReply } from './schedule-commands.ts';

/** What the command needs of a course's feed. */
export interface LinkedFeed {
  courseId(): string;
  token(): Promise<string>;
  rotate(): Promise<string>;
}

export interface CalendarCommandDeps {
  /** The feed of a course: each course has its own link and secret. */
  feedOf(course: Course): LinkedFeed;
  /** COURSEBOT_PUBLIC_URL without a trailing slash; absent, there is no link to give. */
  publicUrl: string | undefined;
  log: Pick<Logger, 'info' | 'warn'>;
}

const HELP: HelpEntry[] = [
  {
    name: 'calendar',
    args: '',
    description: 'the link to subscribe to the course in Google Calendar, Outlook or Apple Calendar',
    example: 'calendar',
  },
  {
    name: 'calendar rotate',
    args: '',
    description: 'staff: a new calendar link; the old one stops working',
    example: 'calendar rotate',
  },
];

const say = (...lines: Line[]): ScheduleReply => ({ content: { blocks: [{ kind: 'section', lines }] } });

/** The feed's address: `https://…/calendar/<course>/<token>.ics`. */
export function feedUrl(publicUrl: string, courseId: string, token: string): string {
  return `${publicUrl}/calendar/${encodeURIComponent(courseId)}/${token}.ics`;
}

/**
 * The subscription answer: one line per calendar app, each a link that opens its "subscribe" page with the
 * feed filled in, and the plain address for any other app.
 */
export function subscriptionContent(url: string, name: string): Content {
  const webcal = url.replace(/^https?:\/\//, 'webcal://');
  const outlook = (host: string) =>
    `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(url)}&name=${encodeURIComponent(name)}`;
  return {
    blocks: [
      {
        kind: 'section',
        heading: `Subscribe to ${name}`,
        lines: [
          [
            'Google Calendar: ',
            link(`https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`, 'add it'),
          ],
          [
            'Outlook: ',
            link(outlook('outlook.office.com'), 'add it (school or work account)'),
            ' or ',
            link(outlook('outlook.live.com'), 'personal account'),
          ],
          ['Apple Calendar: ', link(webcal, 'subscribe')],
          ['Any other calendar: subscribe to ', code(url)],
        ],
      },
      {
        kind: 'context',
        lines: [
          [
            'Subscribed calendars refresh slowly (Google every 8–24 hours, Outlook every few hours, Apple about hourly), so every change is also announced here in Slack. Anyone with the link can read the calendar: keep it within the course.',
          ],
        ],
      },
    ],
  };
}

/**
 * `/schedule calendar` answers anyone with the subscription link of the request's course;
 * `/schedule calendar rotate` (that course's staff only) replaces the link's secret, for a link that has leaked. The secret is in replies only, never in the log.
 */
export function registerCalendarCommand(table: ScheduleCommandTable, deps: CalendarCommandDeps): void {
  table.register(
    'calendar',
    async (request) => {
      const words = request.args.trim().toLowerCase().split(/\s+/).filter(Boolean);
      const rotating = words.length === 1 && words[0] === 'rotate';
      if (words.length > 0 && !rotating) {
        return say([
          '`calendar` takes no words after it, except `rotate` for staff: try ',
          code(`${request.command} calendar`),
          '.',
        ]);
      }
      if (!deps.publicUrl) {
        return say([
          'The calendar feed is not set up: the bot needs COURSEBOT_PUBLIC_URL, the address students reach it at. Ask the course staff.',
        ]);
      }
      if (rotating && !request.isStaff) {
        deps.log.warn(
          `calendar: refused "calendar rotate" from ${request.userId}: not staff of ${request.course.id}`,
        );
        return say([
          'Sorry, only the course staff can replace the calendar link. ',
          code(`${request.command} calendar`),
          ' gives it.',
        ]);
      }
      const feed = deps.feedOf(request.course);
      const course = feed.courseId();
      const token = await (rotating ? feed.rotate() : feed.token());
      // The name subscribers see for the calendar (Outlook asks for one).
      const name = feedName(request.plan);
      const content = subscriptionContent(feedUrl(deps.publicUrl, course, token), name);
      if (!rotating) return { content };
      deps.log.info(`calendar: ${request.userId} replaced the calendar link of ${course}`);
      content.blocks.unshift({
        kind: 'section',
        lines: [
          [
            'Done: the old calendar link no longer works. Everyone subscribed must subscribe again with the new one below (',
            code(`${request.command} calendar`),
            ' gives it to them).',
          ],
        ],
      });
      return { content };
    },
    HELP,
  );
}
