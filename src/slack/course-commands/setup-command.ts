import type { DateTime } from 'luxon';
import type { Content } from '../../content/content.ts';
import type { Deployment } from '../../deployment/deployment.ts';
import type { Plan } from '../../plan/schema.ts';
import type { Clock } from '../../util/clock.ts';
import { logSafe } from '../../util/log-safe.ts';
import type { Logger } from '../../util/logger.ts';
import type { ButtonArgs } from '../listeners/slack-listeners.ts';
import { replyBody } from '../schedule-callback.ts';
import { retiredNotice } from './retired-notice.ts';
import type { ScheduleReply } from '../schedule-commands.ts';
import type { ImportPageOptions } from './import-page.ts';
import type { ConfirmationStore } from '../../changes/confirmations.ts';
import { PendingConfirmations } from './pending-confirmations.ts';
import { setupPreview } from './setup-preview.ts';
import { outcomeLine } from '../staff/staff-commands.ts';

export const SETUP_CONFIRM_ACTION = 'course_setup_confirm';
export const SETUP_CANCEL_ACTION = 'course_setup_cancel';

/** `/schedule setup URL [TIMEZONE]` as typed in one channel. */
export interface SetupCommand {
  args: string;
  userId: string;
  channelId: string;
  command: string;
  now: DateTime;
  followUp(reply: ScheduleReply): Promise<void>;
}

export type SetupHandler = (request: SetupCommand) => Promise<ScheduleReply>;

export interface CourseSetupDeps {
  deployment: Deployment;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  previewMinutes?: number;
  /** Where previews wait for Confirm; this process's memory by default. */
  confirmations?: ConfirmationStore;
  /** Tests reach a local server; the fetch itself is the importer's. */
  fetch?: ImportPageOptions['fetch'];
}

interface PendingSetup {
  plan: Plan;
  url: string;
  channelId: string;
  /** The slash command as typed, for the hints of the reply to Confirm. */
  command: string;
}

const say = (text: string): ScheduleReply => ({
  content: { blocks: [{ kind: 'section', lines: [[text]] }] },
});

/**
 * Setting a course up from its page: who may, the preview with Confirm and Cancel, and Confirm handing the
 * plan to the deployment (a new course, or the channel's course's plan replaced).
 */
export function courseSetup(deps: CourseSetupDeps) {
  const pending = new PendingConfirmations<PendingSetup>('course-setup', {
    ...(deps.confirmations ? { store: deps.confirmations } : {}),
    ...(deps.previewMinutes === undefined ? {} : { minutes: deps.previewMinutes }),
  });

  const handler: SetupHandler = async (request) => {
    const { userId, channelId, command, now } = request;
    const [url = '', timezone] = request.args.split(' ');
    if (!/^https?:\/\//i.test(url))
      return say(
        `Write the schedule page's address after setup, e.g. \`${command} setup https://example.edu/cs101/schedule.html\`.`,
      );
    if (channelId.startsWith('D'))
      return say(
        `Type \`${command} setup\` in the course's channel: that channel becomes the course's home.`,
      );
    const refusal = await mayNotSetUp(deps.deployment, userId, channelId);
    if (refusal) {
      deps.log.warn(
        `setup: refused "${logSafe(request.args)}" from ${userId} in ${channelId}: ${refusal.why}`,
      );
      return say(refusal.text);
    }
    const existing = await deps.deployment.courseForChannel(channelId);
    const retired = existing?.retiredAt();
    if (existing && retired) return { content: retiredNotice(existing, retired) };
    // Loaded on the first setup, not at start: the importer and its HTML and CSV parsers are a few MB of a
    // bot that, in most deployments, is set up once a term.
    const { importPage } = await import('./import-page.ts');
    const imported = await importPage(url, {
      now,
      ...(timezone ? { timezone } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    if (!imported.ok) return say(imported.message);
    const held = await pending.hold(
      { plan: imported.plan, url, channelId, command },
      userId,
      now,
      existing?.id,
    );
    const content = setupPreview({
      plan: imported.plan,
      review: imported.review,
      channelId,
      now,
      expiresAt: held.expiresAt,
      ...(existing ? { before: existing.plans.current() } : {}),
    });
    return {
      content,
      buttons: [
        { actionId: SETUP_CONFIRM_ACTION, text: 'Confirm', value: held.id, style: 'primary' },
        { actionId: SETUP_CANCEL_ACTION, text: 'Cancel', value: held.id },
      ],
    };
  };

  const confirm = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const now = deps.clock.now();
    const taken = await pending.take(action.value ?? '', body.user.id, now);
    const answer = (content: Content) => respond({ ...replyBody({ content }), replace_original: true });
    if (!taken.ok) return void (await answer(say(taken.message).content));
    const { plan, url, channelId, command } = taken.value;
    // Rights are checked again: they may have been taken away since the preview.
    const refusal = await mayNotSetUp(deps.deployment, body.user.id, channelId);
    if (refusal) return void (await answer(say(refusal.text).content));
    const result = await deps.deployment.setUp({ plan, channelId, userId: body.user.id, url, now });
    if (!result.ok) return void (await answer(say(`Not set up: ${result.message}`).content));
    const { course } = result;
    deps.log.info(
      `setup: ${course.id} ${result.created ? 'set up' : 'replaced'} by ${body.user.id} in ${channelId}`,
    );
    if (result.created) {
      return void (await answer(
        say(
          `${plan.course.code} is set up here as \`${course.id}\`. Its reminders start now, in this channel; ` +
            `give colleagues the right to change it with \`${command} staff add @name\`.`,
        ).content,
      ));
    }
    const lines = [`Replaced the plan of \`${course.id}\` with ${url}.`];
    if (result.revisionId !== undefined) lines.push(outcomeLine(await course.announce(result.revisionId)));
    await answer({ blocks: [{ kind: 'section', lines: lines.map((l) => [l]) }] });
  };

  const cancel = async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const taken = await pending.take(action.value ?? '', body.user.id, deps.clock.now());
    const text = taken.ok ? 'Cancelled: nothing was set up.' : taken.message;
    await respond({ ...replyBody(say(text)), replace_original: true });
  };

  return { handler, confirm, cancel };
}

/** Who may set up here: staff of the channel's course (admins included), or in a channel without one, maySetUp. */
async function mayNotSetUp(
  deployment: Deployment,
  userId: string,
  channelId: string,
): Promise<{ text: string; why: string } | undefined> {
  const course = await deployment.courseForChannel(channelId);
  if (course) {
    if (deployment.isStaff(course, userId)) return undefined;
    return {
      text: `Sorry, only the staff of ${course.plans.current().course.code} can replace its plan.`,
      why: `not staff of ${course.id}`,
    };
  }
  if (deployment.maySetUp(userId)) return undefined;
  return {
    text: 'Sorry, only the deployment admins can set up a course here. Ask one of them to add you, or to run the setup.',
    why: 'not an admin, and setup is not open',
  };
}
