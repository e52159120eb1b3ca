import { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import { localDateOf } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import { findDue } from './find-due.ts';
import { dayIndex } from './day-index.ts';
import type { Post, Reminder } from './post.ts';
import { postContent } from './post-content.ts';

/**
 * The content of a post rebuilt with only some of its reminders, for when the others were already posted
 * (an edit to the plan added a reminder to a slot already sent). Falls back to the full content when the
 * plan no longer yields any of them.
 */
export function narrowPostContent(plan: Plan, post: Post, reminders: Reminder[]): Content {
  const keys = new Set(reminders.map((r) => r.key));
  const at = DateTime.fromISO(post.at, { setZone: true });
  const day = localDateOf(at, plan.course.timezone);
  const due = findDue(plan, dayIndex(plan), day).filter(
    (d) => keys.has(d.key) && d.at.toMillis() === at.toMillis(),
  );
  return due.length > 0 ? postContent(due, plan.course, plan.events) : post.content;
}
