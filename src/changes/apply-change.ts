import { mention, type Content } from '../content/content.ts';
import type { LocalDate, LocalTime } from '../plan/local-date.ts';
import type { EventKind, Plan, Session } from '../plan/schema.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import { UserError } from '../util/user-error.ts';
import { announceChange, announcement, byDate, diffLines, sentence } from './announce-diff.ts';
import type { PlanChange } from './change.ts';
import { classLabel, dayInTerm, when as whenDay, withReason } from './describe.ts';
import { diffPlans } from './diff-plans.ts';
import { shiftCascade } from './shift-cascade.ts';

export interface AppliedChange {
  plan: Plan;
  /** What the class channel is told; the preview shows exactly this. */
  announcement: Content;
  /** One line for the history: what was done. */
  summary: string;
  /** For the staff member only (never announced): things left for them to decide. */
  notes: string[];
}

/**
 * Applies a change to a plan. Pure and idempotent where it can be (re-applying a cancellation or a move
 * changes nothing), because revisions are re-applied over every reloaded file. A change whose target is gone
 * (the class or event was removed from the file) throws a UserError naming it. `command` is the slash command
 * the staff type (COURSEBOT_COMMAND), for the notes that suggest one.
 */
export function applyChange(plan: Plan, change: PlanChange, command = DEFAULT_PREFIX): AppliedChange {
  // History lines name the year of a day outside the term's years, as announcements do.
  const formatDay = dayInTerm(plan);
  const when = (date: LocalDate, time?: LocalTime) => whenDay(date, time, formatDay);
  switch (change.kind) {
    case 'cancel':
      return change.shift
        ? applyShift(plan, change, command)
        : simple(
            plan,
            mapClass(plan, change.number, (s) => ({ ...s, noClass: change.reason })),
            withReason(`cancelled Class ${change.number} (${formatDay(change.date)})`, change.reason),
          );
    case 'move': {
      const next = mapClass(plan, change.number, ({ meeting: _meeting, ...s }) => ({
        ...s,
        date: change.to,
        ...(change.meeting ? { meeting: change.meeting } : {}),
      }));
      next.sessions = [...next.sessions].sort(byDate);
      const result = simple(
        plan,
        next,
        `moved Class ${change.number} from ${formatDay(change.from)} to ${when(change.to, change.meeting?.start)}`,
      );
      result.notes = plan.events
        .filter((e) => e.session === change.number && e.date === change.from)
        .map(
          (e) =>
            `${e.title} (${when(e.date, e.time)}) belongs to Class ${change.number}: to move it too, \`${command} extend ${e.id} ${change.to}\`.`,
        );
      return result;
    }
    case 'extend': {
      const event = plan.events.find((e) => e.id === change.eventId);
      if (!event) throw new UserError(`There is no event "${change.eventId}" in the plan any more.`);
      const moved = { ...event, date: change.to, ...(change.time ? { time: change.time } : {}) };
      const next = { ...plan, events: plan.events.map((e) => (e === event ? moved : e)) };
      return simple(
        plan,
        next,
        `moved ${event.id} from ${when(event.date, event.time)} to ${when(moved.date, moved.time)}`,
      );
    }
    case 'restore':
      return simple(
        plan,
        mapClass(plan, change.number, ({ noClass: _noClass, ...s }) => s),
        `restored Class ${change.number} (${formatDay(change.date)})`,
      );
    case 'remove': {
      const event = plan.events.find((e) => e.id === change.eventId);
      // Already gone (the file no longer has it): removing it again changes nothing.
      if (!event) return simple(plan, plan, `removed ${change.eventId} (${formatDay(change.date)})`);
      return simple(
        plan,
        { ...plan, events: plan.events.filter((e) => e !== event) },
        `removed ${event.id} (${when(event.date, event.time)})`,
      );
    }
    case 'edit-topic':
      return simple(
        plan,
        mapClass(plan, change.number, (s) => ({ ...s, topic: change.topic })),
        `changed the topic of Class ${change.number}`,
      );
    case 'edit-readings':
      return simple(
        plan,
        mapClass(plan, change.number, (s) => ({ ...s, readings: change.readings })),
        `changed the readings of Class ${change.number}`,
      );
    case 'edit-presenters':
      return simple(
        plan,
        mapClass(plan, change.number, (s) => ({ ...s, presentations: change.presentations })),
        `changed the presentations of Class ${change.number}`,
      );
    case 'add': {
      const added = [change.event, ...(change.deadline ? [change.deadline] : [])];
      let events = plan.events;
      for (const event of added) {
        const others = events.filter((e) => e.id !== event.id);
        const at = others.findIndex((e) => e.date > event.date);
        events = at < 0 ? [...others, event] : [...others.slice(0, at), event, ...others.slice(at)];
      }
      const deadline = change.deadline
        ? ` and deadline ${change.deadline.id} on ${when(change.deadline.date, change.deadline.time)}`
        : '';
      return simple(
        plan,
        { ...plan, events },
        `added ${ADDED[change.event.kind]} ${change.event.id} on ${when(change.event.date, change.event.time)}${deadline}`,
      );
    }
    case 'announce':
      return {
        plan,
        announcement: freeAnnouncement(change),
        summary: `announced “${change.text}”`,
        notes: [],
      };
  }
}

/** Kinds as the `add` command names them. */
const ADDED: Record<EventKind, string> = {
  deadline: 'deadline',
  'homework-release': 'homework',
  exam: 'exam',
  other: 'event',
};

/** The staff member's own words, signed: Slack shows the mention as their name. */
function freeAnnouncement(change: Extract<PlanChange, { kind: 'announce' }>): Content {
  const content = announcement([change.text]);
  if (change.from)
    content.blocks.push({ kind: 'context', lines: [['— from ', mention(change.from, `@${change.from}`)]] });
  return content;
}

function simple(before: Plan, after: Plan, summary: string): AppliedChange {
  return { plan: after, announcement: announceChange(before, after), summary, notes: [] };
}

/** The plan with class `number` (its first session) replaced; throws when the class is gone. */
function mapClass(plan: Plan, number: number, update: (s: Session) => Session): Plan {
  const index = plan.sessions.findIndex((s) => s.number === number);
  if (index < 0) throw new UserError(`There is no Class ${number} in the plan any more.`);
  return { ...plan, sessions: plan.sessions.map((s, i) => (i === index ? update(s) : s)) };
}

function applyShift(
  plan: Plan,
  change: Extract<PlanChange, { kind: 'cancel' }>,
  command: string,
): AppliedChange {
  const formatDay = dayInTerm(plan);
  const when = (date: LocalDate, time?: LocalTime) => whenDay(date, time, formatDay);
  const summary = `${withReason(`cancelled Class ${change.number} (${formatDay(change.date)})`, change.reason)}; later classes shifted`;
  const day = plan.sessions.find((s) => s.date === change.date);
  const cancelled = plan.sessions.find((s) => s.number === change.number && s.date === change.date);
  if (!cancelled && day && day.number === null && day.noClass) {
    // Already applied (e.g. the file was replaced by an export): a second shift would move everything twice.
    return { plan, announcement: announceChange(plan, plan), summary, notes: [] };
  }
  const result = cancelled && shiftCascade(plan.sessions, plan.events, change.date, change.reason);
  if (!result)
    throw new UserError(
      `There is no Class ${change.number} on ${formatDay(change.date)} in the plan any more.`,
    );
  const next = { ...plan, sessions: result.sessions };
  const diff = diffPlans(plan, next);
  diff.noClassDays.added = diff.noClassDays.added.filter((d) => d.date !== change.date);
  diff.classes.removed = [];
  const lines = [
    sentence(withReason(`No class on ${formatDay(change.date)}`, change.reason)),
    `Class ${change.number} and the classes after it move to the next meeting:`,
    ...diffLines(diff).map((l) => l.text),
  ];
  if (result.overflow) lines.push(`${classLabel(result.overflow)} no longer has a meeting this term.`);
  const notes = result.tied.map(({ event, to }) =>
    to
      ? `${event.title} (${when(event.date, event.time)}) belongs to Class ${event.session}, which moves to ${formatDay(to)}: it stays where it is unless you \`${command} extend ${event.id} ${to}\`.`
      : `${event.title} (${when(event.date, event.time)}) belongs to Class ${event.session}, which no longer has a meeting: decide its new date with \`${command} extend ${event.id} DATE\`.`,
  );
  if (result.overflow)
    notes.push(
      `${classLabel(result.overflow)} drops off the end of the term: add a meeting or merge it into another class.`,
    );
  return { plan: next, announcement: announcement(lines), summary, notes };
}
