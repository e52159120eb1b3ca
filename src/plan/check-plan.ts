import { addDays, daysBetween, formatDay, weekdayOf, type LocalDate } from './local-date.ts';
import type { Plan } from './schema.ts';
import { termOf } from './term.ts';
import type { Problem } from './problems.ts';

type Located = Problem & { at?: (string | number)[] };

/** The rules a schema cannot express. Errors make the plan unusable; warnings only ask for a look. */
export function checkPlan(plan: Plan): { errors: Located[]; warnings: Located[] } {
  const errors: Located[] = [];
  const warnings: Located[] = [];
  const error = (at: (string | number)[], path: string, message: string) =>
    errors.push({ severity: 'error', path, message, at });
  const warn = (at: (string | number)[], path: string, message: string) =>
    warnings.push({ severity: 'warning', path, message, at });

  const seenIds = new Map<string, number>();
  plan.events.forEach((event, i) => {
    const first = seenIds.get(event.id);
    if (first !== undefined) {
      error(['events', i, 'id'], `events[${i}].id`, `duplicate id "${event.id}" (also events[${first}].id)`);
    } else seenIds.set(event.id, i);
  });

  const numbers = new Map<number, number>();
  // The meeting pattern counts every dated session, held or not: a Thursday lost to snow is still a Thursday
  // the course meets.
  const weekdays = new Map<number, number>();
  for (const s of plan.sessions) weekdays.set(weekdayOf(s.date), (weekdays.get(weekdayOf(s.date)) ?? 0) + 1);
  const dated = plan.sessions.length;
  plan.sessions.forEach((session, i) => {
    const at = ['sessions', i];
    const path = `sessions[${i}]`;
    const previous = plan.sessions[i - 1];
    if (previous && session.date < previous.date) {
      warn([...at, 'date'], `${path}.date`, `out of order: ${session.date} comes after ${previous.date}`);
    }
    if (session.number !== null) {
      const first = numbers.get(session.number);
      if (first !== undefined) {
        warn(
          [...at, 'number'],
          `${path}.number`,
          `class number ${session.number} repeats sessions[${first}]`,
        );
      } else numbers.set(session.number, i);
      const sameDay = weekdays.get(weekdayOf(session.date)) ?? 0;
      // A weekday used by at most one session in ten is probably a typo in the date.
      if (!session.noClass && dated >= 6 && sameDay <= Math.max(1, dated / 10)) {
        warn(
          [...at, 'date'],
          `${path}.date`,
          `class ${session.number} is on ${formatDay(session.date)}, a weekday the course does not usually meet`,
        );
      }
    }
  });

  // A date a year or more from the rest (a mistyped year such as 0001) is no date of this course: it would
  // stretch the term over centuries, and everything that walks the term's days with it.
  const far = farDates(plan);
  for (const { at, date, middle } of far) {
    error(
      at,
      `${at[0]}[${at[1]}].date`,
      `${date} is far outside the course's dates (around ${middle}): check the year`,
    );
  }
  const term = far.length > 0 ? undefined : termOf(plan);
  if (term) {
    plan.events.forEach((event, i) => {
      // A week of grace on either side: final reports are often due just after the last class.
      if (event.date < addDays(term.start, -14) || event.date > addDays(term.end, 14)) {
        warn(
          ['events', i, 'date'],
          `events[${i}].date`,
          `"${event.title}" on ${event.date} is outside the term (${term.start} to ${term.end})`,
        );
      }
    });
  }
  const classNumbers = new Set(numbers.keys());
  plan.events.forEach((event, i) => {
    if (event.session !== undefined && !classNumbers.has(event.session)) {
      warn(['events', i, 'session'], `events[${i}].session`, `no class number ${event.session} in the plan`);
    }
  });
  return { errors, warnings };
}

/** How far from the middle of the plan's dates a date may be: more than any term with its run-up. */
const FAR_DAYS = 366;

/** Dates FAR_DAYS or more from the median date of the sessions (or, without sessions, of the events). */
function farDates(plan: Plan): { at: (string | number)[]; date: LocalDate; middle: LocalDate }[] {
  const anchor = (plan.sessions.length > 0 ? plan.sessions : plan.events).map((s) => s.date).sort();
  const middle = anchor[Math.floor(anchor.length / 2)];
  if (!middle) return [];
  const dated = [
    ...plan.sessions.map((s, i) => ({ at: ['sessions', i, 'date'], date: s.date })),
    ...plan.events.map((e, i) => ({ at: ['events', i, 'date'], date: e.date })),
  ];
  return dated
    .filter(({ date }) => Math.abs(daysBetween(middle, date)) >= FAR_DAYS)
    .map((d) => ({ ...d, middle }));
}
