import type { Block, Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { titleInline } from '../../content/plan-inlines.ts';
import { whenInlines } from './inlines.ts';

/** "Project proposal due" is the deadline's title; the sentence adds "due" itself. */
export const deadlineName = (title: string): string =>
  title.replace(/\s+(?:is\s+)?due\s*$/i, '').trim() || title;

/** "Project proposal due Thu Oct 30 (in 2 days)", "… due tomorrow, Thu Oct 30 at 11:59 PM", "Midterm is today, …". */
export function deadlineSection(due: DueOf<'deadline'>[], course: Course): Block {
  const lines: Line[] = due.map(({ event, day, daysBefore }): Line => {
    const when = whenInlines(day, event.time, daysBefore, course.timezone, event.kind === 'exam');
    return event.kind === 'exam'
      ? [titleInline(event.title, event.url), ' is ', ...when]
      : [titleInline(deadlineName(event.title), event.url), ' due ', ...when];
  });
  const exams = due.every((d) => d.event.kind === 'exam');
  return { kind: 'section', heading: exams ? 'Exam' : due.length > 1 ? 'Deadlines' : 'Deadline', lines };
}
