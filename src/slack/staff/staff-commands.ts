import type { App, BlockButtonAction } from '@slack/bolt';
import type { Content } from '../../content/content.ts';
import type { DeskReply, StaffDesk } from '../../changes/staff-desk.ts';
import type { AnnounceStatus } from '../../delivery/announcer.ts';
import type { HelpEntry } from '../../queries/query-table.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/logger.ts';
import { replyBody } from '../schedule-callback.ts';
import type { ScheduleCommandTable, ScheduleReply } from '../schedule-commands.ts';

export const CONFIRM_ACTION = 'staff_change_confirm';
export const CANCEL_ACTION = 'staff_change_cancel';

export interface StaffSlackDeps {
  desk: StaffDesk;
  clock: Clock;
  /** Sends the queued announcement of a revision now if it can, and tells what became of it. */
  announce(revisionId: number): Promise<AnnounceStatus>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

const WORDS = ['cancel', 'restore', 'move', 'extend', 'remove', 'edit', 'add', 'announce', 'undo', 'history'];
const HELP: HelpEntry[] = [
  {
    name: 'cancel',
    args: 'N|DATE [shift] [REASON]',
    description: 'staff: cancel a class (shift: later classes move up)',
    example: 'cancel 14 snow day',
  },
  {
    name: 'restore',
    args: 'N',
    description: 'staff: hold a cancelled class again (later changes stay)',
    example: 'restore 14',
  },
  {
    name: 'move',
    args: 'N DATE [TIME]',
    description: 'staff: move a class to another day (with a time: a make-up session at that hour)',
    example: 'move 14 Oct 22',
  },
  {
    name: 'extend',
    args: 'DEADLINE DATE [TIME]',
    description: 'staff: move a deadline',
    example: 'extend proposal Nov 4',
  },
  {
    name: 'remove',
    args: 'EVENT',
    description: 'staff: remove a deadline, homework or exam',
    example: 'remove quiz',
  },
  {
    name: 'edit',
    args: 'N topic|readings|presenters TEXT',
    description: 'staff: change a class',
    example: 'edit 15 topic Mixture of experts',
  },
  {
    name: 'add',
    args: 'deadline|homework|exam DATE TITLE',
    description: 'staff: add an event',
    example: 'add deadline Nov 11 23:59 Project draft due',
  },
  {
    name: 'announce',
    args: 'TEXT [--notify]',
    description:
      'staff: post a message in the class channel, signed with your name (end this or any change with --notify to notify @channel)',
    example: 'announce No office hours today',
  },
  { name: 'undo', args: '', description: 'staff: revert the last change', example: 'undo' },
  { name: 'history', args: '', description: 'staff: list the changes made', example: 'history' },
];

const message = (content: Content): ScheduleReply => ({ content });

/** The line added to "Done": the staff member learns whether students have seen it yet. */
function outcomeLine(status: AnnounceStatus): string {
  switch (status.state) {
    case 'posted':
      return `Announced in ${status.channel}.`;
    case 'queued':
      // Retried by the reminder ticks until posted, or a day old; never posted twice. The why is logged.
      return `Queued: will be announced in ${status.channel} when Slack answers.`;
    case 'failed':
      return `The change is applied, but the announcement could not be posted: ${status.reason}`;
  }
}

/**
 * The staff words of `/schedule`. Each answers only the person who typed it: a refusal, the history, or a
 * preview of the announcement with Confirm and Cancel buttons (handled by `registerStaffActions`).
 */
export function registerStaffCommands(table: ScheduleCommandTable, deps: StaffSlackDeps): void {
  table.register(
    WORDS,
    (request) => deskReply(deps.desk.request(`${request.word} ${request.args}`, request.userId, request.now)),
    HELP,
  );
}

/**
 * `/schedule resend` (staff): sends again the posts that failed because coursebot was not in their
 * channel; `resend` does it and says what it re-sent.
 */
export function registerResend(table: ScheduleCommandTable, resend: () => Promise<string>): void {
  table.register(
    'resend',
    async (request) => {
      if (!request.isStaff) return message(textContent('Only the course staff can re-send posts.'));
      return message(textContent(await resend()));
    },
    [
      {
        name: 'resend',
        args: '',
        description: 'staff: send again the posts that failed because coursebot was not in the channel',
        example: 'resend',
      },
    ],
  );
}

const textContent = (text: string): Content => ({ blocks: [{ kind: 'section', lines: [[text]] }] });

/** A desk's answer as a reply: a preview carries the Confirm and Cancel buttons `registerStaffActions` handles. */
export function deskReply(reply: DeskReply): ScheduleReply {
  if (reply.kind !== 'preview') return message(reply.content);
  return {
    content: reply.content,
    buttons: [
      { actionId: CONFIRM_ACTION, text: 'Confirm', value: reply.previewId, style: 'primary' },
      { actionId: CANCEL_ACTION, text: 'Cancel', value: reply.previewId },
    ],
  };
}

/** Confirm applies the previewed change and announces it; Cancel drops it. Both replace the preview. */
export function registerStaffActions(app: App, deps: StaffSlackDeps): void {
  app.action<BlockButtonAction>(CONFIRM_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    let reply;
    try {
      reply = deps.desk.confirm(action.value ?? '', body.user.id, deps.clock.now());
    } catch (error) {
      // The store refused the write (read-only, removed, locked): the staff member must not think it applied.
      const why = error instanceof Error ? error.message : String(error);
      deps.log.error(`staff: a confirmed change could not be stored: ${why}`);
      const text = `The change could not be saved (${why}): nothing was changed or announced. Try again later, or ask whoever runs coursebot to check its database.`;
      await respond({ ...replyBody({ content: textContent(text) }), replace_original: true });
      return;
    }
    let content = reply.content;
    if (reply.kind === 'applied' && reply.announcement.blocks.length > 0) {
      const status = await deps.announce(reply.revision.id);
      const outcome = outcomeLine(status);
      if (status.state === 'failed')
        deps.log.error(`staff: announcing #${reply.revision.id} failed: ${status.reason}`);
      content = { blocks: [...content.blocks, { kind: 'context', lines: [[outcome]] }] };
    }
    await respond({ ...replyBody({ content }), replace_original: true });
  });
  app.action<BlockButtonAction>(CANCEL_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const reply = deps.desk.dismiss(action.value ?? '', body.user.id, deps.clock.now());
    await respond({ ...replyBody({ content: reply.content }), replace_original: true });
  });
}
