import type { Block, Content, Line } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import type { ClassAnswer, ReadingsAnswer } from './class-lookup.ts';
import { isHeldClass } from '../plan/calendar.ts';
import { planDay } from './date-inlines.ts';
import type { DayAnswer, WeekAnswer } from './day-agenda.ts';
import type { NextClassAnswer } from './next-class.ts';
import {
  classDetails,
  classHeadline,
  eventLine,
  noClassLine,
  presentationLines,
  sessionLine,
  termNote,
} from './present-lines.ts';
import type { TermPhase } from './term-phase.ts';

/** Header, one section, and the term note (before or after the term) as context. */
export function answerContent(plan: Plan, title: string, lines: Line[], phase?: TermPhase): Content {
  const note = phase ? termNote(plan, phase) : [];
  const blocks: Block[] = [
    { kind: 'header', text: `${plan.course.code} · ${title}` },
    { kind: 'section', lines },
  ];
  if (note.length > 0) blocks.push({ kind: 'context', lines: note });
  return { blocks };
}

export function presentNext(plan: Plan, answer: NextClassAnswer): Content {
  const { session, phase } = answer;
  if (!session) {
    const last = answer.last;
    const lines: Line[] = last
      ? [['No classes left: the last was ', ...classHeadline(plan, last), '.']]
      : [['The plan has no classes yet.']];
    return answerContent(plan, 'Next class', lines, phase);
  }
  const skipped = answer.skipped.flatMap((s) => [...noClassLine(plan, s), ' ']);
  const headline: Line =
    skipped.length > 0
      ? [...skipped, 'Next: ', ...classHeadline(plan, session)]
      : classHeadline(plan, session);
  const title = phase.phase === 'before' ? 'First class' : 'Next class';
  return answerContent(
    plan,
    title,
    [headline, ...classDetails(plan, session, answer.events, answer.today)],
    phase,
  );
}

export function presentDay(plan: Plan, answer: DayAnswer): Content {
  const lines: Line[] = answer.sessions.flatMap((s) =>
    isHeldClass(s) ? [classHeadline(plan, s), ...classDetails(plan, s)] : [noClassLine(plan, s)],
  );
  if (answer.sessions.length === 0) {
    lines.push([
      'No class ',
      planDay(plan, answer.from),
      answer.events.length > 0 ? '.' : ', and nothing due.',
    ]);
  }
  lines.push(...answer.events.map((e) => eventLine(plan, e, answer.today)));
  return answerContent(plan, answer.which === 'today' ? 'Today' : 'Tomorrow', lines, answer.phase);
}

export function presentWeek(plan: Plan, answer: WeekAnswer): Content {
  // Classes and days off come before the events of the same day; a class says who presents, as `next` does.
  const items = [
    ...answer.sessions.map((s) => ({
      date: s.date,
      order: 0,
      lines: [sessionLine(plan, s), ...(isHeldClass(s) ? presentationLines(plan, s) : [])],
    })),
    ...answer.events.map((e) => ({ date: e.date, order: 1, lines: [eventLine(plan, e, answer.today)] })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  const lines: Line[] = items.flatMap((i) => i.lines);
  if (lines.length === 0) {
    lines.push([
      'Nothing scheduled from ',
      planDay(plan, answer.from),
      ' to ',
      planDay(plan, answer.to),
      '.',
    ]);
  }
  return answerContent(plan, 'The week ahead', lines, answer.phase);
}

export function presentReadings(plan: Plan, answer: ReadingsAnswer): Content {
  const { session } = answer;
  if (!session) return answerContent(plan, 'Readings', [['No classes left this term.']], answer.phase);
  const lines: Line[] = [['For ', ...classHeadline(plan, session)]];
  if (session.readings.length === 0) lines.push([`No readings listed for Class ${session.number}.`]);
  else lines.push(...classDetails(plan, { ...session, presentations: [], notes: undefined }));
  return answerContent(plan, 'Readings', lines, answer.phase);
}

export function presentClass(plan: Plan, answer: ClassAnswer): Content {
  const { session } = answer;
  const lines: Line[] = isHeldClass(session)
    ? [classHeadline(plan, session), ...classDetails(plan, session, answer.events, answer.today)]
    : [noClassLine(plan, session), ...answer.events.map((e) => eventLine(plan, e, answer.today))];
  return answerContent(plan, `Class ${session.number}`, lines);
}
