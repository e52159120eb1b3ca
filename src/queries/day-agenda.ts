import type { DateTime } from 'luxon';
import { addDays, type LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { byEventTime, courseDay, sessionsByDate } from './course-calendar.ts';
import { termPhase, type TermPhase } from './term-phase.ts';

/** What happens on a run of days: classes, days without class, events. */
export interface Agenda {
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
  phase: TermPhase;
  sessions: Session[];
  events: PlanEvent[];
}

export interface DayAnswer extends Agenda {
  kind: 'day';
  which: 'today' | 'tomorrow';
}

export interface WeekAnswer extends Agenda {
  kind: 'week';
}

/** Everything from `from` to `to`, both included, in order. */
export function agenda(plan: Plan, now: DateTime, from: LocalDate, to: LocalDate): Agenda {
  const today = courseDay(plan, now);
  const within = (date: LocalDate) => date >= from && date <= to;
  return {
    from,
    to,
    today,
    phase: termPhase(plan, today),
    sessions: sessionsByDate(plan).filter((s) => within(s.date)),
    events: plan.events.filter((e) => within(e.date)).sort(byEventTime),
  };
}

export function dayAgenda(plan: Plan, now: DateTime, which: 'today' | 'tomorrow'): DayAnswer {
  const date = addDays(courseDay(plan, now), which === 'today' ? 0 : 1);
  return { kind: 'day', which, ...agenda(plan, now, date, date) };
}

/** The next 7 days, today included. */
export function weekAgenda(plan: Plan, now: DateTime): WeekAnswer {
  const today = courseDay(plan, now);
  return { kind: 'week', ...agenda(plan, now, today, addDays(today, 6)) };
}
