import { emphasis, type Block, type Line } from '../../content/content.ts';
import type { Course } from '../../plan/schema.ts';
import type { DueOf } from '../due-reminder.ts';
import { classWhenInlines, presenterInlines } from './inlines.ts';

/** Who presents which paper, and when; presenters in the roster are @-mentioned so they get notified. */
export function presentationSection(due: DueOf<'presentation'>[], course: Course): Block {
  const lines: Line[] = due.flatMap(({ session, day, daysBefore }): Line[] => [
    ['In ', ...classWhenInlines(session, day, daysBefore, course), ':'],
    ...session.presentations.map((p): Line => [
      '• ',
      ...presenterInlines(p.presenters, course),
      ': ',
      emphasis(p.title),
    ]),
  ]);
  return { kind: 'section', heading: 'Paper presentations', lines };
}
