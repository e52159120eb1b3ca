import type { Content } from '../content/content.ts';
import type { ReminderKind } from '../plan/policy-schema.ts';

/** One thing reminded of, in one post. */
export interface Reminder {
  /**
   * Stable identity: what is reminded of, its day, the kind and the lead time, e.g.
   * `deadline:project-proposal-due@2025-10-30:2d` (format in reminder-key.ts). Titles are not part of it, so
   * a fixed typo does not make a reminder look new; a moved date is, so a moved deadline gets fresh reminders.
   */
  key: string;
  kind: ReminderKind;
  /** When the subject itself happens (ISO-8601 with offset): nothing is reminded of once it is past. */
  subjectAt: string;
}

/** One message to one channel at one local time, carrying one or more reminders. */
export interface Post {
  /** When it is due, ISO-8601 with the course's offset. */
  at: string;
  /** Channel as configured: an ID (C…) or a name (#cs599). */
  channel: string;
  reminders: Reminder[];
  content: Content;
}

export const postKeys = (post: Pick<Post, 'reminders'>): string[] => post.reminders.map((r) => r.key);
