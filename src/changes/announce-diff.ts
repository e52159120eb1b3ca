import type { Content, Line } from '../content/content.ts';
import { formatDay, formatTime, type LocalDate } from '../plan/local-date.ts';
import type { EventKind, Plan } from '../plan/schema.ts';
import {
  classLabel,
  dayInTerm,
  type DayFormat,
  eventName,
  parenthesised,
  presentationsText,
  readingsText,
  when,
  withReason,
} from './describe.ts';
import { diffPlans, type ClassSide, type PlanDiff } from './diff-plans.ts';

/** One sentence of an announcement, with the day it is about (sentences are told in date order). */
export interface DiffLine {
  date: LocalDate;
  text: string;
}

/** Ends a sentence once: a reason or a title may bring its own full stop. */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
const NEW_EVENT: Record<EventKind, string> = {
  deadline: 'New deadline',
  'homework-release': 'New homework',
  exam: 'New exam',
  other: 'New',
};

/** "New exam: Midterm", but "New: Exam 2" rather than "New exam: Exam 2". */
function newEvent(e: { kind: EventKind; title: string }): string {
  const label = NEW_EVENT[e.kind];
  const kindWord = label.split(' ')[1]?.toLowerCase();
  const first = e.title.trim().split(/\s+/)[0]!.toLowerCase();
  return kindWord && first === kindWord ? `New: ${e.title.trim()}` : `${label}: ${e.title.trim()}`;
}

/** Plain-word sentences for every difference, before → after, in date order. */
export function diffLines(diff: PlanDiff, day: DayFormat = formatDay): DiffLine[] {
  const lines: DiffLine[] = [];
  const add = (date: LocalDate, text: string) => lines.push({ date, text: sentence(text) });
  const c = diff.classes;
  for (const x of c.added) add(x.date, `New: ${classLabel(x)} on ${day(x.date)}`);
  for (const x of c.removed) add(x.date, `${classLabel(x)} on ${day(x.date)} is removed from the schedule`);
  for (const { before, after } of c.moved) {
    // Hours are told only when a side has its own (a make-up session), as the course's is known.
    const hours = before.meeting !== undefined || after.meeting !== undefined;
    const at = (side: ClassSide) =>
      hours && side.meeting ? `${day(side.date)} at ${formatTime(side.meeting.start)}` : day(side.date);
    const to = hours && !after.meeting ? `${day(after.date)} at the usual time` : at(after);
    const sameDay = before.date === after.date;
    const hour = after.meeting ? formatTime(after.meeting.start) : 'the usual time';
    add(
      after.date,
      sameDay
        ? `${classLabel(after)} on ${day(after.date)} now meets at ${hour}`
        : `${classLabel(after)} moved from ${at(before)} to ${to}`,
    );
  }
  for (const { before, after } of c.retitled) {
    const was = before.topic.trim() ? ` (was: ${before.topic.trim()})` : '';
    const named = `Class ${after.number} on ${day(after.date)}`;
    add(
      after.date,
      after.topic.trim()
        ? `${named} is now about ${after.topic.trim()}${was}`
        : `${named} no longer has a topic${was}`,
    );
  }
  for (const { class: x, reason } of c.cancelled)
    add(x.date, withReason(`${classLabel(x)} is cancelled on ${day(x.date)}`, reason));
  for (const x of c.restored)
    add(x.date, `${classLabel(x)} is no longer cancelled: it meets on ${day(x.date)}`);
  for (const { class: x, before, after } of c.readings) {
    add(
      x.date,
      `Readings for Class ${x.number} on ${day(x.date)}: ${readingsText(after)} (were: ${readingsText(before)})`,
    );
  }
  for (const { class: x, before, after } of c.presentations) {
    add(
      x.date,
      `Presentations in Class ${x.number} on ${day(x.date)}: ${presentationsText(after)} (were: ${presentationsText(before)})`,
    );
  }
  for (const d of diff.noClassDays.added) add(d.date, withReason(`No class on ${day(d.date)}`, d.reason));
  // A day off that a class now takes is told by that class's sentence ("moved … to Tue Oct 21").
  const taken = new Set([...c.added.map((x) => x.date), ...c.moved.map((m) => m.after.date)]);
  for (const d of diff.noClassDays.removed) {
    if (taken.has(d.date)) continue;
    add(d.date, `The day without class on ${day(d.date)}${parenthesised(d.reason)} is removed`);
  }
  for (const e of diff.events.added) add(e.date, `${newEvent(e)} on ${when(e.date, e.time, day)}`);
  for (const e of diff.events.removed)
    add(e.date, `${eventName(e)} on ${when(e.date, e.time, day)} is removed from the schedule`);
  for (const { event: e, from } of diff.events.moved) {
    // Times are shown only when they changed, or when only they changed.
    const showTime = from.time !== e.time || from.date === e.date;
    const before = showTime ? when(from.date, from.time, day) : day(from.date);
    const after = showTime ? when(e.date, e.time, day) : day(e.date);
    add(e.date, `${eventName(e)} moved from ${before} to ${after}`);
  }
  for (const { before, after } of diff.events.retitled) {
    add(after.date, `"${before.title}" on ${day(after.date)} is now called "${after.title}"`);
  }
  return lines.sort(byDate);
}

/** Orders by local date: `YYYY-MM-DD` strings sort as the days do. */
export const byDate = (a: { date: LocalDate }, b: { date: LocalDate }): number =>
  a.date.localeCompare(b.date);

/** The announcement of a diff, or undefined when nothing a student would notice changed. */
export function announceDiff(diff: PlanDiff, day: DayFormat = formatDay): Content | undefined {
  const lines = diffLines(diff, day);
  return lines.length === 0 ? undefined : announcement(lines.map((l) => l.text));
}

/** The announcement of the difference between two plans, saying so when there is none. */
export function announceChange(before: Plan, after: Plan): Content {
  return (
    announceDiff(diffPlans(before, after), dayInTerm(before)) ?? announcement(['No change to the schedule.'])
  );
}

/** An announcement is one section of plain sentences: the preview shows exactly this. */
export function announcement(sentences: string[]): Content {
  return { blocks: [{ kind: 'section', lines: sentences.map((s): Line => [s]) }] };
}
