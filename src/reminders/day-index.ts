import { isHeldClass } from '../plan/calendar.ts';
import { addDays, type LocalDate } from '../plan/local-date.ts';
import { perPlan } from '../plan/per-plan.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';

/** The plan looked up by local day, so deriving one day's reminders costs a few map lookups. */
export interface DayIndex {
  /** Classes that take place (a number, no `noClass`), by day. */
  classes: Map<LocalDate, Session[]>;
  /** Days announced as without class, by day. */
  noClass: Map<LocalDate, Session[]>;
  events: Map<LocalDate, PlanEvent[]>;
  /** Earliest and latest day anything happens on; undefined for an empty plan. */
  first?: LocalDate;
  last?: LocalDate;
}

/** Built once per plan object. */
export const dayIndex: (plan: Plan) => DayIndex = perPlan(buildIndex);

function buildIndex(plan: Plan): DayIndex {
  const index: DayIndex = { classes: new Map(), noClass: new Map(), events: new Map() };
  const days: LocalDate[] = [];
  for (const session of plan.sessions) {
    if (isHeldClass(session)) push(index.classes, session.date, session);
    else if (session.noClass) push(index.noClass, session.date, session);
    days.push(session.date);
  }
  for (const event of plan.events) {
    push(index.events, event.date, event);
    days.push(event.date);
  }
  days.sort();
  index.first = days[0];
  index.last = days.at(-1);
  return index;
}

/** The days in [from, to], both local days, in order. */
export function daysFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

function push<T>(map: Map<LocalDate, T[]>, day: LocalDate, item: T): void {
  const list = map.get(day);
  if (list) list.push(item);
  else map.set(day, [item]);
}
