import { emphasis, mention, strong, type Inline, type Line } from '../content/content.ts';
import { joinInlines, readingsLine, titleInline } from '../content/plan-inlines.ts';
import { isHeldClass } from '../plan/calendar.ts';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { className, classTopic, eventName } from '../plan/titles.ts';
import { answerIndex } from './answer-index.ts';
import { noClassReason } from './course-calendar.ts';
import { classWhen, eventWhen, planDay, relativeDays } from './date-inlines.ts';
import type { TermPhase } from './term-phase.ts';

/** Presenters as Slack mentions when the roster knows their initials (any case), else as written. */
export function presenterInlines(plan: Plan, presenters: string[]): Inline[] {
  const { roster } = answerIndex(plan);
  return joinInlines(
    presenters.map((initials) => {
      const userId = roster.get(initials.toLowerCase());
      return [userId ? mention(userId, initials) : initials];
    }),
  );
}

/** "Class 13, Thu Oct 16 — Graph-based nearest neighbor search on CPUs and GPUs" */
export function classHeadline(plan: Plan, session: Session): Line {
  const subject = classTopic(session);
  return [
    strong(className(session.number)),
    ', ',
    classWhen(plan, session),
    ...(subject ? [` — ${subject}`] : []),
  ];
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
    lines.push(readingsLine(session.readings));
  }
  lines.push(...presentationLines(plan, session));
  if (session.notes?.trim()) lines.push([emphasis(session.notes.trim())]);
  for (const event of events) lines.push(eventLine(plan, event, today));
  return lines;
}

/** "Presentation: CG — LLaMA: Open and Efficient Foundation Language Models", one line per presentation. */
export function presentationLines(plan: Plan, session: Session): Line[] {
  return session.presentations.map((p) => [
    'Presentation: ',
    ...presenterInlines(plan, p.presenters),
    ` — ${p.title}`,
  ]);
}

/** "No class Tue Oct 14 (Monday schedule)." — a cancelled class says which one. */
export function noClassLine(plan: Plan, session: Session): Line {
  const reason = noClassReason(session);
  const why =
    session.number !== null ? `Class ${session.number} cancelled${reason ? `: ${reason}` : ''}` : reason;
  return ['No class ', planDay(plan, session.date), why ? ` (${why}).` : '.'];
}

/** "Project proposal — due Thu Oct 30 (in 2 days)": the day and date, never a count of hours. */
export function eventLine(plan: Plan, event: PlanEvent, today?: LocalDate): Line {
  const title = titleInline(eventName(event), event.url);
  const verb = event.kind === 'deadline' ? ' — due ' : event.kind === 'homework-release' ? ' — out ' : ' — ';
  const days = today === undefined ? undefined : answerIndex(plan).calendar.daysBetween(today, event.date);
  const when = days === undefined ? [] : [` (${relativeDays(days)})`];
  return [title, verb, eventWhen(plan, event), ...when];
}

/** A line for one session of a list: its headline when held, the no-class line otherwise. */
export function sessionLine(plan: Plan, session: Session): Line {
  return isHeldClass(session) ? classHeadline(plan, session) : noClassLine(plan, session);
}

/** Before the term: when it starts; after it: when it ended. */
export function termNote(plan: Plan, phase: TermPhase): Line[] {
  if (phase.phase === 'before') return [['The term starts ', planDay(plan, phase.start), '.']];
  if (phase.phase === 'after') return [['The term ended on ', planDay(plan, phase.end), '.']];
  return [];
}
