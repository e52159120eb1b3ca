import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import { buildFeed } from '../calendar-feed/build-feed.ts';
import { feedItems } from '../calendar-feed/feed-items.ts';
import type { Course, Deployment } from '../deployment/deployment.ts';
import { courseId as courseIdOf } from '../plan/course-id.ts';
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
  /** The course's id: it names the feed in its link, its token and its items' revisions. */
  courseId: string;
  plans: PlanSource;
  clock: Clock;
  /** The tokens of every course's link (see FeedTokens). */
  tokens: FeedTokens;
}

/**
 * One course's calendar feed in the running bot: the effective plan (changes included) as iCalendar, and
 * the secret link it is served under. The text is built again only when the plan object changes (a
 * confirmed change or a reload makes a new one), and building records each item's revision, so SEQUENCE
 * rises on the first fetch after a change and never on a fetch without one.
 */
export class CalendarFeed {
  private built: { plan: Plan; feed: BuiltFeed } | undefined;

  constructor(private readonly options: CalendarFeedOptions) {}

  /** The id the course is served under (e.g. cs599e1-fall-2025). */
  courseId(): string {
    return this.options.courseId;
  }

  /** Whether a request names this course and its current token: no feed is built to find out. */
  matches(course: string, token: string): boolean {
    return course === this.courseId() && this.options.tokens.matches(course, token);
  }

  /** The link's secret, made on first use. Never logged. */
  token(): string {
    return this.options.tokens.token(this.courseId(), this.options.clock.now());
  }

  /** A new secret: the old link answers 404 from now on. */
  rotate(): string {
    return this.options.tokens.rotate(this.courseId(), this.options.clock.now());
  }

  current(): BuiltFeed {
    const plan = this.options.plans.current();
    if (this.built?.plan !== plan) {
      const feed = publish(this.options.db, plan, this.options.clock.now(), this.courseId());
      this.built = { plan, feed };
    }
    return this.built.feed;
  }
}

/** Builds a plan's feed with the sequence numbers stored in `db` for the course (updated for what changed). */
export function publish(db: Database, plan: Plan, now: DateTime, courseId = courseIdOf(plan)): BuiltFeed {
  const items = reviseStoredItems(db, courseId, feedItems(plan), now);
  const body = buildFeed(plan, items);
  const lastModified = items.reduce<DateTime | undefined>(
    (latest, item) => (!latest || item.lastModified > latest ? item.lastModified : latest),
    undefined,
  );
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, lastModified };
}

export interface CalendarFeedParts {
  /** The feeds' HTTP route, for the Slack app's listener. */
  routes: HttpRoute[];
  /** Adds `/schedule calendar` (and `calendar rotate`) to the Slack app's words: each request's course. */
  attach(commands: ScheduleCommandTable): void;
  /**
   * Makes every course's link secret, or brings it in line with the bot token, once the courses are known:
   * a link made under an old bot token stops working at the start, not at the next `/schedule calendar`.
   */
  start(): void;
  /** A course's link (its current secret), or undefined without COURSEBOT_PUBLIC_URL or for an unknown course. */
  url(courseId: string): string | undefined;
}

/**
 * The calendar feeds of the running bot, one per course, in Slack mode (console mode has no listener and no
 * one to tell the link to). Each course's feed is made when first asked for, from the deployment: a course
 * set up from Slack while the bot runs is served like the others.
 */
export function calendarFeedFor(
  config: Config,
  deps: { db: Database; deployment: Deployment; clock: Clock; logger: Logger },
): CalendarFeedParts | undefined {
  if (!config.slack) return undefined;
  const tokens = new FeedTokens(deps.db, config.slack.botToken);
  const feeds = new Map<string, CalendarFeed>();
  const feedOf = (course: Course): CalendarFeed => {
    let feed = feeds.get(course.id);
    if (!feed) {
      feed = new CalendarFeed({
        db: deps.db,
        courseId: course.id,
        plans: course.plans,
        clock: deps.clock,
        tokens,
      });
      feeds.set(course.id, feed);
    }
    return feed;
  };
  const known = (id: string) => {
    const course = deps.deployment.course(id);
    return course ? feedOf(course) : undefined;
  };
  return {
    routes: [calendarRoute(known, deps.logger)],
    attach: (commands) =>
      registerCalendarCommand(commands, {
        feedOf,
        publicUrl: config.publicUrl,
        log: deps.logger,
      }),
    start() {
      const courses = deps.deployment.courses();
      for (const course of courses) feedOf(course).token();
      const which = courses.length === 1 ? `feed of ${courses[0]!.id}` : `feeds of ${courses.length} courses`;
      const path = courses.length === 1 ? courses[0]!.id : '<course>';
      deps.logger.info(
        config.publicUrl
          ? `calendar: ${which} served at ${config.publicUrl}/calendar/${path}/… (the link: ${config.command} calendar)`
          : 'calendar: set COURSEBOT_PUBLIC_URL to give students the calendar feed link',
      );
    },
    url: (id) => {
      const feed = known(id);
      return config.publicUrl && feed ? feedUrl(config.publicUrl, feed.courseId(), feed.token()) : undefined;
    },
  };
}
