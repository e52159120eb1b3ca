import type { EventKind, PlanInput } from '../plan/schema.ts';
import { yearOffsets, isoDate } from './infer-year.ts';
import { describePageDate } from './parse-date.ts';
import type { ReviewItem } from './review.ts';
import type { RowMeaning } from './understand-row.ts';

export interface PlanParts {
  course: PlanInput['course'];
  meanings: (RowMeaning & { section?: string })[];
  year: number;
}

type SessionInput = PlanInput['sessions'][number];
type EventInput = NonNullable<PlanInput['events']>[number];

/** Turns understood rows into sessions and events: dates get their year, classes their numbers, ids made unique. */
export function buildPlan({ course, meanings, year }: PlanParts): { plan: PlanInput; review: ReviewItem[] } {
  const offsets = yearOffsets(meanings.map((m) => m.date));
  const sessions: SessionInput[] = [];
  const events: EventInput[] = [];
  const review: ReviewItem[] = [];
  const ids = new Set<string>();
  let lastNumber = 0;
  meanings.forEach((meaning, i) => {
    const date = isoDate(year + offsets[i]!, meaning.date);
    const isClass = meaning.noClass === undefined;
    const number = isClass ? (meaning.number ?? lastNumber + 1) : null;
    if (number !== null) lastNumber = number;
    const label =
      number !== null
        ? `Class ${number} (${describePageDate(meaning.date)})`
        : describePageDate(meaning.date);
    for (const doubt of meaning.doubts)
      review.push({ line: meaning.line, date, message: `${label}: ${doubt}` });
    if (!isClass && meaning.number !== undefined) {
      review.push({
        line: meaning.line,
        date,
        message: `${label}: labelled class ${meaning.number} but has no class; imported as a day off`,
      });
    }
    const topic =
      meaning.topic || (meaning.presentations.length ? (meaning.section ?? 'Paper presentations') : '');
    const session: SessionInput = { date, number, topic };
    if (isClass) session.readings = meaning.readings;
    if (meaning.presentations.length) session.presentations = meaning.presentations;
    if (meaning.noClass !== undefined) session.noClass = meaning.noClass;
    if (meaning.section) session.section = meaning.section;
    if (meaning.notes) session.notes = meaning.notes;
    sessions.push(session);
    for (const draft of meaning.events) {
      const id = uniqueId(draft.idBase || kindSlug(draft.kind), ids);
      const event: EventInput = { id, kind: draft.kind, date, title: draft.title };
      if (draft.time) event.time = draft.time;
      if (number !== null) event.session = number;
      events.push(event);
    }
  });
  return { plan: { $schema: './schedule.schema.json', course, sessions, events }, review };
}

function kindSlug(kind: EventKind): string {
  return kind === 'homework-release' ? 'homework-released' : kind;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
