import type { LocalDate, LocalTime } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Presentation, Reading, Session } from '../plan/schema.ts';

/** A class as a diff names it: by number, with its subject and date on the side that matters. */
export type ClassSide = Pick<
  Session,
  'number' | 'topic' | 'presentations' | 'section' | 'date' | 'meeting'
> & {
  number: number;
};

export interface PlanDiff {
  classes: {
    added: ClassSide[];
    removed: ClassSide[];
    moved: { before: ClassSide; after: ClassSide }[];
    retitled: { before: ClassSide; after: ClassSide }[];
    cancelled: { class: ClassSide; reason: string }[];
    /** Cancelled before, held again now. */
    restored: ClassSide[];
    readings: { class: ClassSide; before: Reading[]; after: Reading[] }[];
    presentations: { class: ClassSide; before: Presentation[]; after: Presentation[] }[];
  };
  /** Days without a class number (holidays, a cancelled day left by a shift). */
  noClassDays: {
    added: { date: LocalDate; reason: string }[];
    removed: { date: LocalDate; reason: string }[];
  };
  events: {
    added: PlanEvent[];
    removed: PlanEvent[];
    moved: { event: PlanEvent; from: { date: LocalDate; time?: LocalTime } }[];
    retitled: { before: PlanEvent; after: PlanEvent }[];
  };
}

/**
 * What changed between two plans, as people see it: classes are matched by number, days without a class by
 * date, events by id. Field-level noise (notes, links) is not reported.
 */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const diff: PlanDiff = {
    classes: {
      added: [],
      removed: [],
      moved: [],
      retitled: [],
      cancelled: [],
      restored: [],
      readings: [],
      presentations: [],
    },
    noClassDays: { added: [], removed: [] },
    events: { added: [], removed: [], moved: [], retitled: [] },
  };
  const oldClasses = byNumber(before.sessions);
  const newClasses = byNumber(after.sessions);
  for (const [number, b] of oldClasses) if (!newClasses.has(number)) diff.classes.removed.push(b);
  for (const [number, a] of newClasses) {
    const b = oldClasses.get(number);
    if (!b) {
      diff.classes.added.push(a);
      continue;
    }
    // A make-up session at another hour has moved too, even on the same day.
    if (a.date !== b.date || !same(a.meeting, b.meeting)) diff.classes.moved.push({ before: b, after: a });
    if (a.topic.trim() !== b.topic.trim()) diff.classes.retitled.push({ before: b, after: a });
    if (a.noClass && !b.noClass) diff.classes.cancelled.push({ class: a, reason: a.noClass });
    if (!a.noClass && b.noClass) diff.classes.restored.push(a);
    if (!same(a.readings, b.readings))
      diff.classes.readings.push({ class: a, before: b.readings, after: a.readings });
    if (!same(a.presentations, b.presentations)) {
      diff.classes.presentations.push({ class: a, before: b.presentations, after: a.presentations });
    }
  }
  const oldDays = noClassDays(before.sessions);
  const newDays = noClassDays(after.sessions);
  for (const [date, reason] of newDays)
    if (oldDays.get(date) !== reason) diff.noClassDays.added.push({ date, reason });
  for (const [date, reason] of oldDays)
    if (!newDays.has(date)) diff.noClassDays.removed.push({ date, reason });

  const oldEvents = new Map(before.events.map((e) => [e.id, e]));
  const newEvents = new Map(after.events.map((e) => [e.id, e]));
  for (const [id, e] of oldEvents) if (!newEvents.has(id)) diff.events.removed.push(e);
  for (const [id, a] of newEvents) {
    const b = oldEvents.get(id);
    if (!b) diff.events.added.push(a);
    else {
      if (a.date !== b.date || a.time !== b.time)
        diff.events.moved.push({ event: a, from: { date: b.date, time: b.time } });
      if (a.title !== b.title) diff.events.retitled.push({ before: b, after: a });
    }
  }
  return diff;
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  const groups = [
    ...Object.values(diff.classes),
    ...Object.values(diff.noClassDays),
    ...Object.values(diff.events),
  ];
  return groups.every((g) => g.length === 0);
}

type Numbered = Session & { number: number };

/** The first session of each class number (a repeated number is a warning in the plan, not ours to fix). */
function byNumber(sessions: Session[]): Map<number, Numbered> {
  const map = new Map<number, Numbered>();
  for (const s of sessions) if (s.number !== null && !map.has(s.number)) map.set(s.number, s as Numbered);
  return map;
}

function noClassDays(sessions: Session[]): Map<LocalDate, string> {
  const map = new Map<LocalDate, string>();
  for (const s of sessions)
    if (s.number === null && s.noClass && !map.has(s.date)) map.set(s.date, s.noClass);
  return map;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
