import { addDays, atLocal, weekdayOf, type LocalDate } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import type { DueReminder } from './due-reminder.ts';
import type { PlanIndex } from './plan-index.ts';
import { classSubject, eventSubject, noClassKey, reminderKey, weeklyKey } from './reminder-key.ts';
import { classStart, endOfDay, eventAt } from './subject-time.ts';
import { weekAhead } from './week-ahead.ts';

/**
 * Every reminder the policy fires on one local day, before any filtering by time window or past subjects.
 * Lead times look forward from the firing day: a 2-day heads-up fired today is about the day after tomorrow.
 */
export function findDue(plan: Plan, index: PlanIndex, fireDay: LocalDate): DueReminder[] {
  const { course, reminders: policy } = plan;
  const zone = course.timezone;
  const due: DueReminder[] = [];
  const leads = (days: number[]) => [...new Set(days)].sort((a, b) => b - a);

  if (policy.classDay.enabled) {
    const at = atLocal(fireDay, policy.classDay.time, zone);
    for (const session of index.classes.get(fireDay) ?? []) {
      const key = reminderKey('class-day', classSubject(session), fireDay);
      const subjectAt = classStart(course, fireDay);
      due.push({ kind: 'class-day', key, at, subjectAt, day: fireDay, daysBefore: 0, session });
    }
  }
  if (policy.readings.enabled) {
    const at = atLocal(fireDay, policy.readings.time, zone);
    for (const daysBefore of leads(policy.readings.daysBefore)) {
      const day = addDays(fireDay, daysBefore);
      for (const session of index.classes.get(day) ?? []) {
        if (session.readings.length === 0) continue;
        const key = reminderKey('readings', classSubject(session), day, daysBefore);
        due.push({ kind: 'readings', key, at, subjectAt: classStart(course, day), day, daysBefore, session });
      }
    }
  }
  if (policy.homework.enabled) {
    const at = atLocal(fireDay, policy.homework.time, zone);
    for (const event of index.events.get(fireDay) ?? []) {
      if (event.kind !== 'homework-release') continue;
      const key = reminderKey('homework', eventSubject(event), fireDay);
      const subjectAt = endOfDay(fireDay, zone);
      due.push({ kind: 'homework', key, at, subjectAt, day: fireDay, daysBefore: 0, event });
    }
  }
  if (policy.deadlines.enabled) {
    const at = atLocal(fireDay, policy.deadlines.time, zone);
    for (const daysBefore of leads(policy.deadlines.daysBefore)) {
      const day = addDays(fireDay, daysBefore);
      for (const event of index.events.get(day) ?? []) {
        if (event.kind !== 'deadline' && event.kind !== 'exam') continue;
        const key = reminderKey('deadline', eventSubject(event), day, daysBefore);
        due.push({ kind: 'deadline', key, at, subjectAt: eventAt(event, zone), day, daysBefore, event });
      }
    }
  }
  if (policy.presentations.enabled) {
    const at = atLocal(fireDay, policy.presentations.time, zone);
    for (const daysBefore of leads(policy.presentations.daysBefore)) {
      const day = addDays(fireDay, daysBefore);
      for (const session of index.classes.get(day) ?? []) {
        if (session.presentations.length === 0) continue;
        const key = reminderKey('presentation', classSubject(session), day, daysBefore);
        const subjectAt = classStart(course, day);
        due.push({ kind: 'presentation', key, at, subjectAt, day, daysBefore, session });
      }
    }
  }
  if (policy.noClass.enabled) {
    const at = atLocal(fireDay, policy.noClass.time, zone);
    for (const daysBefore of leads(policy.noClass.daysBefore)) {
      const day = addDays(fireDay, daysBefore);
      for (const session of index.noClass.get(day) ?? []) {
        const key = noClassKey(day, daysBefore);
        due.push({ kind: 'no-class', key, at, subjectAt: endOfDay(day, zone), day, daysBefore, session });
      }
    }
  }
  if (policy.weeklyDigest.enabled && weekdayOf(fireDay) === policy.weeklyDigest.weekday) {
    const week = weekAhead(index, fireDay);
    if (week.days.length > 0) {
      const at = atLocal(fireDay, policy.weeklyDigest.time, zone);
      const subjectAt = endOfDay(fireDay, zone);
      due.push({ kind: 'weekly', key: weeklyKey(fireDay), at, subjectAt, day: fireDay, daysBefore: 0, week });
    }
  }
  return due;
}
