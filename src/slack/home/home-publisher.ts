import type { webApi } from '@slack/bolt';
import { homeCourse, type HomeCourse } from '../../content/home-course.ts';
import type { Course } from '../../deployment/deployment.ts';
import type { HomeOptions } from './install-home.ts';
import { homeView } from './home-view.ts';
import type { RecentViewers } from './recent-viewers.ts';
import { viewerCourses } from './viewer-courses.ts';

/**
 * Builds and publishes a viewer's Home tab from their courses, and republishes the tabs a plan change made
 * out of date: only those of recent viewers that show a changed course, each with the hash of the view it
 * replaces, so Slack refuses it when the tab changed since (the viewer's own open published a newer one).
 */
export class HomePublisher {
  private readonly seenVersions = new Map<string, number>();

  constructor(
    private readonly options: HomeOptions,
    private readonly viewers: RecentViewers,
  ) {
    for (const course of options.deployment.courses()) this.seenVersions.set(course.id, course.plans.version);
  }

  /** Publishes the viewer's tab; `refresh` passes the last view's hash. Whether it was published. */
  async publish(client: webApi.WebClient, userId: string, refresh = false): Promise<boolean> {
    const { deployment, memberCourses, log } = this.options;
    const courses = await viewerCourses(deployment, memberCourses, userId);
    const hash = refresh ? this.viewers.viewOf(userId)?.hash : undefined;
    try {
      const parts = await Promise.all(courses.map((c) => this.partOf(c, userId)));
      const answer = await client.views.publish({
        user_id: userId,
        view: homeView(parts),
        ...(hash ? { hash } : {}),
      });
      const newHash = answer.view?.hash;
      this.viewers.published(userId, {
        courseIds: courses.map((c) => c.id),
        ...(newHash ? { hash: newHash } : {}),
      });
      return true;
    } catch (error) {
      // A hash conflict means a newer tab was published meanwhile: nothing to redo.
      if (errorCode(error) === 'hash_conflict') return false;
      log.warn(`home: publishing the Home tab of ${userId} failed: ${errorText(error)}`);
      return false;
    }
  }

  /** Republishes the tabs of recent viewers that show a course whose plan changed since the last look. */
  async refreshChanged(client: webApi.WebClient): Promise<number> {
    const changed = new Set<string>();
    for (const course of this.options.deployment.courses()) {
      const version = course.plans.version;
      if (this.seenVersions.get(course.id) !== version) changed.add(course.id);
      this.seenVersions.set(course.id, version);
    }
    if (changed.size === 0) return 0;
    let published = 0;
    // One at a time: views.publish is Tier 4, and a course's recent viewers are few. Only the tabs that
    // show a changed course are published again, not the whole course's membership.
    for (const userId of this.viewers.recent(this.options.clock.now().toMillis())) {
      const shown = this.viewers.viewOf(userId)?.courseIds ?? [];
      if (!shown.some((id) => changed.has(id))) continue;
      if (await this.publish(client, userId, true)) published++;
    }
    return published;
  }

  /** One course's part of the viewer's tab: the staff part only for its staff (the deployment's rule). */
  private async partOf(course: Course, userId: string): Promise<HomeCourse> {
    const { deployment, reminders, clock, command } = this.options;
    const calendarFeedUrl = await this.options.calendarFeedUrl?.(course.id);
    const staff = deployment.isStaff(course, userId);
    // Read before the plan: picking up another instance's changes may move it.
    const history = staff ? await course.plans.history() : [];
    return homeCourse({
      courseId: course.id,
      plan: course.plans.current(),
      viewerId: userId,
      now: clock.now(),
      ...(calendarFeedUrl ? { calendarFeedUrl } : {}),
      ...(reminders ? { subscriptions: await reminders.store.forUser(course.id, userId) } : {}),
      ...(staff
        ? {
            staff: {
              history,
              defaultChannel: course.homeChannel(),
              ...(command ? { command } : {}),
            },
          }
        : {}),
    });
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const errorCode = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } } | undefined)?.data?.error;
