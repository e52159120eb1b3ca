import { staffCommands } from '../courses/staff-command-table.ts';
import type { DateTime } from 'luxon';
import {
  addDays,
  formatDay,
  formatTime,
  localDateOf,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from '../plan/local-date.ts';
import { workEvents } from '../importer/work-events.ts';
import type { EventKind, Plan } from '../plan/schema.ts';
import { termOf } from '../plan/term.ts';
import type { PlanChange } from './change.ts';
import {
  classRef,
  exampleClass,
  exampleDay,
  heldClass,
  leadingDate,
  leadingTime,
  trailingDate,
} from './command-parts.ts';
import { parseDatePhrase, type DateContext } from './date-phrase.ts';
import { classLabel, parenthesised, when } from './describe.ts';
import { findEvent } from './find-event.ts';
import { monthDay } from './year-less-date.ts';
import { parsePresentations, parseReadings } from './parse-items.ts';

export type ParsedChange = { ok: true; change: PlanChange } | { ok: false; message: string };

/** How each change word is typed, from the one table of staff commands (which also routes and documents them). */
export const CHANGE_USAGE = staffCommands
  .filter((c) => c.route === 'desk')
  .map((c) => `\`${c.args ? `${c.name} ${c.args}` : c.name}\``);

const refuse = (message: string): ParsedChange => ({ ok: false, message });
const ADD_KINDS: Record<string, EventKind> = {
  deadline: 'deadline',
  homework: 'homework-release',
  exam: 'exam',
};

/**
 * Reads a staff command (the text after `/schedule`) against the current plan. Everything a user can get
 * wrong is caught here, with the reason: an unknown class, a past or ambiguous date, a taken day.
 */
export function parseChange(text: string, plan: Plan, now: DateTime): ParsedChange {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const args = rest.join(' ');
  const context: DateContext = { now, zone: plan.course.timezone, term: termOf(plan) };
  const today = localDateOf(now, plan.course.timezone);
  const env = { plan, context, today };
  switch (word.toLowerCase()) {
    case 'cancel':
      return parseCancel(args, env);
    case 'move':
      return parseMove(args, env);
    case 'extend':
      return parseExtend(args, env);
    case 'restore':
      return parseRestore(args, env);
    case 'remove':
      return parseRemove(args, env);
    case 'edit':
      return parseEdit(args, env);
    case 'add':
      return parseAdd(args, env);
    case 'announce':
      return args.trim()
        ? { ok: true, change: { kind: 'announce', text: args.trim() } }
        : refuse('Write the text to announce: `announce <text>`.');
    default:
      return refuse(`Unknown change "${word}". Staff commands: ${CHANGE_USAGE.join(', ')}.`);
  }
}

interface Env {
  plan: Plan;
  context: DateContext;
  today: LocalDate;
}

function parseCancel(args: string, { plan, context, today }: Env): ParsedChange {
  let number: number;
  let rest: string;
  // A date first: "cancel 21 Oct" is Oct 21, not Class 21 with the reason "Oct".
  const dated = leadingDate(args, context);
  const ref = dated ? undefined : classRef(args);
  if (ref) {
    ({ number, rest } = ref);
    const time = leadingTime(rest);
    if (time)
      return refuse(
        `A class is cancelled for its whole meeting: leave the time "${time}" out, e.g. \`cancel ${number} snow day\`.`,
      );
  } else {
    if (!dated)
      return refuse(
        `Name the class to cancel: \`cancel ${exampleClass(plan, today)} snow day\` or \`cancel ${exampleDay(plan, today)} snow day\`.`,
      );
    if (!dated.phrase.ok) return refuse(dated.phrase.message);
    if (dated.phrase.time)
      return refuse(
        `A class is cancelled for its whole meeting: leave the time out, e.g. \`cancel ${formatDay(dated.phrase.date)}\`.`,
      );
    const date = dated.phrase.date;
    const session = plan.sessions.find((s) => s.date === date && s.number !== null);
    if (!session) {
      const day = plan.sessions.find((s) => s.date === date);
      return refuse(`There is no class on ${formatDay(date)}${parenthesised(day?.noClass)}.`);
    }
    number = session.number!;
    rest = dated.rest;
  }
  const found = heldClass(plan, number, today);
  if ('message' in found) return refuse(found.message);
  const shift = /^shift\b/i.test(rest);
  // The reason goes inside sentences ("… is cancelled on Tue Oct 21: snow day."): no full stop of its own.
  const reason =
    rest
      .replace(/^shift\b/i, '')
      .trim()
      .replace(/^[:,;–—-]\s*/, '')
      .replace(/\s*\.+$/, '') || 'cancelled';
  return { ok: true, change: { kind: 'cancel', number, date: found.session.date, reason, shift } };
}

function parseMove(args: string, { plan, context, today }: Env): ParsedChange {
  const ref = classRef(args);
  if (!ref)
    return refuse(
      `Name the class and the new day: \`move ${exampleClass(plan, today)} ${exampleDay(plan, today, 1)}\`.`,
    );
  const found = heldClass(plan, ref.number, today);
  if ('message' in found) return refuse(found.message);
  const phrase = parseDatePhrase(ref.rest.replace(/^to\s+/i, ''), context);
  if (!phrase.ok)
    return refuse(
      phrase.recognised
        ? phrase.message
        : `Write the new day after the class: \`move ${ref.number} ${exampleDay(plan, found.session.date, 1)}\`.`,
    );
  const { session } = found;
  const hours = phrase.time ? makeUpHours(plan, phrase.time) : undefined;
  if (typeof hours === 'string') return refuse(hours);
  // The course's own hours are no make-up: the session simply meets at the usual time.
  const meeting = hours && !sameHours(hours, plan.course.meeting) ? hours : undefined;
  if (phrase.date === session.date && JSON.stringify(meeting) === JSON.stringify(session.meeting))
    return refuse(`${classLabel(session)} is already on ${when(session.date, meeting?.start)}.`);
  const taken = plan.sessions.find((s) => s.date === phrase.date && s !== session);
  if (taken) {
    return refuse(
      taken.noClass
        ? `${formatDay(phrase.date)} is a day without class${parenthesised(taken.noClass)}: pick another day.`
        : `${classLabel(taken)} is already on ${formatDay(phrase.date)}: move or cancel it first.`,
    );
  }
  return {
    ok: true,
    change: {
      kind: 'move',
      number: ref.number,
      from: session.date,
      to: phrase.date,
      ...(meeting ? { meeting } : {}),
    },
  };
}

type Hours = { start: LocalTime; end?: LocalTime };
const sameHours = (a: Hours, b: Hours | undefined) => !!b && a.start === b.start && a.end === b.end;

/**
 * A make-up session starting at `start`, as long as the course's meeting (or, when the plan has no meeting
 * time, for the rest of that day); or why there is none.
 */
function makeUpHours(plan: Plan, start: LocalTime): Hours | string {
  const usual = plan.course.meeting;
  if (!usual) return { start };
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const end = minutes(start) + minutes(usual.end) - minutes(usual.start);
  if (end >= 24 * 60)
    return `A session starting at ${formatTime(start)} would end after midnight: pick an earlier time.`;
  const hhmm = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return { start, end: hhmm };
}

function parseExtend(args: string, { plan, context }: Env): ParsedChange {
  const dated = trailingDate(args, context);
  if (!dated) return refuse('Name the deadline and its new date: `extend proposal Nov 4` (or Nov 4 17:00).');
  if (!dated.phrase.ok) return refuse(dated.phrase.message);
  const found = findEvent(plan, dated.rest.replace(/\s+(to|until)$/i, ''));
  if (!found.ok) return refuse(found.message);
  const { event } = found;
  const { date, time } = dated.phrase;
  if (date === event.date && (time ?? event.time) === event.time) {
    return refuse(`${event.title} is already on ${when(event.date, event.time)}.`);
  }
  const change: PlanChange = { kind: 'extend', eventId: event.id, from: event.date, to: date };
  return { ok: true, change: time ? { ...change, time } : change };
}

function parseRestore(args: string, { plan, context, today }: Env): ParsedChange {
  const dated = leadingDate(args, context);
  const date = dated?.phrase.ok ? dated.phrase.date : undefined;
  if (dated && !dated.phrase.ok) return refuse(dated.phrase.message);
  const ref = date ? undefined : classRef(args);
  const session = date
    ? plan.sessions.find((s) => s.date === date && s.number !== null)
    : ref && plan.sessions.find((s) => s.number === ref.number);
  if (!session) {
    if (date) return refuse(`There is no class on ${formatDay(date)} to restore.`);
    if (ref) return refuse(`There is no Class ${ref.number} in the plan.`);
    return refuse(`Name the cancelled class to hold again: \`restore ${exampleClass(plan, today)}\`.`);
  }
  if (session.date < today)
    return refuse(`${classLabel(session)} was on ${formatDay(session.date)}: it is past.`);
  if (!session.noClass)
    return refuse(`${classLabel(session)} on ${formatDay(session.date)} is not cancelled.`);
  return { ok: true, change: { kind: 'restore', number: session.number!, date: session.date } };
}

function parseRemove(args: string, { plan }: Env): ParsedChange {
  if (!args.trim()) return refuse('Name the event to remove: `remove proposal`.');
  const found = findEvent(plan, args);
  if (!found.ok) return refuse(found.message);
  return { ok: true, change: { kind: 'remove', eventId: found.event.id, date: found.event.date } };
}

function parseEdit(args: string, { plan }: Env): ParsedChange {
  const ref = classRef(args);
  const m = ref && /^(topic|readings?|presenters?|presentations?)\b\s*(.*)$/is.exec(ref.rest);
  if (!ref || !m)
    return refuse(
      'Write `edit <class N> topic|readings|presenters <text>`, e.g. `edit 15 topic Mixture of experts`.',
    );
  if (!plan.sessions.some((s) => s.number === ref.number))
    return refuse(`There is no Class ${ref.number} in the plan.`);
  const field = m[1]!.toLowerCase();
  const text = m[2]!.trim();
  if (!text) return refuse(`Write the new ${field} after the word "${field}".`);
  if (field === 'topic') return { ok: true, change: { kind: 'edit-topic', number: ref.number, topic: text } };
  if (field.startsWith('reading')) {
    const readings = parseReadings(text);
    return readings.ok
      ? { ok: true, change: { kind: 'edit-readings', number: ref.number, readings: readings.value } }
      : readings;
  }
  const presentations = parsePresentations(text);
  return presentations.ok
    ? {
        ok: true,
        change: { kind: 'edit-presenters', number: ref.number, presentations: presentations.value },
      }
    : presentations;
}

function parseAdd(args: string, { plan, context, today }: Env): ParsedChange {
  const [kindWord = '', ...rest] = args.trim().split(/\s+/);
  const kind = ADD_KINDS[kindWord.toLowerCase()];
  if (!kind)
    return refuse(
      'Write `add deadline|homework|exam <date> <title>`, e.g. `add deadline Nov 11 23:59 Project draft due`.',
    );
  const dated = leadingDate(rest.join(' '), context);
  if (!dated) return refuse(`Write the date after "${kindWord}": \`add ${kindWord} Nov 11 <title>\`.`);
  if (!dated.phrase.ok) return refuse(dated.phrase.message);
  const title = dated.rest.trim();
  if (!title)
    return refuse(
      `Write a title after the date: \`add ${kindWord} ${formatDay(dated.phrase.date)} <title>\`.`,
    );
  const { date, time } = dated.phrase;
  if (kind === 'homework-release') return parseHomework(title, date, time, { plan, context, today });
  const id = freeId(plan, title, kind);
  return { ok: true, change: { kind: 'add', event: { id, kind, date, title, ...(time ? { time } : {}) } } };
}

/** A slug of the title not yet taken by an event of the plan (nor by `taken`). */
function freeId(plan: Plan, title: string, fallback: string, taken: string[] = []): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; plan.events.some((e) => e.id === id) || taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * A homework note read as the importer reads an "assigned" cell: "HW3 out, due Oct 28 11:59pm" is HW3's
 * release on the date given and its deadline on the date the note states.
 */
function parseHomework(
  text: string,
  date: LocalDate,
  time: LocalTime | undefined,
  { plan, context, today }: Env,
): ParsedChange {
  const read = workEvents(text, 'homework-release');
  const release = read.events.find((e) => e.kind === 'homework-release');
  if (read.kept.length > 0 || !release)
    return refuse(
      `Could not read "${read.kept.join('; ') || text}": write \`add homework ${formatDay(date)} HW3 out, due Oct 28\`.`,
    );
  const event = {
    id: freeId(plan, release.title, 'homework'),
    kind: 'homework-release' as const,
    date,
    title: release.title,
    ...((release.time ?? time) ? { time: release.time ?? time } : {}),
  };
  const due = read.events.find((e) => e.kind === 'deadline');
  if (!due) return { ok: true, change: { kind: 'add', event } };
  let dueDate: LocalDate;
  if (due.date) {
    const phrase = due.date.year
      ? `${due.date.year}-${String(due.date.month).padStart(2, '0')}-${String(due.date.day).padStart(2, '0')}`
      : `${monthDay(due.date.month, due.date.day)}`;
    const parsed = parseDatePhrase(phrase, context);
    if (!parsed.ok) return refuse(`${due.title}: ${parsed.message}`);
    dueDate = parsed.date;
  } else if (due.weekday !== undefined) {
    // "due Friday": the first such day after the release, as the importer places it after the class.
    dueDate = addDays(date, ((due.weekday - weekdayOf(date) + 6) % 7) + 1);
  } else dueDate = date;
  if (dueDate < date)
    return refuse(
      `${due.title} on ${formatDay(dueDate)} would be due before it is out (${formatDay(date)}).`,
    );
  if (dueDate < today) return refuse(`${due.title} on ${formatDay(dueDate)} is in the past.`);
  const deadline = {
    id: freeId(plan, due.title, 'deadline', [event.id]),
    kind: 'deadline' as const,
    date: dueDate,
    title: due.title,
    ...(due.time ? { time: due.time } : {}),
  };
  return { ok: true, change: { kind: 'add', event, deadline } };
}
