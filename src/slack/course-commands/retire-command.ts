import { staffHelp, staffWords } from '../../courses/staff-command-table.ts';
import type { Course, Deployment } from '../../deployment/deployment.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/logger.ts';
import type { ButtonArgs } from '../listeners/slack-listeners.ts';
import { replyBody } from '../schedule-callback.ts';
import type { ScheduleCommandTable, ScheduleReply } from '../schedule-commands.ts';
import { refuseNonStaff, textContent } from '../staff/staff-commands.ts';
import type { ConfirmationStore } from '../../changes/confirmations.ts';
import { PendingConfirmations } from './pending-confirmations.ts';

export const RETIRE_CONFIRM_ACTION = 'course_retire_confirm';
export const RETIRE_CANCEL_ACTION = 'course_retire_cancel';

export interface RetireDeps {
  deployment: Deployment;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
  previewMinutes?: number;
  /** Where previews wait for Confirm; this process's memory by default. */
  confirmations?: ConfirmationStore;
}

/**
 * `/schedule retire` ends a course: it previews what stops (every post from now on) and waits for Confirm,
 * since there is no undo from Slack. Staff of the course or admins only.
 */
export function courseRetirement(table: ScheduleCommandTable, deps: RetireDeps) {
  const pending = new PendingConfirmations<string>('course-retire', {
    ...(deps.confirmations ? { store: deps.confirmations } : {}),
    ...(deps.previewMinutes === undefined ? {} : { minutes: deps.previewMinutes }),
  });
  table.register(
    staffWords('retire'),
    async (request): Promise<ScheduleReply> => {
      const refused = refuseNonStaff(request, deps);
      if (refused) return refused;
      const { course, userId, now } = request;
      const held = await pending.hold(course.id, userId, now, course.id);
      const { code, timezone } = request.plan.course;
      const until = held.expiresAt.setZone(timezone).toFormat('h:mm a');
      return {
        content: {
          blocks: [
            {
              kind: 'section',
              lines: [
                [
                  `Retire ${code} (\`${course.id}\`)? No reminder, digest or announcement is posted for it from now on.`,
                ],
                ['Its answers stay, saying it is retired.'],
              ],
            },
            { kind: 'context', lines: [[`Confirm to retire it. The preview expires at ${until}.`]] },
          ],
        },
        buttons: [
          { actionId: RETIRE_CONFIRM_ACTION, text: 'Retire', value: held.id, style: 'danger' },
          { actionId: RETIRE_CANCEL_ACTION, text: 'Cancel', value: held.id },
        ],
      };
    },
    staffHelp('retire'),
  );

  const answer = (respond: ButtonArgs['respond'], text: string) =>
    respond({ ...replyBody({ content: textContent(text) }), replace_original: true });

  const confirm = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const now = deps.clock.now();
    const taken = await pending.take(action.value ?? '', body.user.id, now);
    if (!taken.ok) return void (await answer(respond, taken.message));
    const course: Course | undefined = deps.deployment.course(taken.value);
    // Checked again at the click: the person's rights may have changed since the preview.
    if (!course || !deps.deployment.isStaff(course, body.user.id))
      return void (await answer(respond, 'Not retired: only the course staff or an admin can retire it.'));
    const edit = await deps.deployment.retire(course, body.user.id, now);
    if (edit.ok) deps.log.info(`retire: ${course.id} retired by ${body.user.id}`);
    await answer(respond, edit.message);
  };
  const cancel = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const taken = await pending.take(action.value ?? '', body.user.id, deps.clock.now());
    await answer(respond, taken.ok ? 'Cancelled: the course goes on.' : taken.message);
  };
  return { confirm, cancel };
}
