import type { types, webApi } from '@slack/bolt';
import type { DeskReply } from '../../changes/staff-desk.ts';
import { renderText } from '../../content/render-text.ts';
import type { Course, Deployment } from '../../deployment/deployment.ts';
import type { Clock } from '../../util/clock.ts';
import { logSafe } from '../../util/log-safe.ts';
import type { Logger } from '../../util/logger.ts';
import { setReminder, type RemindCommandDeps } from '../remind-command.ts';
import { replyBody } from '../schedule-callback.ts';
import { deskReply, textContent } from '../staff/staff-commands.ts';
import type { SlackListeners } from '../listeners/slack-listeners.ts';
import {
  changeCommand,
  changeModal,
  HOME_CHANGE_CALLBACK,
  modalMetadata,
  type SubmittedValues,
} from './home-modals.ts';
import { reminderWords } from './home-reminder-words.ts';
import {
  HOME_CHANGE_ACTIONS,
  HOME_REMIND_ACTION,
  HOME_UNDO_ACTION,
  type HomeChangeKind,
} from './home-view.ts';
import { RecentViewers } from './recent-viewers.ts';
import { HomePublisher } from './home-publisher.ts';

export interface HomeOptions {
  /** Every course the bot serves: each button and form carries the id of the course it acts on. */
  deployment: Deployment;
  /** The courses whose channels a person is in (their channel memberships, cached briefly). */
  memberCourses(userId: string): Promise<readonly Course[]>;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often to look whether a course's plan changed, to refresh the tabs of its recent viewers. */
  refreshIntervalMs?: number;
  viewers?: RecentViewers;
  /** The slash command (COURSEBOT_COMMAND), named in the staff's part. */
  command?: string;
  /** The personal reminders, as `/schedule remind` keeps them; absent, the tab shows none. */
  reminders?: RemindCommandDeps;
  /** A course's calendar subscription link, when the bot has a public address. */
  calendarFeedUrl?: (courseId: string) => Promise<string | undefined>;
}

export interface Home {
  /** Re-publishes the Home tab of the recent viewers of every course whose plan changed since the last look. */
  refreshIfChanged(): Promise<number>;
  stop(): void;
}

const FIRST_BLOCK: Record<HomeChangeKind, string> = { cancel: 'class', move: 'class', extend: 'deadline' };
const GONE = 'This button belongs to a course this bot no longer serves: nothing was changed.';

/**
 * The App Home tab: published when someone opens it, for each of their courses, and re-published for those
 * who opened it in the last day when one of their courses' plans changes. Staff get buttons whose modals
 * end in the same preview and Confirm as typing the `/schedule` command for that course; the preview is
 * sent as a direct message from the bot, so it stays in the app's Messages tab next to Home, whatever
 * channel the staff member is in. Every listener is bound through the one binding point.
 */
export function installHome(listeners: SlackListeners, options: HomeOptions): Home {
  const { deployment, clock, log, reminders } = options;
  const viewers = options.viewers ?? new RecentViewers();
  // Refreshes go only to people who opened Home, so the client their open came with is always there.
  let lastClient: webApi.WebClient | undefined;
  const publisher = new HomePublisher(options, viewers);
  const publish = (client: webApi.WebClient, userId: string) => publisher.publish(client, userId);
  /** The desk's answer (a preview with its course's buttons, or why not) in the staff member's DM with the bot. */
  const tell = async (client: webApi.WebClient, userId: string, reply: DeskReply, course?: Course) => {
    // The reply of a slash command, sent as a message: its blocks are Block Kit either way.
    const body = replyBody(course ? deskReply(reply, course.id) : deskReply(reply));
    const { text, blocks } = body as { text: string; blocks: types.KnownBlock[] };
    try {
      await client.chat.postMessage({ channel: userId, text, blocks });
    } catch (error) {
      log.error(`home: sending the preview to ${userId} failed: ${errorText(error)}`);
    }
  };
  const gone = (client: webApi.WebClient, userId: string) =>
    tell(client, userId, { kind: 'message', content: textContent(GONE) });

  listeners.event('app_home_opened', async ({ event, client }) => {
    // The event also fires for the Messages tab, which has nothing of ours to publish.
    if (event.tab !== 'home') return;
    lastClient = client;
    viewers.seen(event.user, clock.now().toMillis());
    await publish(client, event.user);
  });

  for (const kind of Object.keys(HOME_CHANGE_ACTIONS) as HomeChangeKind[]) {
    listeners.action(HOME_CHANGE_ACTIONS[kind], async ({ ack, body, action, client }) => {
      await ack();
      const userId = body.user.id;
      const course = deployment.course(action.value ?? '');
      if (!course) return gone(client, userId);
      // The buttons are only published to staff; a stale tab of someone no longer staff gets the refusal.
      if (!deployment.isStaff(course, userId))
        return tell(client, userId, await course.desk.request(kind, userId, clock.now()), course);
      try {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: changeModal(kind, course.id, course.plans.current(), clock.now()),
        });
      } catch (error) {
        log.warn(`home: opening the ${kind} form of ${course.id} for ${userId} failed: ${errorText(error)}`);
      }
    });
  }

  if (reminders) {
    listeners.action(HOME_REMIND_ACTION, async ({ ack, body, action, client }) => {
      await ack();
      const userId = body.user.id;
      const change = await reminderWords(reminders.store, deployment, userId, action.value ?? '');
      if (!change)
        return log.warn(`home: ignored a reminder control "${logSafe(action.value ?? '')}" from ${userId}`);
      const result = await setReminder(reminders, { ...change, userId, now: clock.now() });
      // A refusal cannot come from the tab's own buttons; it is logged rather than shown.
      if (!result.ok)
        log.warn(`home: ${userId}'s reminder change refused: ${renderText(result.reply.content)}`);
      await publish(client, userId);
    });
  }

  listeners.action(HOME_UNDO_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const course = deployment.course(action.value ?? '');
    if (!course) return gone(client, body.user.id);
    await tell(client, body.user.id, await course.desk.request('undo', body.user.id, clock.now()), course);
  });

  listeners.view(HOME_CHANGE_CALLBACK, async ({ ack, body, view, client }) => {
    const metadata = modalMetadata(view.private_metadata);
    if (!metadata) return ack();
    const userId = body.user.id;
    const course = deployment.course(metadata.course);
    const words = changeCommand(metadata.kind, view.state.values as SubmittedValues);
    const reply: DeskReply = !course
      ? { kind: 'message', content: textContent(GONE) }
      : words
        ? await course.desk.request(words, userId, clock.now())
        : { kind: 'message', content: textContent('Fill in every field.') };
    // A refusal (a day already taken, a date in the past) stays in the form, next to what to fix.
    if (reply.kind === 'message') {
      return ack({
        response_action: 'errors',
        errors: { [FIRST_BLOCK[metadata.kind]]: renderText(reply.content) },
      });
    }
    await ack();
    // The words carry the form's free text (a reason): logged like a typed command.
    log.info(`home: ${userId} previewed "${logSafe(words)}" for ${course!.id} from the Home tab`);
    await tell(client, userId, reply, course);
  });

  const refreshIfChanged = async (): Promise<number> =>
    lastClient ? publisher.refreshChanged(lastClient) : 0;
  // Plan changes come from several places (a Confirm from a slash command or a form, an undo, a plan file
  // edited); all of them move the course's plan version, so that is what is watched, rather than each of them.
  const timer = setInterval(
    () =>
      void refreshIfChanged().catch((error: unknown) =>
        log.error(`home: refreshing the Home tabs failed: ${errorText(error)}`),
      ),
    options.refreshIntervalMs ?? 5000,
  );
  timer.unref();
  return { refreshIfChanged, stop: () => clearInterval(timer) };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
