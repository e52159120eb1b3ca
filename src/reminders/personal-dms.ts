import type { DateTime } from 'luxon';
import { code, strong, type Content, type Inline, type Line } from '../content/content.ts';
import { dayInline, dayTimeInline, zoneDateTexts } from '../content/date-inline.ts';
import { atLocal, endOfLocalDay } from '../plan/local-date.ts';
import { eventDueAt, isHeldClass, meetingOf } from '../plan/calendar.ts';
import type { ReminderKind } from '../plan/policy-schema.ts';
import { rosterUserId } from '../plan/roster.ts';
import type { Plan } from '../plan/schema.ts';
import { termOf } from '../plan/term.ts';
import { leadText, PRESENTER_LEADS_MINUTES, type DmKind, type DmSubscription } from './dm-subscription.ts';
import type { Window } from './derive-posts.ts';
import type { Post } from './post.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';

/** No DM between 22:00 and 08:00 in the student's own time: one due then waits until 08:00. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

/** Keys of personal DMs start so; the rest names the course, the user, the subject and the lead. */
export const DM_KEY_PREFIX = 'dm:';

/** Something a student can be reminded of personally. */
interface Subject {
  /** e.g. `deadline:project-proposal-due@2025-10-30`: the day is in it, so a moved subject is new. */
  id: string;
  kind: ReminderKind;
  at: DateTime;
  line: Line;
}

/** A Slack user ID: the destination of a DM post (the Slack sink opens the DM channel for it). */
export const isUserDestination = (channel: string): boolean => /^[UW][A-Z0-9]{2,}$/.test(channel);

const iso = (t: DateTime): string => t.toISO({ suppressMilliseconds: true })!;

/**
 * The personal DMs with their moment in [from, to): for each subscription and upcoming subject, the subject's
 * time minus the lead, moved out of the student's quiet hours to 08:00 their time (dropped only if the
 * subject has begun by then). Never for a past subject, never after the term's last day. A student's DMs due
 * at the same moment become one post, addressed to their user ID. Pure: subscriptions come from the caller.
 */
export function derivePersonalDms(
  plan: Plan,
  courseId: string,
  subscriptions: readonly DmSubscription[],
  window: Window,
  /** Timezones known besides the stored ones (Slack's answers this run), e.g. for presenters. */
  timezoneOf: (userId: string) => string | undefined = () => undefined,
  /** The slash command the footer names (COURSEBOT_COMMAND): what the student types to change them. */
  command = DEFAULT_PREFIX,
): Post[] {
  const zone = plan.course.timezone;
  const term = termOf(plan);
  if (!term || window.to <= window.from) return [];
  const termEnds = endOfLocalDay(term.end, zone);
  const wishes = effectiveWishes(plan, subscriptions);
  const groups = new Map<
    string,
    { userId: string; at: DateTime; items: { key: string; subject: Subject }[] }
  >();
  for (const wish of wishes) {
    for (const subject of subjectsFor(plan, wish.kind, wish.userId)) {
      for (const lead of wish.leadsMinutes) {
        const at = outOfQuietHours(
          leadBefore(subject.at, lead),
          timezoneOf(wish.userId) ?? wish.timezone ?? zone,
        );
        if (at >= subject.at || at > termEnds || at < window.from || at >= window.to) continue;
        const groupKey = `${wish.userId}|${at.toMillis()}`;
        let group = groups.get(groupKey);
        if (!group) groups.set(groupKey, (group = { userId: wish.userId, at, items: [] }));
        const key = `${DM_KEY_PREFIX}${courseId}:${wish.userId}:${subject.id}:${leadText(lead)}`;
        if (!group.items.some((i) => i.key === key)) group.items.push({ key, subject });
      }
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || (a.userId < b.userId ? -1 : 1))
    .map(({ userId, at, items }): Post => {
      items.sort((a, b) => a.subject.at.toMillis() - b.subject.at.toMillis() || (a.key < b.key ? -1 : 1));
      return {
        at: iso(at.setZone(zone)),
        channel: userId,
        reminders: items.map(({ key, subject }) => ({
          key,
          kind: subject.kind,
          subjectAt: iso(subject.at.setZone(zone)),
        })),
        content: dmContent(
          plan,
          items.map((i) => i.subject),
          command,
        ),
      };
    });
}

/**
 * Whole days of a lead are calendar days in the course's zone, so "2d" before a 15:30 class is 15:30 even
 * across a DST change; the rest (hours, minutes) is elapsed time.
 */
export function leadBefore(subjectAt: DateTime, leadMinutes: number): DateTime {
  const days = Math.floor(leadMinutes / 1440);
  return subjectAt.minus({ days }).minus({ minutes: leadMinutes - days * 1440 });
}

/** A moment inside the quiet hours of `zone` moves to their end (08:00 that morning). */
export function outOfQuietHours(at: DateTime, zone: string): DateTime {
  const local = at.setZone(zone);
  if (local.hour >= QUIET_FROM_HOUR) {
    return local.plus({ days: 1 }).set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 });
  }
  if (local.hour < QUIET_UNTIL_HOUR) {
    return local.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 });
  }
  return at;
}

interface Wish {
  userId: string;
  kind: DmKind;
  leadsMinutes: number[];
  timezone?: string;
}

/** The subscriptions, plus the presenters' default unless they turned it off. */
function effectiveWishes(plan: Plan, subscriptions: readonly DmSubscription[]): Wish[] {
  const wishes: Wish[] = subscriptions.filter((s) => s.kind !== 'presentations' && s.leadsMinutes.length);
  const presentationsRow = new Map(
    subscriptions.filter((s) => s.kind === 'presentations').map((s) => [s.userId, s]),
  );
  const timezoneOf = new Map(subscriptions.filter((s) => s.timezone).map((s) => [s.userId, s.timezone!]));
  for (const userId of presenterUserIds(plan)) {
    const row = presentationsRow.get(userId);
    const leadsMinutes = row ? row.leadsMinutes : PRESENTER_LEADS_MINUTES;
    if (leadsMinutes.length === 0) continue;
    const timezone = timezoneOf.get(userId);
    wishes.push({ userId, kind: 'presentations', leadsMinutes, ...(timezone ? { timezone } : {}) });
  }
  return wishes;
}

/** The Slack users of the roster who present in a class of the plan. */
export function presenterUserIds(plan: Plan): Set<string> {
  const users = new Set<string>();
  for (const session of plan.sessions) {
    if (!isHeldClass(session)) continue;
    for (const p of session.presentations) {
      for (const initials of p.presenters) {
        const user = rosterUserId(plan.course, initials);
        if (user) users.add(user);
      }
    }
  }
  return users;
}

function subjectsFor(plan: Plan, kind: DmKind, userId: string): Subject[] {
  const { course } = plan;
  const zone = course.timezone;
  const dates = zoneDateTexts(zone);
  if (kind === 'deadlines') {
    return plan.events
      .filter((e) => e.kind === 'deadline' || e.kind === 'exam')
      .map((e) => ({
        id: `deadline:${e.id}@${e.date}`,
        kind: 'deadline',
        at: eventDueAt(e, zone),
        line: [
          strong(e.title),
          ' — due ',
          e.time ? dayTimeInline(dates, e.date, e.time) : dayInline(dates, e.date, 'end of '),
        ],
      }));
  }
  const subjects: Subject[] = [];
  for (const session of plan.sessions) {
    const start = meetingOf(course, session)?.start;
    // A class without a meeting time has no moment to count back from.
    if (!isHeldClass(session) || !start) continue;
    const at = atLocal(session.date, start, zone);
    const when: Inline = dayTimeInline(dates, session.date, start);
    const name = `Class ${session.number}${session.topic ? `: ${session.topic}` : ''}`;
    if (kind === 'classes') {
      subjects.push({
        id: `class:class-${session.number}@${session.date}`,
        kind: 'class-day',
        at,
        line: [strong(name), ' — starts ', when],
      });
      continue;
    }
    const mine = session.presentations.filter((p) =>
      p.presenters.some((initials) => rosterUserId(course, initials) === userId),
    );
    for (const p of mine) {
      subjects.push({
        id: `presentation:class-${session.number}@${session.date}`,
        kind: 'presentation',
        at,
        line: ['Your presentation ', strong(p.title), ` in ${name} — `, when],
      });
    }
  }
  return subjects;
}

function dmContent(plan: Plan, subjects: Subject[], command: string): Content {
  const lines = subjects.map((s) => ['• ', ...s.line]);
  return {
    blocks: [
      { kind: 'section', heading: `Reminder from ${plan.course.code}`, lines },
      {
        kind: 'context',
        lines: [
          [
            'You asked for these: ',
            code(`${command} remind list`),
            ' shows them, ',
            code(`${command} remind me off`),
            ' stops them.',
          ],
        ],
      },
    ],
  };
}
