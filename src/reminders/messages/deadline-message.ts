import type { Block, Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import { eventName } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';
import { titleInline } from '../../content/plan-inlines.ts';
import { whenInlines } from './inlines.ts';

/** "Project proposal due Thu Oct 30 (in 2 days)", "… due tomorrow, Thu Oct 30 at 11:59 PM", "Midterm is today, …". */
export function deadlineSection(due: DueOf<'deadline'>[], course: Course): Block {
  const lines: Line[] = due.map(({ event, day, daysBefore }): Line => {
    const when = whenInlines(day, event.time, daysBefore, course.timezone, event.kind === 'exam');
    return [titleInline(eventName(event), event.url), event.kind === 'exam' ? ' is ' : ' due ', ...when];
  });
  const exams = due.every((d) => d.event.kind === 'exam');
  return { kind: 'section', heading: exams ? 'Exam' : due.length > 1 ? 'Deadlines' : 'Deadline', lines };
}
