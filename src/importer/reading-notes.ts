import type { Reading } from '../plan/schema.ts';
import { findNotes } from './find-notes.ts';
import { outside, takeNotes, type TakenNotes } from './take-notes.ts';

const KIND_WORD = {
  'homework-release': 'a release',
  deadline: 'a deadline',
  exam: 'an exam',
  other: 'an event',
};

/**
 * Notes written in a Readings column ("HW1 out, due Sep 16", "Exam I (our usual room)"): an item that
 * starts with one is that event, not a reading, and the instructor is told. A reading that only mentions
 * an exam further on ("Notes on exam anxiety") stays a reading; so does a linked one.
 */
export function takeReadingNotes(readings: Reading[]): { readings: Reading[]; taken: TakenNotes } {
  const kept: Reading[] = [];
  const taken: TakenNotes = { events: [], kept: [], doubts: [] };
  for (const reading of joinDue(readings)) {
    const spans = reading.url ? [] : findNotes(reading.title);
    if (spans.length === 0 || spans[0]!.start > 0) {
      kept.push(reading);
      continue;
    }
    const notes = takeNotes(spans);
    taken.events.push(...notes.events);
    taken.kept.push(...notes.kept, ...outside(reading.title, spans).filter(Boolean));
    taken.doubts.push(
      ...notes.doubts,
      ...notes.events.map(
        (e) => `"${reading.title}" in the readings was read as ${KIND_WORD[e.kind]} ("${e.title}"); check it`,
      ),
    );
  }
  return { readings: kept, taken };
}

/** "HW2 out, due Jan 29" was split at its comma into two readings: the "due …" goes back with its work. */
function joinDue(readings: Reading[]): Reading[] {
  const out: Reading[] = [];
  for (const reading of readings) {
    const previous = out.at(-1);
    if (previous && !previous.url && !reading.url && /^\(?due\b/i.test(reading.title))
      out[out.length - 1] = { title: `${previous.title}, ${reading.title}` };
    else out.push(reading);
  }
  return out;
}
