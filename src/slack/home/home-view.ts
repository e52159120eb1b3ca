import type { types } from '@slack/bolt';
import type { HomeCourse, HomeReminder } from '../../content/home-course.ts';
import { leadText } from '../../reminders/dm-subscription.ts';
import { renderSlack, toButton } from '../../content/render-slack.ts';

/** Slack refuses a Home tab of more than 100 blocks (Block Kit reference, views.publish). */
export const MAX_HOME_BLOCKS = 100;

type KnownBlock = types.KnownBlock;

export const HOME_UNDO_ACTION = 'home_undo';
/** The staff's change buttons: each opens its modal (see home-modals.ts). */
export const HOME_CHANGE_ACTIONS = {
  cancel: 'home_cancel_class',
  move: 'home_move_class',
  extend: 'home_extend_deadline',
} as const;
export type HomeChangeKind = keyof typeof HOME_CHANGE_ACTIONS;

/**
 * The personal reminder controls: each button's value is `COURSE|KIND WORD`, WORD a lead time to switch on or off
 * (`2h`), `off`, or `on` (presentations). The handler reads the stored wish and applies the change to it,
 * so a tab that is out of date cannot undo a change made since.
 */
export const HOME_REMIND_ACTION_PREFIX = 'home_remind';
export const HOME_REMIND_ACTION = new RegExp(`^${HOME_REMIND_ACTION_PREFIX}:`);
/** The lead times offered as buttons; others set with `/schedule remind me` are shown next to them. */
export const HOME_LEAD_CHOICES = [2 * 60, 24 * 60, 2 * 24 * 60];

/** The buttons' words, and the titles of the forms they open. */
export const CHANGE_LABELS: Record<HomeChangeKind, string> = {
  cancel: 'Cancel a class',
  move: 'Move a class',
  extend: 'Extend a deadline',
};

const button = (actionId: string, text: string, value: string, style?: 'primary' | 'danger') =>
  toButton({ actionId, text, value, ...(style ? { style } : {}) });

/**
 * The Home tab of one viewer: each of their courses in turn, rendered by the same Block Kit renderer as
 * every reply (so user-written text is escaped the same way), with the staff's buttons under their part.
 * Courses are shown whole while they fit in Slack's 100 blocks; the rest are named in a last line.
 */
export function homeView(courses: readonly HomeCourse[]): types.HomeView {
  const blocks: KnownBlock[] = [];
  let shown = 0;
  for (const course of courses) {
    const part = courseBlocks(course);
    // One block is kept for the line that names the courses left out.
    if (shown > 0 && blocks.length + part.length > MAX_HOME_BLOCKS - 1) break;
    blocks.push(...part);
    shown++;
  }
  const left = courses.slice(shown);
  if (courses.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'You are not in any course this bot runs.' },
    });
  }
  if (left.length === 0) return { type: 'home', blocks: capBlocks(blocks) };
  const names = left.map((c) => c.code).join(', ');
  const note = renderSlack({
    blocks: [
      {
        kind: 'context',
        lines: [
          [`…and ${left.length} more of your courses not shown here (${names}): ask in their channels.`],
        ],
      },
    ],
  }).blocks as KnownBlock[];
  return { type: 'home', blocks: [...capBlocks(blocks, MAX_HOME_BLOCKS - note.length), ...note] };
}

/** One course's part: what every member sees, their reminder controls, and the staff's part and buttons. */
function courseBlocks(course: HomeCourse): KnownBlock[] {
  const blocks: KnownBlock[] = [...(renderSlack(course.student).blocks as KnownBlock[])];
  for (const reminder of course.reminders ?? []) blocks.push(reminderControls(course.id, reminder));
  if (!course.staff) return blocks;
  blocks.push(...(renderSlack(course.staff).blocks as KnownBlock[]));
  // The course id in each value tells the handler which course's plan to change.
  const changes = (Object.keys(HOME_CHANGE_ACTIONS) as HomeChangeKind[]).map((kind) =>
    button(HOME_CHANGE_ACTIONS[kind], CHANGE_LABELS[kind], course.id),
  );
  const undo = course.undoable
    ? [button(HOME_UNDO_ACTION, `Undo #${course.undoable.id}`, course.id, 'danger')]
    : [];
  blocks.push({
    type: 'actions',
    block_id: `staff:${course.id}`.slice(0, 255),
    elements: [...changes, ...undo],
  });
  return blocks;
}

/** A reminder control's value: the course, then `KIND WORD`. */
export const reminderValue = (courseId: string, kind: string, word: string): string =>
  `${courseId}|${kind} ${word}`;

function reminderControls(courseId: string, { kind, leadsMinutes }: HomeReminder): KnownBlock {
  const action = (word: string) => `${HOME_REMIND_ACTION_PREFIX}:${kind}:${word}`;
  const on = leadsMinutes.length > 0;
  let elements;
  if (kind === 'presentations') {
    elements = [
      on
        ? button(action('off'), 'Presentations: turn off', reminderValue(courseId, kind, 'off'))
        : button(
            action('on'),
            'Presentations: turn on (7d, 1d)',
            reminderValue(courseId, kind, 'on'),
            'primary',
          ),
    ];
  } else {
    const leads = [...new Set([...HOME_LEAD_CHOICES, ...leadsMinutes])].sort((a, b) => b - a);
    elements = [
      ...leads.map((minutes) => {
        const chosen = leadsMinutes.includes(minutes);
        const word = leadText(minutes);
        return button(
          action(word),
          `${chosen ? '✓ ' : ''}${kind} ${word}`,
          reminderValue(courseId, kind, word),
          chosen ? 'primary' : undefined,
        );
      }),
      ...(on ? [button(action('off'), 'Turn off', reminderValue(courseId, kind, 'off'), 'danger')] : []),
    ];
  }
  // The course id in the block id, as for the staff buttons, tells a view of several courses apart.
  return { type: 'actions', block_id: `remind:${courseId}:${kind}`.slice(0, 255), elements };
}

/**
 * At most `max` blocks (MAX_HOME_BLOCKS by default): the last one says how many were left out. Staff buttons are kept whenever
 * possible, as they are what a staff member came for.
 */
export function capBlocks(blocks: KnownBlock[], max = MAX_HOME_BLOCKS): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const room = max - 1;
  const actions = new Set<KnownBlock>(blocks.filter((b) => b.type === 'actions').slice(0, room));
  let others = room - actions.size;
  const kept = blocks.filter((b) => actions.has(b) || (b.type !== 'actions' && others-- > 0));
  const left = blocks.length - kept.length;
  return [
    ...kept,
    { type: 'context', elements: [{ type: 'mrkdwn', text: `_…and ${left} more not shown_` }] },
  ];
}
