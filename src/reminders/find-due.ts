import type { DateTime } from 'luxon';
import { classReminderCutoff, eventDueAt } from '../plan/calendar.ts';
import {
  addDays,
  atLocal,
  endOfLocalDay,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import type { DayIndex } from './day-index.ts';
import type { DueReminder } from './due-reminder.ts';
import { classSubject, eventSubject, noClassKey, reminderKey, weeklyKey } from './reminder-key.ts';
import { weekAhead } from './week-ahead.ts';

interface Setting {
  enabled: boolean;
  time: LocalTime;
  /** Lead times; kinds without them are posted on the day only. */
  daysBefore?: number[];
}

/**
 * Every reminder the policy fires on one local day, before any filtering by time window or past subjects.
 * Lead times look forward from the firing day: a 2-day heads-up fired today is about the day after tomorrow.
 * Each reminder carries when its subject happens, after which reminding of it is pointless: a class's
 * reminder cutoff, an event's due time, the end of the day for a release or a day without class ("out today"
 * stays true all day).
 */
export function findDue(plan: Plan, index: DayIndex, fireDay: LocalDate): DueReminder[] {
  const { course, reminders: policy } = plan;
  const zone = course.timezone;
  const due: DueReminder[] = [];
  /** Calls `each` with every subject day the setting looks at from the firing day, furthest first. */
  const ahead = (setting: Setting, each: (day: LocalDate, daysBefore: number, at: DateTime) => void) => {
    if (!setting.enabled) return;
    const at = atLocal(fireDay, setting.time, zone);
    const leads = [...new Set(setting.daysBefore ?? [0])].sort((a, b) => b - a);
    for (const daysBefore of leads) each(addDays(fireDay, daysBefore), daysBefore, at);
  };

  /** Reminders of the classes a setting looks at that `wanted` keeps; kinds without lead times key none. */
  const classes = (
    kind: 'class-day' | 'readings' | 'presentation',
    setting: Setting,
    wanted: (session: Session) => boolean,
  ) =>
    ahead(setting, (day, daysBefore, at) => {
      for (const session of index.classes.get(day) ?? []) {
        if (!wanted(session)) continue;
        const key = reminderKey(kind, classSubject(session), day, setting.daysBefore && daysBefore);
        due.push({
          kind,
          key,
          at,
          subjectAt: classReminderCutoff(course, day, session),
          day,
          daysBefore,
          session,
        });
      }
    });
  /** The same for events, each with the instant its reminders stop. */
  const events = (
    kind: 'homework' | 'deadline',
    setting: Setting,
    wanted: (event: PlanEvent) => boolean,
    until: (event: PlanEvent) => DateTime,
  ) =>
    ahead(setting, (day, daysBefore, at) => {
      for (const event of index.events.get(day) ?? []) {
        if (!wanted(event)) continue;
        const key = reminderKey(kind, eventSubject(event), day, setting.daysBefore && daysBefore);
        due.push({ kind, key, at, subjectAt: until(event), day, daysBefore, event });
      }
    });

  classes('class-day', policy.classDay, () => true);
  classes('readings', policy.readings, (s) => s.readings.length > 0);
  events(
    'homework',
    policy.homework,
    (e) => e.kind === 'homework-release',
    (e) => endOfLocalDay(e.date, zone),
  );
  events(
    'deadline',
    policy.deadlines,
    (e) => e.kind === 'deadline' || e.kind === 'exam',
    (e) => eventDueAt(e, zone),
  );
  classes('presentation', policy.presentations, (s) => s.presentations.length > 0);
  ahead(policy.noClass, (day, daysBefore, at) => {
    const key = noClassKey(day, daysBefore);
    const subjectAt = endOfLocalDay(day, zone);
    for (const session of index.noClass.get(day) ?? []) {
      due.push({ kind: 'no-class', key, at, subjectAt, day, daysBefore, session });
    }
  });
  if (weekdayOf(fireDay) === policy.weeklyDigest.weekday) {
    ahead(policy.weeklyDigest, (day, daysBefore, at) => {
      const week = weekAhead(index, day, policy.weeklyDigest.time, course.meeting?.start);
      if (week.days.length === 0) return;
      const subjectAt = endOfLocalDay(day, zone);
      due.push({ kind: 'weekly', key: weeklyKey(day), at, subjectAt, day, daysBefore, week });
    });
  }
  return due;
}
