import { emphasis, type Block, type Line } from '../../content/content.ts';
import { readingsLine } from '../../content/plan-inlines.ts';
import type { Course } from '../../plan/schema.ts';
import { classTopic } from '../../plan/titles.ts';
import type { DueOf } from '../due-reminder.ts';
import { classWhenInlines, presenterInlines } from './inlines.ts';

/** The morning of a class: when, what, what to read, who presents, and the class's notes. */
export function classDaySection(due: DueOf<'class-day'>[], course: Course): Block {
  const lines: Line[] = due.flatMap(({ session, day }): Line[] => {
    // "Class 14 today, Tue Oct 21": Slack shows the date inline as "today" (at 11:00 AM) by itself.
    const out: Line[] = [
      [
        ...classWhenInlines(session, day, 0, course),
        ...(classTopic(session) ? [': ', classTopic(session)] : []),
      ],
    ];
    if (session.readings.length > 0) {
      out.push(readingsLine(session.readings));
    }
    for (const p of session.presentations) {
      out.push(['Presenting: ', ...presenterInlines(p.presenters, course), ' on ', emphasis(p.title)]);
    }
    if (session.notes) out.push(['Note: ', session.notes]);
    return out;
  });
  return { kind: 'section', heading: due.length > 1 ? 'Classes today' : 'Class today', lines };
}
