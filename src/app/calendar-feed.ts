import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import { buildFeed, feedName } from '../calendar-feed/build-feed.ts';
import { feedItems } from '../calendar-feed/feed-items.ts';
import { courseId } from '../plan/course-id.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import type { Database } from '../storage/database.ts';
import { reviseStoredItems } from '../storage/feed-items-store.ts';
import { FeedTokens } from '../storage/feed-tokens.ts';
import type { Clock } from '../util/clock.ts';
import type { Config } from '../config/env.ts';
import { calendarRoute, type HttpRoute } from '../http/calendar-route.ts';
import { feedUrl, registerCalendarCommand } from '../slack/calendar-command.ts';
import type { ScheduleCommandTable } from '../slack/schedule-commands.ts';
import type { Logger } from '../util/logger.ts';

/** The feed as served: its text, a strong ETag of exactly those bytes, and when it last changed. */
export interface BuiltFeed {
  body: string;
  etag: string;
  lastModified: DateTime | undefined;
}

export interface CalendarFeedOptions {
  db: Database;
  plans: PlanSource;
  clock: Clock;
  /** The key links are made with (see FeedTokens); the bot token in the running bot. */
  linkKey: string;
}

/**
 * One course's calendar feed in the running bot: the effective plan (changes included) as iCalendar, and
 * the secret link it is served under. The text is built again only when the plan object changes (a
 * confirmed change or a reload makes a new one), and building records each item's revision, so SEQUENCE
 * rises on the first fetch after a change and never on a fetch without one.
 */
export class CalendarFeed {
  private readonly tokens: FeedTokens;
  private built: { plan: Plan; feed: BuiltFeed } | undefined;

  constructor(private readonly options: CalendarFeedOptions) {
    this.tokens = new FeedTokens(options.db, options.linkKey);
  }

  /** The id the course is served under (e.g. cs599e1-fall-2025). */
  courseId(): string {
    return courseId(this.options.plans.current());
  }

  /** Whether a request names this course and its current token: no feed is built to find out. */
  matches(course: string, token: string): boolean {
    return course === this.courseId() && this.tokens.matches(course, token);
  }

  /** The link's secret, made on first use. Never logged. */
  token(): string {
    return this.tokens.token(this.courseId(), this.options.clock.now());
  }

  /** A new secret: the old link answers 404 from now on. */
  rotate(): string {
    return this.tokens.rotate(this.courseId(), this.options.clock.now());
  }

  current(): BuiltFeed {
    const plan = this.options.plans.current();
    if (this.built?.plan !== plan) {
      this.built = { plan, feed: publish(this.options.db, plan, this.options.clock.now()) };
    }
    return this.built.feed;
  }
}

/** Builds a plan's feed with the sequence numbers stored in `db` (updated for what changed). */
export function publish(db: Database, plan: Plan, now: DateTime): BuiltFeed {
  const items = reviseStoredItems(db, courseId(plan), feedItems(plan), now);
  const body = buildFeed(plan, items);
  const lastModified = items.reduce<DateTime | undefined>(
    (latest, item) => (!latest || item.lastModified > latest ? item.lastModified : latest),
    undefined,
  );
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, lastModified };
}

export interface CalendarFeedParts {
  /** The feed's HTTP route, for the Slack app's listener. */
  routes: HttpRoute[];
  /** Adds `/schedule calendar` (and `calendar rotate`) to the Slack app's words. */
  attach(commands: ScheduleCommandTable): void;
  /** The link `/schedule calendar` gives (its current secret), or undefined without COURSEBOT_PUBLIC_URL. */
  url(): string | undefined;
}

/**
 * The calendar feed of the running bot, in Slack mode (console mode has no listener and no one to tell the
 * link to). The link's secret is made, or brought in line with the bot token, right at the start.
 */
export function calendarFeedFor(
  config: Config,
  deps: { db: Database; plans: PlanSource; clock: Clock; logger: Logger },
): CalendarFeedParts | undefined {
  if (!config.slack) return undefined;
  const feed = new CalendarFeed({
    db: deps.db,
    plans: deps.plans,
    clock: deps.clock,
    linkKey: config.slack.botToken,
  });
  feed.token();
  const course = feed.courseId();
  deps.logger.info(
    config.publicUrl
      ? `calendar: feed of ${course} served at ${config.publicUrl}/calendar/${course}/… (the link: ${config.command} calendar)`
      : 'calendar: set COURSEBOT_PUBLIC_URL to give students the calendar feed link',
  );
  return {
    routes: [calendarRoute((id) => (id === feed.courseId() ? feed : undefined), deps.logger)],
    attach: (commands) =>
      registerCalendarCommand(commands, {
        feed,
        publicUrl: config.publicUrl,
        name: () => feedName(deps.plans.current()),
        log: deps.logger,
      }),
    url: () => (config.publicUrl ? feedUrl(config.publicUrl, feed.courseId(), feed.token()) : undefined),
  };
}
