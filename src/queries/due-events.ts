import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent } from '../plan/schema.ts';
import type { CalendarMemo } from './calendar-memo.ts';
import { answerIndex } from './answer-index.ts';
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

function due(calendar: CalendarMemo, today: LocalDate, event: PlanEvent): Due {
  return { event, daysLeft: calendar.daysBetween(today, event.date) };
}

/** Deadlines and exams that are not over yet, soonest first. */
export function deadlines(plan: Plan, now: DateTime): DeadlinesAnswer {
  const { calendar, events } = answerIndex(plan);
  const today = calendar.today(now);
  const nowMs = now.toMillis();
  const upcoming = events
    .filter(({ event: e, dueMs }) => (e.kind === 'deadline' || e.kind === 'exam') && dueMs > nowMs)
    .map((e) => due(calendar, today, e.event));
  return { kind: 'deadlines', today, phase: termPhase(plan, today), upcoming };
}

/** Homework releases and deadlines: what is coming, and what happened in the last two weeks. */
export function homework(plan: Plan, now: DateTime): HomeworkAnswer {
  const { calendar, events } = answerIndex(plan);
  const today = calendar.today(now);
  const nowMs = now.toMillis();
  const work = events.filter((e) => isHomework(e.event));
  const upcoming = work.filter((e) => e.dueMs > nowMs).map((e) => due(calendar, today, e.event));
  const recent = work
    .filter((e) => e.dueMs <= nowMs && calendar.daysBetween(e.event.date, today) <= RECENT_DAYS)
    .map((e) => due(calendar, today, e.event));
  return { kind: 'homework', today, phase: termPhase(plan, today), upcoming, recent };
}
