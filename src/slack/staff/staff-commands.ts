import type { Content } from '../../content/content.ts';
import type { DeskReply } from '../../changes/staff-desk.ts';
import { staffHelp, staffWords } from '../../courses/staff-command-table.ts';
import type { AnnounceStatus } from '../../delivery/announcer.ts';
import type { Course, Deployment } from '../../deployment/deployment.ts';
import type { Clock } from '../../util/clock.ts';
import { logSafe } from '../../util/log-safe.ts';
import type { Logger } from '../../util/logger.ts';
import type { ButtonArgs } from '../listeners/slack-listeners.ts';
import { replyBody } from '../schedule-callback.ts';
import type { ScheduleCommandTable, ScheduleReply, ScheduleRequest } from '../schedule-commands.ts';

export const CONFIRM_ACTION = 'staff_change_confirm';
export const CANCEL_ACTION = 'staff_change_cancel';

export interface StaffSlackDeps {
  deployment: Deployment;
  /** The course of a Confirm or Cancel that carries no course id (the Home tab's); the only course by default. */
  courseOfBareButton?: () => Course | undefined;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

const message = (content: Content): ScheduleReply => ({ content });

/** The line added to "Done": the staff member learns whether students have seen it yet. */
export function outcomeLine(status: AnnounceStatus): string {
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
 * The staff words of `/schedule` that go to the course's change desk. Each answers only the person who typed
 * it: a refusal, the history, or a preview of the announcement with Confirm and Cancel buttons (handled by
 * `staffActions`, which find the course again by the id the buttons carry).
 */
export function registerStaffCommands(
  table: ScheduleCommandTable,
  deps: { log: Pick<Logger, 'warn'> },
): void {
  table.register(
    staffWords('desk'),
    async (request) => {
      const refused = refuseNonStaff(request, deps);
      if (refused) return refused;
      const reply = await request.course.desk.request(
        `${request.word} ${request.args}`,
        request.userId,
        request.now,
      );
      return deskReply(reply, request.course.id);
    },
    staffHelp('desk'),
  );
}

/** The one refusal of a staff word, per course: the deployment's staff rule decides; the attempt is logged. */
export function refuseNonStaff(
  request: ScheduleRequest,
  deps: { log: Pick<Logger, 'warn'> },
): ScheduleReply | undefined {
  if (request.isStaff) return undefined;
  deps.log.warn(
    `staff: refused "${logSafe(`${request.word} ${request.args}`)}" from ${request.userId}: not staff of ${request.course.id}`,
  );
  return message(
    textContent(
      `Sorry, only the course staff can change the schedule. Try \`${request.command} help\` for what you can ask.`,
    ),
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

export const textContent = (text: string): Content => ({ blocks: [{ kind: 'section', lines: [[text]] }] });

/**
 * What a Confirm or Cancel button carries: the course and the desk's preview. A value without a course (a
 * button from before courses, or the Home tab's) belongs to a deployment's only course.
 */
const buttonValue = (courseId: string | undefined, previewId: string) =>
  courseId ? `${courseId}|${previewId}` : previewId;

function readButton(deps: StaffSlackDeps, value: string): { course?: Course; previewId: string } {
  const { deployment } = deps;
  const bar = value.indexOf('|');
  if (bar < 0) {
    const courses = deployment.courses();
    const course = deps.courseOfBareButton?.() ?? (courses.length === 1 ? courses[0] : undefined);
    return { ...(course ? { course } : {}), previewId: value };
  }
  const course = deployment.course(value.slice(0, bar));
  return { ...(course ? { course } : {}), previewId: value.slice(bar + 1) };
}

/** A desk's answer as a reply: a preview carries the Confirm and Cancel buttons `staffActions` handles. */
export function deskReply(reply: DeskReply, courseId?: string): ScheduleReply {
  if (reply.kind !== 'preview') return message(reply.content);
  const value = buttonValue(courseId, reply.previewId);
  return {
    content: reply.content,
    buttons: [
      { actionId: CONFIRM_ACTION, text: 'Confirm', value, style: 'primary' },
      { actionId: CANCEL_ACTION, text: 'Cancel', value },
    ],
  };
}

const GONE = 'This preview belongs to a course this bot no longer serves: nothing was changed.';

/**
 * Confirm applies the previewed change to the button's course and announces it; Cancel drops it. Both
 * replace the preview.
 */
export function staffActions(deps: StaffSlackDeps) {
  const confirm = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const { course, previewId } = readButton(deps, action.value ?? '');
    const answer = (content: Content) => respond({ ...replyBody({ content }), replace_original: true });
    if (!course) return void (await answer(textContent(GONE)));
    if (course.retiredAt())
      return void (await answer(textContent(`${course.id} is retired: nothing was changed.`)));
    let reply;
    try {
      reply = await course.desk.confirm(previewId, body.user.id, deps.clock.now());
    } catch (error) {
      // The store refused the write (read-only, removed, locked): the staff member must not think it applied.
      const why = error instanceof Error ? error.message : String(error);
      deps.log.error(`staff: a confirmed change could not be stored: ${why}`);
      const text = `The change could not be saved (${why}): nothing was changed or announced. Try again later, or ask whoever runs coursebot to check its database.`;
      return void (await answer(textContent(text)));
    }
    let content = reply.content;
    if (reply.kind === 'applied' && reply.announcement.blocks.length > 0) {
      const status = await course.announce(reply.revision.id);
      const outcome = outcomeLine(status);
      if (status.state === 'failed')
        deps.log.error(`staff: announcing #${reply.revision.id} failed: ${status.reason}`);
      content = { blocks: [...content.blocks, { kind: 'context', lines: [[outcome]] }] };
    }
    await answer(content);
  };
  const cancel = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const { course, previewId } = readButton(deps, action.value ?? '');
    const content = course
      ? (await course.desk.dismiss(previewId, body.user.id, deps.clock.now())).content
      : textContent(GONE);
    await respond({ ...replyBody({ content }), replace_original: true });
  };
  return { confirm, cancel };
}
