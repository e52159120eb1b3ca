import type { EventKind, PlanInput } from '../plan/schema.ts';
import { dayNames, daysInRange, meetingDays } from './day-range.ts';
import { eventDate } from './event-date.ts';
import { yearOffsets, isoDate } from './infer-year.ts';
import { describePageDate } from './parse-date.ts';
import type { ReviewItem } from './review.ts';
import { notAClass } from './not-a-class.ts';
import { slugify } from './slug.ts';
import type { RowMeaning } from './understand-row.ts';

export interface PlanParts {
  course: PlanInput['course'];
  meanings: (RowMeaning & { section?: string })[];
  year: number;
}

type SessionInput = PlanInput['sessions'][number];
type EventInput = NonNullable<PlanInput['events']>[number];

/**
 * Turns understood rows into sessions and events: dates get their year, classes their numbers, ids made
 * unique. An event on its row's day belongs to the row's class; one with a date of its own ("due Oct 3")
 * to the class held that day, if any.
 */
export function buildPlan({ course, meanings, year }: PlanParts): { plan: PlanInput; review: ReviewItem[] } {
  const offsets = yearOffsets(meanings.map((m) => m.date));
  const sessions: SessionInput[] = [];
  const pending: { event: EventInput; stated: boolean }[] = [];
  const review: ReviewItem[] = [];
  const uniqueId = uniqueIds();
  let lastNumber = 0;
  const dates = meanings.map((meaning, i) => isoDate(year + offsets[i]!, meaning.date));
  const meets = meetingDays(dates.filter((_, i) => meanings[i]!.noClass === undefined));
  // Where each class number is last given on the page, so that each row asks in constant time.
  const lastLabelled = new Map<number, number>();
  meanings.forEach((m, i) => {
    if (m.number !== undefined && m.noClass === undefined) lastLabelled.set(m.number, i);
  });
  meanings.forEach((meaning, i) => {
    const date = dates[i]!;
    const skipped = notAClass(meaning, date);
    const isClass = meaning.noClass === undefined;
    // An exam the page does not number is not the next lecture: it stays unnumbered, so no reminder calls
    // it "Class 21".
    const unnumbered = meaning.number === undefined && (meaning.unnumbered || isExamOnly(meaning));
    const number = isClass && !unnumbered && !skipped ? (meaning.number ?? lastNumber + 1) : null;
    if (number !== null) lastNumber = number;
    const laterAt = number === null ? undefined : lastLabelled.get(number);
    const labelledLater = laterAt !== undefined && laterAt > i ? meanings[laterAt] : undefined;
    const label =
      number !== null
        ? `Class ${number} (${describePageDate(meaning.date)})`
        : describePageDate(meaning.date);
    const report = (message: string) =>
      review.push({ line: meaning.line, date, message: `${label}: ${message}` });
    meaning.doubts.forEach(report);
    if (skipped) report(skipped);
    if (isClass && meaning.number === undefined && labelledLater) {
      report(
        `has no class number on the page: numbered ${number}, which the page also gives to the class on ` +
          `${describePageDate(labelledLater.date)}; renumber one of them`,
      );
    }
    if (!isClass && meaning.number !== undefined)
      report(`labelled class ${meaning.number} but has no class; imported as a day off`);
    const topic =
      meaning.topic || (meaning.presentations.length ? (meaning.section ?? 'Paper presentations') : '');
    const session: SessionInput = { date, number, topic };
    if (isClass) session.readings = meaning.readings;
    if (meaning.presentations.length) session.presentations = meaning.presentations;
    if (meaning.noClass !== undefined) session.noClass = meaning.noClass;
    if (meaning.section) session.section = meaning.section;
    if (meaning.notes) session.notes = meaning.notes;
    if (!skipped) sessions.push(session);
    if (meaning.until && !skipped) {
      const days = daysInRange(date, meaning.until, meets);
      const span = `${describePageDate(meaning.date)}–${describePageDate(meaning.until)}`;
      if (!days) report(`cannot read the range ${span}: imported on ${date} only`);
      else if (isClass) report(`covers ${span}: imported as one class on ${date}`);
      else {
        // A break on days the course never meets still shows as one day off, on its first day.
        const kept = days.length ? days : [date];
        sessions.splice(-1, 1, ...kept.map((d) => ({ ...session, date: d })));
        report(
          `covers ${span}: imported as a day off on each day the course meets in it (${dayNames(meets)}): ` +
            kept.join(', '),
        );
      }
    }
    for (const draft of meaning.events) {
      const placed = eventDate(date, draft);
      if (!placed.ok) {
        report(placed.problem);
        continue;
      }
      if (placed.doubt) report(placed.doubt);
      // Ids are slugs whatever the note's words were ("** due"), so the plan stays valid.
      const id = uniqueId(slugify(draft.idBase) || kindSlug(draft.kind));
      const event: EventInput = { id, kind: draft.kind, date: placed.date, title: draft.title };
      if (draft.time) event.time = draft.time;
      if (number !== null && !placed.stated) event.session = number;
      pending.push({ event, stated: placed.stated });
    }
  });
  const classOn = new Map(
    sessions.filter((s) => s.number !== null && !s.noClass).map((s) => [s.date, s.number!] as const),
  );
  const events = pending.map(({ event, stated }) => {
    const held = stated ? classOn.get(event.date) : undefined;
    return held === undefined ? event : { ...event, session: held };
  });
  return { plan: { $schema: './schedule.schema.json', course, sessions, events }, review };
}

const EXAM_TOPIC =
  /^(?:(?:in[- ]class|take[- ]home|written|oral|practice)\s+)?(?:midterm|final|exam|prelim|test)\b|\bexam\s*#?\d*$/i;

/** A row that is only an exam ("Midterm exam", "Final exam 9am"): its topic names the exam it holds. */
function isExamOnly(meaning: RowMeaning): boolean {
  return meaning.events.some((e) => e.kind === 'exam') && EXAM_TOPIC.test(meaning.topic.trim());
}

function kindSlug(kind: EventKind): string {
  return kind === 'homework-release' ? 'homework-released' : kind;
}

/**
 * Makes ids unique by a suffix ("hw1-due-2"). The next suffix of each base is remembered, so that many
 * events of one name stay linear.
 */
function uniqueIds(): (base: string) => string {
  const taken = new Set<string>();
  const next = new Map<string, number>();
  return (base) => {
    let id = base;
    if (taken.has(id)) {
      let n = next.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n += 1;
      id = `${base}-${n}`;
      next.set(base, n + 1);
    }
    taken.add(id);
    return id;
  };
}
