import type { types } from '@slack/bolt';
import type { DateTime } from 'luxon';
import { formatDay } from '../../plan/local-date.ts';
import type { Plan } from '../../plan/schema.ts';
import { CHANGE_LABELS, type HomeChangeKind } from './home-view.ts';

export const HOME_CHANGE_CALLBACK = 'home_change';

/** Slack's limits on a static select: 100 options, labels of 75 characters. */
const MAX_OPTIONS = 100;
const MAX_LABEL = 75;

/** What the modal carries from the click to the submission. */
export interface ChangeModalMetadata {
  kind: HomeChangeKind;
  /** The course's id (Course.id). */
  course: string;
}

type Option = { text: { type: 'plain_text'; text: string }; value: string };
const option = (label: string, value: string): Option => ({
  text: { type: 'plain_text', text: label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1)}…` },
  value,
});
const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** Classes still to come, for the class pickers. */
function classOptions(plan: Plan, today: string): Option[] {
  return plan.sessions
    .filter((s) => s.number !== null && !s.noClass && s.date >= today)
    .slice(0, MAX_OPTIONS)
    .map((s) => option(`Class ${s.number} · ${formatDay(s.date)} · ${s.topic}`, String(s.number)));
}

/** Deadlines and exams still to come, named by their id as `/schedule extend` accepts. */
function deadlineOptions(plan: Plan, today: string): Option[] {
  return plan.events
    .filter((e) => (e.kind === 'deadline' || e.kind === 'exam') && e.date >= today)
    .slice(0, MAX_OPTIONS)
    .map((e) => option(`${e.title} · ${formatDay(e.date)}${e.time ? ` ${e.time}` : ''}`, e.id));
}

const select = (blockId: string, label: string, options: Option[]): types.KnownBlock => ({
  type: 'input',
  block_id: blockId,
  label: plain(label),
  element: { type: 'static_select', action_id: 'value', placeholder: plain('Choose'), options },
});

/**
 * The modal a staff button opens. Its submission is turned into the words of the equivalent `/schedule`
 * command (see `changeCommand`), so it goes through the same parser, checks and preview as typing it.
 */
export function changeModal(
  kind: HomeChangeKind,
  courseId: string,
  plan: Plan,
  now: DateTime,
): types.ModalView {
  const today = now.setZone(plan.course.timezone).toISODate()!;
  // The course id travels with the form, so its submission changes that course's plan.
  const metadata: ChangeModalMetadata = { kind, course: courseId };
  const base = {
    type: 'modal' as const,
    callback_id: HOME_CHANGE_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: plain(CHANGE_LABELS[kind]),
    close: plain('Close'),
  };
  const options = kind === 'extend' ? deadlineOptions(plan, today) : classOptions(plan, today);
  if (options.length === 0) {
    const none = kind === 'extend' ? 'No deadlines are left to extend.' : 'No classes are left.';
    return { ...base, blocks: [{ type: 'section', text: { type: 'plain_text', text: none } }] };
  }
  const blocks: types.KnownBlock[] =
    kind === 'cancel'
      ? [
          select('class', 'Class', options),
          {
            type: 'input',
            block_id: 'reason',
            optional: true,
            label: plain('Reason (shown to students)'),
            element: { type: 'plain_text_input', action_id: 'value', max_length: 200 },
          },
          {
            type: 'input',
            block_id: 'shift',
            optional: true,
            label: plain('Later classes'),
            element: {
              type: 'checkboxes',
              action_id: 'value',
              options: [option('Shift: each later class moves up one meeting', 'shift')],
            },
          },
        ]
      : kind === 'move'
        ? [
            select('class', 'Class', options),
            {
              type: 'input',
              block_id: 'date',
              label: plain('New day'),
              element: { type: 'datepicker', action_id: 'value' },
            },
          ]
        : [
            select('deadline', 'Deadline', options),
            {
              type: 'input',
              block_id: 'date',
              label: plain('New day'),
              element: { type: 'datepicker', action_id: 'value' },
            },
            {
              type: 'input',
              block_id: 'time',
              optional: true,
              label: plain('New time (keeps the old one when empty)'),
              element: { type: 'timepicker', action_id: 'value' },
            },
          ];
  return { ...base, submit: plain('Preview'), blocks };
}

/** A submitted input as Slack sends it in `view.state.values[block][action]`. */
export interface SubmittedValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
}
export type SubmittedValues = Record<string, Record<string, SubmittedValue>>;

/** The modal's metadata, or undefined when it is not one of ours (or was tampered with). */
export function modalMetadata(text: string | undefined): ChangeModalMetadata | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<ChangeModalMetadata>;
    if (
      parsed.kind &&
      ['cancel', 'move', 'extend'].includes(parsed.kind) &&
      typeof parsed.course === 'string'
    )
      return { kind: parsed.kind, course: parsed.course };
  } catch {
    // Not ours.
  }
  return undefined;
}

/**
 * The `/schedule` words a submission stands for, e.g. "cancel 14 shift snow day", "move 15 2025-10-24",
 * "extend project-proposal-due 2025-11-04 17:00". Missing required fields give an empty string.
 */
export function changeCommand(kind: HomeChangeKind, values: SubmittedValues): string {
  const field = (block: string) => values[block]?.['value'];
  const chosen = (block: string) => field(block)?.selected_option?.value ?? '';
  const date = field('date')?.selected_date ?? '';
  switch (kind) {
    case 'cancel': {
      const number = chosen('class');
      const shift = (field('shift')?.selected_options ?? []).some((o) => o.value === 'shift');
      const reason = (field('reason')?.value ?? '').replace(/\s+/g, ' ').trim();
      // A reason that starts with the word shift would read as the option: a leading dash keeps it a reason.
      const said = !shift && /^shift\b/i.test(reason) ? `— ${reason}` : reason;
      return number ? ['cancel', number, ...(shift ? ['shift'] : []), ...(said ? [said] : [])].join(' ') : '';
    }
    case 'move': {
      const number = chosen('class');
      return number && date ? `move ${number} ${date}` : '';
    }
    case 'extend': {
      const id = chosen('deadline');
      const time = field('time')?.selected_time ?? '';
      return id && date ? ['extend', id, date, ...(time ? [time] : [])].join(' ') : '';
    }
  }
}
