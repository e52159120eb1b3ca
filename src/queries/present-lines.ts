import { emphasis, link, mention, strong, type Inline, type Line } from '../content/content.ts';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Reading, Session } from '../plan/schema.ts';
import { classSubject, noClassReason } from './course-calendar.ts';
import { classWhen, dayInline, eventWhen, relativeDays } from './date-inlines.ts';
import { planIndex } from './plan-index.ts';
import type { TermPhase } from './term-phase.ts';

/** Presenters as Slack mentions when the roster knows their initials (any case), else as written. */
export function presenterInlines(plan: Plan, presenters: string[]): Inline[] {
  const { roster } = planIndex(plan);
  return presenters.flatMap((initials, i) => {
    const userId = roster.get(initials.toLowerCase());
    const who = userId ? mention(userId, initials) : initials;
    return i === 0 ? [who] : [', ', who];
  });
}

/** "Class 13, Thu Oct 16 — Graph-based nearest neighbor search on CPUs and GPUs" */
export function classHeadline(plan: Plan, session: Session): Line {
  const subject = classSubject(session);
  return [
    strong(`Class ${session.number}`),
    ', ',
    classWhen(plan, session),
    ...(subject ? [` — ${subject}`] : []),
  ];
}

function readingInline(reading: Reading): Inline {
  return reading.url ? link(reading.url, reading.title) : reading.title;
}

/** Readings, presentations, notes and the day's events of a class, one line each. */
export function classDetails(
  plan: Plan,
  session: Session,
  events: PlanEvent[] = [],
  today?: LocalDate,
): Line[] {
  const lines: Line[] = [];
  if (session.readings.length > 0) {
    lines.push([
      'Readings: ',
      ...session.readings.flatMap((r, i) => (i === 0 ? [readingInline(r)] : [', ', readingInline(r)])),
    ]);
  }
  for (const p of session.presentations) {
    lines.push(['Presentation: ', ...presenterInlines(plan, p.presenters), ` — ${p.title}`]);
  }
  if (session.notes?.trim()) lines.push([emphasis(session.notes.trim())]);
  for (const event of events) lines.push(eventLine(plan, event, today));
  return lines;
}

/** "No class Tue Oct 14 (Monday schedule)." — a cancelled class says which one. */
export function noClassLine(plan: Plan, session: Session): Line {
  const reason = noClassReason(session);
  const why =
    session.number !== null ? `Class ${session.number} cancelled${reason ? `: ${reason}` : ''}` : reason;
  return ['No class ', dayInline(plan, session.date), why ? ` (${why}).` : '.'];
}

/** "Project proposal due — due Thu Oct 30 (in 2 days)": the day and date, never a count of hours. */
export function eventLine(plan: Plan, event: PlanEvent, today?: LocalDate): Line {
  const title = event.url ? link(event.url, event.title) : strong(event.title);
  const verb = event.kind === 'deadline' ? ' — due ' : event.kind === 'homework-release' ? ' — out ' : ' — ';
  const days = today === undefined ? undefined : planIndex(plan).calendar.daysBetween(today, event.date);
  const when = days === undefined ? [] : [` (${relativeDays(days)})`];
  return [title, verb, eventWhen(plan, event), ...when];
}

/** A line for one session of a list: its headline when held, the no-class line otherwise. */
export function sessionLine(plan: Plan, session: Session): Line {
  return session.number !== null && !session.noClass
    ? classHeadline(plan, session)
    : noClassLine(plan, session);
}

/** Before the term: when it starts; after it: when it ended. */
export function termNote(plan: Plan, phase: TermPhase): Line[] {
  if (phase.phase === 'before') return [['The term starts ', dayInline(plan, phase.start), '.']];
  if (phase.phase === 'after') return [['The term ended on ', dayInline(plan, phase.end), '.']];
  return [];
}
