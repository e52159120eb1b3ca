import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import { buildFeed } from '../calendar-feed/build-feed.ts';
import { feedItems } from '../calendar-feed/feed-items.ts';
import type { Course, Deployment } from '../deployment/deployment.ts';
import { courseId as courseIdOf } from '../plan/course-id.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import type { SqlStore } from '../storage/sql/sql-store.ts';
import { reviseSqlItems, SqlFeedTokens } from '../storage/sql/tables/sql-feeds.ts';
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
  sql: SqlStore;
  /** The course's id: it names the feed in its link, its token and its items' revisions. */
  courseId: string;
  plans: PlanSource;
  clock: Clock;
  /** The tokens of every course's link (see SqlFeedTokens). */
  tokens: SqlFeedTokens;
}

/**
 * One course's calendar feed in the running bot: the effective plan (changes included) as iCalendar, and
 * the secret link it is served under. The text is built again only when the plan object changes (a
 * confirmed change or a reload makes a new one), and building records each item's revision, so SEQUENCE
 * rises on the first fetch after a change and never on a fetch without one.
 */
export class CalendarFeed {
  // The promise, not its result: requests arriving while a changed plan is published wait for that one.
  private built: { plan: Plan; feed: Promise<BuiltFeed> } | undefined;

  constructor(private readonly options: CalendarFeedOptions) {}

  /** The id the course is served under (e.g. cs599e1-fall-2025). */
  courseId(): string {
    return this.options.courseId;
  }

  /**
   * Whether a request names this course and its current token: no feed is built to find out. Read from the
   * store each time, so a link rotated on another instance stops working here too.
   */
  async matches(course: string, token: string): Promise<boolean> {
    return course === this.courseId() && this.options.tokens.matches(course, token);
  }

  /** The link's secret, made on first use. Never logged. */
  token(): Promise<string> {
    return this.options.tokens.token(this.courseId(), this.options.clock.now());
  }

  /** A new secret: the old link answers 404 from now on. */
  rotate(): Promise<string> {
    return this.options.tokens.rotate(this.courseId(), this.options.clock.now());
  }

  current(): Promise<BuiltFeed> {
    const plan = this.options.plans.current();
    if (this.built?.plan !== plan) {
      const feed = publish(this.options.sql, plan, this.options.clock.now(), this.courseId());
      // A failed build is not kept: the next request tries again.
      feed.catch(() => {
        if (this.built?.feed === feed) this.built = undefined;
      });
      this.built = { plan, feed };
    }
    return this.built.feed;
  }
}

/** Builds a plan's feed with the sequence numbers stored for the course (updated for what changed). */
export async function publish(
  sql: SqlStore,
  plan: Plan,
  now: DateTime,
  courseId = courseIdOf(plan),
): Promise<BuiltFeed> {
  const items = await reviseSqlItems(sql, courseId, feedItems(plan), now);
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
  start(): Promise<void>;
  /** A course's link (its current secret), or undefined without COURSEBOT_PUBLIC_URL or for an unknown course. */
  url(courseId: string): Promise<string | undefined>;
}

/**
 * The calendar feeds of the running bot, one per course, in Slack mode (console mode has no listener and no
 * one to tell the link to). Each course's feed is made when first asked for, from the deployment: a course
 * set up from Slack while the bot runs is served like the others.
 */
export function calendarFeedFor(
  config: Config,
  deps: { sql: SqlStore; deployment: Deployment; clock: Clock; logger: Logger },
): CalendarFeedParts | undefined {
  if (!config.slack) return undefined;
  const tokens = new SqlFeedTokens(deps.sql, config.slack.botToken);
  const feeds = new Map<string, CalendarFeed>();
  const feedOf = (course: Course): CalendarFeed => {
    let feed = feeds.get(course.id);
    if (!feed) {
      feed = new CalendarFeed({
        sql: deps.sql,
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
    async start() {
      const courses = deps.deployment.courses();
      for (const course of courses) await feedOf(course).token();
      const which = courses.length === 1 ? `feed of ${courses[0]!.id}` : `feeds of ${courses.length} courses`;
      const path = courses.length === 1 ? courses[0]!.id : '<course>';
      deps.logger.info(
        config.publicUrl
          ? `calendar: ${which} served at ${config.publicUrl}/calendar/${path}/… (the link: ${config.command} calendar)`
          : 'calendar: set COURSEBOT_PUBLIC_URL to give students the calendar feed link',
      );
    },
    url: async (id) => {
      const feed = known(id);
      return config.publicUrl && feed
        ? feedUrl(config.publicUrl, feed.courseId(), await feed.token())
        : undefined;
    },
  };
}
