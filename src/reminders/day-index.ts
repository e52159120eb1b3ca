import { isHeldClass } from '../plan/calendar.ts';
import { addDays, type LocalDate } from '../plan/local-date.ts';
import { recentPlans } from '../plan/per-plan.ts';
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
  /** Every day something happens on, sorted, once each. */
  days: LocalDate[];
}

/** How many plans' day indexes (and days' reminders) are kept: more than the courses a tick sends side by side. */
export const RECENT_PLANS = 64;

/**
 * Built once per plan object, kept for the plans the scheduler looked at last: a tick looks at the courses due
 * (COURSES_AT_ONCE side by side), not at every course of a department all the time.
 */
export const dayIndex: (plan: Plan) => DayIndex = recentPlans(buildIndex, RECENT_PLANS);

function buildIndex(plan: Plan): DayIndex {
  const index: DayIndex = { classes: new Map(), noClass: new Map(), events: new Map(), days: [] };
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
  index.days = days.filter((day, i) => day !== days[i - 1]);
  return index;
}

/**
 * The days in [from, to] that lie within `lead` days before (or on) a day something happens, in order.
 * Only these can carry a reminder, so walking them costs at most `lead + 1` days per day of the plan,
 * however far apart its dates are or however wide the window asked for.
 */
export function daysNear(index: DayIndex, from: LocalDate, to: LocalDate, lead: number): LocalDate[] {
  const out: LocalDate[] = [];
  let next = from;
  for (const day of index.days) {
    if (day < next) continue;
    const start = maxDay(next, addDays(day, -lead));
    const end = day < to ? day : to;
    for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
    if (day >= to) break;
    next = addDays(day, 1);
  }
  return out;
}

const maxDay = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

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
