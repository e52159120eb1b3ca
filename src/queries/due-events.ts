import type { DateTime } from 'luxon';
import { daysBetween, type LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent } from '../plan/schema.ts';
import { byEventTime, courseDay, eventDue } from './course-calendar.ts';
import { termPhase, type TermPhase } from './term-phase.ts';

/** An event with the calendar days from today to it (negative when past): "in 2 days", not "in 48 hours". */
export interface Due {
  event: PlanEvent;
  daysLeft: number;
}

export interface DeadlinesAnswer {
  kind: 'deadlines';
  today: LocalDate;
  phase: TermPhase;
  upcoming: Due[];
}

export interface HomeworkAnswer {
  kind: 'homework';
  today: LocalDate;
  phase: TermPhase;
  upcoming: Due[];
  /** Homework released or due in the last RECENT_DAYS days. */
  recent: Due[];
}

export const RECENT_DAYS = 14;

const HOMEWORK_WORDS = /\b(hw|homework|assignment|problem[ -]?set|pset)\s*\d*\b/i;

/** A deadline counts as homework when its title or id says so (HW3 due, assignment-2-due). */
export function isHomework(event: PlanEvent): boolean {
  if (event.kind === 'homework-release') return true;
  return event.kind === 'deadline' && (HOMEWORK_WORDS.test(event.title) || HOMEWORK_WORDS.test(event.id));
}

function due(today: LocalDate, event: PlanEvent): Due {
  return { event, daysLeft: daysBetween(today, event.date) };
}

/** Deadlines and exams that are not over yet, soonest first. */
export function deadlines(plan: Plan, now: DateTime): DeadlinesAnswer {
  const today = courseDay(plan, now);
  const upcoming = plan.events
    .filter((e) => (e.kind === 'deadline' || e.kind === 'exam') && eventDue(plan, e) > now)
    .sort(byEventTime)
    .map((e) => due(today, e));
  return { kind: 'deadlines', today, phase: termPhase(plan, today), upcoming };
}

/** Homework releases and deadlines: what is coming, and what happened in the last two weeks. */
export function homework(plan: Plan, now: DateTime): HomeworkAnswer {
  const today = courseDay(plan, now);
  const events = plan.events.filter(isHomework).sort(byEventTime);
  const upcoming = events.filter((e) => eventDue(plan, e) > now).map((e) => due(today, e));
  const recent = events
    .filter((e) => eventDue(plan, e) <= now && daysBetween(e.date, today) <= RECENT_DAYS)
    .map((e) => due(today, e));
  return { kind: 'homework', today, phase: termPhase(plan, today), upcoming, recent };
}
