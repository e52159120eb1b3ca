import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';
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
  return agendaOn(plan, answerIndex(plan).calendar.today(now), from, to);
}

function agendaOn(plan: Plan, today: LocalDate, from: LocalDate, to: LocalDate): Agenda {
  const index = answerIndex(plan);
  const within = (date: LocalDate) => date >= from && date <= to;
  return {
    from,
    to,
    today,
    phase: termPhase(plan, today),
    sessions: index.sessions.filter((s) => within(s.session.date)).map((s) => s.session),
    events: index.events.filter((e) => within(e.event.date)).map((e) => e.event),
  };
}

export function dayAgenda(plan: Plan, now: DateTime, which: 'today' | 'tomorrow'): DayAnswer {
  const { calendar } = answerIndex(plan);
  const today = calendar.today(now);
  const date = calendar.addDays(today, which === 'today' ? 0 : 1);
  return { kind: 'day', which, ...agendaOn(plan, today, date, date) };
}

/** The next 7 days, today included. */
export function weekAgenda(plan: Plan, now: DateTime): WeekAnswer {
  const { calendar } = answerIndex(plan);
  const today = calendar.today(now);
  return { kind: 'week', ...agendaOn(plan, today, today, calendar.addDays(today, 6)) };
}
