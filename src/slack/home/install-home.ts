import type { App, BlockButtonAction, types, webApi } from '@slack/bolt';
import type { DeskReply, StaffDesk } from '../../changes/staff-desk.ts';
import type { Revision } from '../../changes/revision-log.ts';
import { homeCourse, type HomeCourse } from '../../content/home-course.ts';
import { renderText } from '../../content/render-text.ts';
import type { PlanSource } from '../../plan/plan-source.ts';
import type { Clock } from '../../util/clock.ts';
import { logSafe } from '../../util/log-safe.ts';
import type { Logger } from '../../util/logger.ts';
import { dmKinds, leadText, type DmKind } from '../../reminders/dm-subscription.ts';
import { parseLeadTimes } from '../../reminders/parse-lead-times.ts';
import { setReminder, type RemindCommandDeps } from '../remind-command.ts';
import { replyBody } from '../schedule-callback.ts';
import { deskReply } from '../staff/staff-commands.ts';
import {
  changeCommand,
  changeModal,
  HOME_CHANGE_CALLBACK,
  modalMetadata,
  type SubmittedValues,
} from './home-modals.ts';
import {
  HOME_CHANGE_ACTIONS,
  HOME_REMIND_ACTION,
  HOME_UNDO_ACTION,
  homeView,
  type HomeChangeKind,
} from './home-view.ts';
import { RecentViewers } from './recent-viewers.ts';

/** The plan with what tells it changed (`version`) and the staff's change history. */
export interface HomePlans extends PlanSource {
  readonly version: number;
  history(): Revision[];
}

export interface HomeOptions {
  plans: HomePlans;
  /** The staff check and the change desk the `/schedule` staff words use. */
  desk: StaffDesk;
  clock: Clock;
  /** Where kinds without a channel of their own are posted (for the staff's list of posts). */
  defaultChannel: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often to look whether the plan changed, to refresh the tabs of recent viewers. */
  refreshIntervalMs?: number;
  viewers?: RecentViewers;
  /** The slash command (COURSEBOT_COMMAND), named in the staff's part. */
  command?: string;
  /** The personal reminders, as `/schedule remind` keeps them; absent, the tab shows none. */
  reminders?: RemindCommandDeps;
  /** The course's calendar subscription link, when the bot has a public address. */
  calendarFeedUrl?: () => string | undefined;
}

export interface Home {
  /** Re-publishes the Home tab of recent viewers if the plan changed since the last look. */
  refreshIfChanged(): Promise<number>;
  stop(): void;
}

const FIRST_BLOCK: Record<HomeChangeKind, string> = { cancel: 'class', move: 'class', extend: 'deadline' };

/**
 * The App Home tab: published when someone opens it, and re-published for those who opened it in the last
 * day when the plan changes. Staff get buttons whose modals end in the same preview and Confirm as typing
 * the `/schedule` command; the preview is sent as a direct message from the bot, so it stays in the app's
 * Messages tab next to Home, whatever channel the staff member is in or whether they belong to it.
 */
export function installHome(app: App, options: HomeOptions): Home {
  const { plans, desk, clock, log } = options;
  const viewers = options.viewers ?? new RecentViewers();
  // Refreshes go only to people who opened Home, so the client their open came with is always there.
  let lastClient: webApi.WebClient | undefined;
  let seenVersion = plans.version;

  const { reminders } = options;
  const courses = (userId: string): HomeCourse[] => {
    const calendarFeedUrl = options.calendarFeedUrl?.();
    return [
      homeCourse({
        plan: plans.current(),
        viewerId: userId,
        now: clock.now(),
        ...(calendarFeedUrl ? { calendarFeedUrl } : {}),
        ...(reminders ? { subscriptions: reminders.store.forUser(reminders.courseId(), userId) } : {}),
        ...(desk.isStaff(userId)
          ? {
              staff: {
                history: plans.history(),
                defaultChannel: options.defaultChannel,
                command: options.command,
              },
            }
          : {}),
      }),
    ];
  };
  const publish = async (client: webApi.WebClient, userId: string): Promise<boolean> => {
    try {
      await client.views.publish({ user_id: userId, view: homeView(courses(userId)) });
      return true;
    } catch (error) {
      log.warn(`home: publishing the Home tab of ${userId} failed: ${errorText(error)}`);
      return false;
    }
  };
  /** The desk's answer (a preview with its buttons, or why not) in the staff member's DM with the bot. */
  const tell = async (client: webApi.WebClient, userId: string, reply: DeskReply) => {
    // The reply of a slash command, sent as a message: its blocks are Block Kit either way.
    const { text, blocks } = replyBody(deskReply(reply)) as { text: string; blocks: types.KnownBlock[] };
    try {
      await client.chat.postMessage({ channel: userId, text, blocks });
    } catch (error) {
      log.error(`home: sending the preview to ${userId} failed: ${errorText(error)}`);
    }
  };

  app.event('app_home_opened', async ({ event, client }) => {
    // The event also fires for the Messages tab, which has nothing of ours to publish.
    if (event.tab !== 'home') return;
    lastClient = client;
    viewers.seen(event.user, clock.now().toMillis());
    await publish(client, event.user);
  });

  for (const kind of Object.keys(HOME_CHANGE_ACTIONS) as HomeChangeKind[]) {
    app.action<BlockButtonAction>(HOME_CHANGE_ACTIONS[kind], async ({ ack, body, client }) => {
      await ack();
      // The buttons are only published to staff; a stale tab of someone no longer staff gets the refusal.
      if (!desk.isStaff(body.user.id))
        return tell(client, body.user.id, desk.request(kind, body.user.id, clock.now()));
      try {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: changeModal(kind, plans.current(), clock.now()),
        });
      } catch (error) {
        log.warn(`home: opening the ${kind} form for ${body.user.id} failed: ${errorText(error)}`);
      }
    });
  }

  if (reminders) {
    app.action<BlockButtonAction>(HOME_REMIND_ACTION, async ({ ack, body, action, client }) => {
      await ack();
      const userId = body.user.id;
      const words = reminderWords(reminders, userId, action.value ?? '');
      if (!words) return log.warn(`home: ignored a reminder control "${action.value}" from ${userId}`);
      const result = await setReminder(reminders, { userId, ...words, now: clock.now() });
      // A refusal cannot come from the tab's own buttons; it is logged rather than shown.
      if (!result.ok)
        log.warn(`home: ${userId}'s reminder change refused: ${renderText(result.reply.content)}`);
      await publish(client, userId);
    });
  }

  app.action<BlockButtonAction>(HOME_UNDO_ACTION, async ({ ack, body, client }) => {
    await ack();
    await tell(client, body.user.id, desk.request('undo', body.user.id, clock.now()));
  });

  app.view(HOME_CHANGE_CALLBACK, async ({ ack, body, view, client }) => {
    const metadata = modalMetadata(view.private_metadata);
    if (!metadata) return ack();
    const userId = body.user.id;
    const words = changeCommand(metadata.kind, view.state.values as SubmittedValues);
    const reply: DeskReply = words
      ? desk.request(words, userId, clock.now())
      : { kind: 'message', content: { blocks: [{ kind: 'section', lines: [['Fill in every field.']] }] } };
    // A refusal (a day already taken, a date in the past) stays in the form, next to what to fix.
    if (reply.kind === 'message') {
      return ack({
        response_action: 'errors',
        errors: { [FIRST_BLOCK[metadata.kind]]: renderText(reply.content) },
      });
    }
    await ack();
    // The words carry the form's free text (a reason): logged like a typed command.
    log.info(`home: ${userId} previewed "${logSafe(words)}" from the Home tab`);
    await tell(client, userId, reply);
  });

  const refreshIfChanged = async (): Promise<number> => {
    if (plans.version === seenVersion || !lastClient) return 0;
    seenVersion = plans.version;
    const client = lastClient;
    let published = 0;
    // One at a time: views.publish is Tier 4, and a course's recent viewers are few.
    for (const userId of viewers.recent(clock.now().toMillis()))
      if (await publish(client, userId)) published++;
    return published;
  };
  // Plan changes come from several places (a Confirm from a slash command or a form, an undo, schedule.json
  // edited); all of them move the plan's version, so that is what is watched, rather than each of them.
  const timer = setInterval(() => void refreshIfChanged(), options.refreshIntervalMs ?? 5000);
  timer.unref();
  return { refreshIfChanged, stop: () => clearInterval(timer) };
}

/**
 * A control's `KIND WORD` applied to the stored wish, as the words `/schedule remind me KIND …` would take:
 * a lead time is switched on or off among those already chosen; none left is `off`.
 */
function reminderWords(
  deps: RemindCommandDeps,
  userId: string,
  value: string,
): { kind: DmKind; words: string[] } | undefined {
  const [kindWord, word] = value.split(' ');
  const kind = dmKinds.find((k) => k === kindWord);
  if (!kind || !word) return undefined;
  if (word === 'off') return { kind, words: ['off'] };
  if (word === 'on') return kind === 'presentations' ? { kind, words: [] } : undefined;
  const lead = parseLeadTimes([word]);
  if (!lead.ok) return undefined;
  const [minutes] = lead.minutes;
  const stored = deps.store.forUser(deps.courseId(), userId).find((s) => s.kind === kind)?.leadsMinutes ?? [];
  const leads = stored.includes(minutes!) ? stored.filter((m) => m !== minutes) : [...stored, minutes!];
  return { kind, words: leads.length > 0 ? leads.map(leadText) : ['off'] };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
