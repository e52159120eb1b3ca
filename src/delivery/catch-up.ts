import { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import type { Reminder } from '../reminders/post.ts';

export interface CatchUpRules {
  /** The course's timezone: "the same day" is a local day there. */
  zone: string;
  /** policy.catchUp.sameDayOnly: a missed post is still sent late only on the local day it was due. */
  sameDayOnly: boolean;
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * Whether a post that is late (missed during downtime, or retried) is still worth sending now. Undefined
 * when it is; otherwise the reason it is not, as stored in the ledger.
 */
export function whyNotUseful(
  post: { at: string; reminders: Reminder[] },
  now: DateTime,
  rules: CatchUpRules,
): string | undefined {
  const due = instant(post.at).setZone(rules.zone);
  const today = now.setZone(rules.zone);
  if (rules.sameDayOnly && due.toISODate() !== today.toISODate()) {
    return `too late: it was due ${due.toFormat('ccc LLL d h:mm a')} and missed posts are only sent the same day (reminders.catchUp.sameDayOnly)`;
  }
  if (post.reminders.every((r) => instant(r.subjectAt) <= now)) {
    return `too late: what it reminds of was already past at ${today.toFormat('ccc LLL d h:mm a')}`;
  }
  return undefined;
}

/** The post's content with a last line telling readers it comes late, and when it was due. */
export function withLateNote(content: Content, at: string, now: DateTime, zone: string): Content {
  const due = instant(at).setZone(zone);
  const sameDay = due.toISODate() === now.setZone(zone).toISODate();
  const when = sameDay ? due.toFormat('h:mm a') : due.toFormat('ccc LLL d h:mm a');
  return {
    blocks: [
      ...content.blocks,
      { kind: 'context', lines: [[`Posted late: this reminder was due at ${when}.`]] },
    ],
  };
}
