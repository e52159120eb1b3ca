import type { LocalDate } from '../plan/local-date.ts';
import type { ReminderKind } from '../plan/policy-schema.ts';
import type { PlanEvent, Session } from '../plan/schema.ts';

/**
 * Reminder keys: the ledger's identity of "this reminder was posted". Format:
 *
 *   <kind>:<subject>@<subject day>[:<lead>d]      e.g. deadline:project-proposal-due@2025-10-30:7d
 *   no-class:<day>:<lead>d                         e.g. no-class:2025-11-27:1d
 *   weekly:<day of the post>                       e.g. weekly:2025-11-02
 *
 * <subject> is `class-<number>` for a class (numbers survive a re-import, titles and topics do not) or the
 * event's id. The lead is omitted for kinds posted only on the day (class-day, homework). The subject's day is
 * part of the key, so a moved class or deadline gets fresh keys and the old ones are simply no longer
 * derived; titles, times and the policy's posting time are not, so a fixed typo or a later posting time
 * never makes an already-posted reminder look new.
 */
export function reminderKey(
  kind: ReminderKind,
  subject: string,
  day: LocalDate,
  daysBefore?: number,
): string {
  const lead = daysBefore === undefined ? '' : `:${daysBefore}d`;
  return `${kind}:${subject}@${day}${lead}`;
}

export const classSubject = (session: Pick<Session, 'number'>): string => `class-${session.number ?? 'x'}`;

export const eventSubject = (event: Pick<PlanEvent, 'id'>): string => event.id;

export const noClassKey = (day: LocalDate, daysBefore: number): string => `no-class:${day}:${daysBefore}d`;

export const weeklyKey = (postDay: LocalDate): string => `weekly:${postDay}`;
