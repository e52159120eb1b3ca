import { DateTime } from 'luxon';
import { findNotes } from './find-notes.ts';
import { outside } from './take-notes.ts';
import type { RowMeaning } from './understand-row.ts';

/**
 * Why a dated row is no class at all, or undefined when it is one. A row the page marks as having no
 * class number ("–") that holds nothing, or only work ("*Assignment 1 announced*", "**Assignment 1 due**"),
 * and a weekend row holding only work ("Su May 12 Homework Due"), date work, not a meeting.
 */
export function notAClass(meaning: RowMeaning, isoDate: string): string | undefined {
  if (meaning.noClass !== undefined || meaning.number !== undefined) return undefined;
  if (meaning.readings.length || meaning.presentations.length) return undefined;
  if (meaning.notes?.replace(/[–—*_\s-]/g, '')) return undefined;
  if (meaning.events.some((e) => e.kind === 'exam')) return undefined;
  const topic = meaning.topic.replace(/[–—*_-]/g, ' ').trim();
  const onlyWork = !topic || outside(topic, findNotes(topic)).every((part) => !part.trim());
  if (!onlyWork) return undefined;
  const weekend = DateTime.fromISO(isoDate, { zone: 'utc' }).weekday >= 6;
  if (!meaning.unnumbered && !(weekend && meaning.events.length)) return undefined;
  return meaning.events.length
    ? `holds only work (${meaning.events.map((e) => `"${e.title}"`).join(', ')}): imported as events, not as a class`
    : 'holds nothing and has no class number: not imported as a class';
}
