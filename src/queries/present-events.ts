import type { Block, Content, Line } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import { RECENT_DAYS, type DeadlinesAnswer, type HomeworkAnswer } from './due-events.ts';
import { classWhen } from './date-inlines.ts';
import { classDetails, eventLine, presenterInlines, sessionLine, termNote } from './present-lines.ts';
import { answerContent } from './present-schedule.ts';
import type { PresentationsAnswer } from './presentations.ts';
import type { SearchAnswer } from './search-plan.ts';
import { isHeldClass } from '../plan/calendar.ts';

/** Search answers stay short enough to read in a chat window. */
export const MAX_SEARCH_RESULTS = 10;

export function presentDeadlines(plan: Plan, answer: DeadlinesAnswer): Content {
  const lines: Line[] = answer.upcoming.map((d) => eventLine(plan, d.event, answer.today));
  if (lines.length === 0) lines.push(['No upcoming deadlines or exams.']);
  return answerContent(plan, 'Deadlines', lines, answer.phase);
}

export function presentHomework(plan: Plan, answer: HomeworkAnswer): Content {
  const blocks: Block[] = [{ kind: 'header', text: `${plan.course.code} · Homework` }];
  const line = (d: { event: Parameters<typeof eventLine>[1] }) => eventLine(plan, d.event, answer.today);
  if (answer.upcoming.length > 0)
    blocks.push({ kind: 'section', heading: 'Coming up', lines: answer.upcoming.map(line) });
  if (answer.recent.length > 0) {
    blocks.push({ kind: 'section', heading: `Last ${RECENT_DAYS} days`, lines: answer.recent.map(line) });
  }
  if (blocks.length === 1) {
    blocks.push({
      kind: 'section',
      lines: [[`No homework coming up, and none in the last ${RECENT_DAYS} days.`]],
    });
  }
  const note = termNote(plan, answer.phase);
  if (note.length > 0) blocks.push({ kind: 'context', lines: note });
  return { blocks };
}

export function presentPresentations(plan: Plan, answer: PresentationsAnswer): Content {
  const lines: Line[] = answer.items.map(({ session, presentation, past }) => [
    ...presenterInlines(plan, presentation.presenters),
    ` — ${presentation.title} (Class ${session.number}, `,
    classWhen(plan, session),
    past ? ', presented)' : ')',
  ]);
  if (lines.length === 0) {
    if (answer.initials && answer.presenters.length > 0) {
      lines.push([
        `No presentations by ${answer.initials} in the plan. Presenters: ${answer.presenters.join(', ')}.`,
      ]);
    } else if (answer.initials) lines.push([`No presentations by ${answer.initials} in the plan.`]);
    else lines.push(['No upcoming presentations.']);
  }
  const title = answer.initials ? `Presentations by ${answer.initials}` : 'Upcoming presentations';
  return answerContent(plan, title, lines, answer.phase);
}

export function presentSearch(plan: Plan, answer: SearchAnswer): Content {
  const found: Line[][] = [
    ...answer.sessions.map((s) => [sessionLine(plan, s), ...(isHeldClass(s) ? classDetails(plan, s) : [])]),
    ...answer.events.map((e) => [eventLine(plan, e)]),
  ];
  const quoted = `“${answer.words.join(' ')}”`;
  const lines: Line[] = found.slice(0, MAX_SEARCH_RESULTS).flat();
  if (found.length === 0) {
    lines.push([
      `Nothing matches ${quoted}. Search looks in topics, readings, presentations, presenters and events.`,
    ]);
  } else if (found.length > MAX_SEARCH_RESULTS) {
    lines.push([`… and ${found.length - MAX_SEARCH_RESULTS} more: add a word to narrow the search.`]);
  }
  // The count only when there is something to count: with none, the section says so once.
  const count: Block[] =
    found.length > 0
      ? [
          {
            kind: 'context',
            lines: [[`${found.length} result${found.length === 1 ? '' : 's'} for ${quoted}`]],
          },
        ]
      : [];
  return {
    blocks: [{ kind: 'header', text: `${plan.course.code} · Search` }, ...count, { kind: 'section', lines }],
  };
}
