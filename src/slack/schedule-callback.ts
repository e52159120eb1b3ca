import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { code } from '../content/content.ts';
import { renderSlack } from '../content/render-slack.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { ask } from '../queries/ask.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import type { Clock } from '../util/clock.ts';
import { logSafe } from '../util/log-safe.ts';
import type { ScheduleCommandTable, ScheduleReply } from './schedule-commands.ts';
import { plainSlashText } from './slash-text.ts';
import { isStaff } from '../changes/is-staff.ts';

/** The read-only answers (`next`, `week`, `search …`, help): pure, from the plan in memory. */
export type AskFn = typeof ask;

export interface ScheduleCallbackDeps {
  plans: PlanSource;
  clock: Clock;
  ask: AskFn;
  commands: ScheduleCommandTable;
  instructors: readonly string[];
  log: { info(line: string): void; error(line: string): void };
  /** The slash command as typed in Slack (COURSEBOT_COMMAND), for the usage lines of help. */
  command?: string;
  /** How long an asynchronous handler may take before the ack says "working on it" (Slack allows 3 s). */
  ackBudgetMs?: number;
}

const WORKING: ScheduleReply = { content: { blocks: [{ kind: 'context', lines: [['Working on it…']] }] } };
const failedReply = (command = DEFAULT_PREFIX): ScheduleReply => ({
  content: {
    blocks: [
      {
        kind: 'section',
        lines: [
          ['Sorry, that request failed on our side and was logged. Try ', code(`${command} help`), '.'],
        ],
      },
    ],
  },
});

/**
 * The longest `/schedule` text read at all. Every real request is a few words (an announcement a few lines);
 * a longer one is refused before parsing, so no text can make an answer, or its log line, arbitrarily big.
 */
export const MAX_COMMAND_TEXT = 4000;

const tooLong = (length: number, command = DEFAULT_PREFIX): ScheduleReply => ({
  content: {
    blocks: [
      {
        kind: 'section',
        lines: [
          [
            `That request is ${length.toLocaleString('en-US')} characters long; `,
            code(command),
            ` reads at most ${MAX_COMMAND_TEXT.toLocaleString('en-US')}. Try `,
            code(`${command} help`),
            '.',
          ],
        ],
      },
    ],
  },
});

/** Slack's reply body: Block Kit + fallback text, only to the user unless shared; buttons fit in Slack's cap. */
export function replyBody(reply: ScheduleReply): RespondArguments {
  const { text, blocks } = renderSlack(reply.content, reply.buttons);
  return { response_type: reply.share ? 'in_channel' : 'ephemeral', text, blocks };
}

/**
 * `/schedule <text>`: the answer is computed from memory and sent as the ack body, so the user always gets
 * it within Slack's 3 seconds and no response_url call is needed. Nothing does I/O before the ack.
 */
export function scheduleCallback(deps: ScheduleCallbackDeps) {
  const budget = deps.ackBudgetMs ?? 2000;
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const raw = command.text ?? '';
    if (raw.length > MAX_COMMAND_TEXT) {
      deps.log.info(
        `/schedule "${logSafe(raw)}" from ${command.user_id} refused: over ${MAX_COMMAND_TEXT} characters`,
      );
      await ack(replyBody(tooLong(raw.length, deps.command)));
      return;
    }
    const text = plainSlashText(raw);
    const started = performance.now();
    const answer = safely(() => route(deps, text, command.user_id, command.channel_id, respond), deps, text);
    // A slow handler gets "working on it" in the ack and its answer through response_url.
    const ready =
      answer instanceof Promise ? await Promise.race([answer, sleep(budget).then(() => undefined)]) : answer;
    await ack(replyBody(ready ?? WORKING));
    if (!ready) await respond({ ...replyBody(await answer), replace_original: true });
    logAnswer(deps, command.user_id, text, started);
  };
}

function route(
  deps: ScheduleCallbackDeps,
  text: string,
  userId: string,
  channelId: string,
  respond: SlackCommandMiddlewareArgs['respond'],
): ScheduleReply | Promise<ScheduleReply> {
  const plan = deps.plans.current();
  const now = deps.clock.now();
  const [first = '', ...rest] = text.split(' ');
  const handler = deps.commands.handlerFor(first);
  if (!handler) {
    const { content, share, ok } = deps.ask(plan, text, now, {
      extraHelp: deps.commands.helpEntries(),
      ...(deps.command ? { prefix: deps.command } : {}),
    });
    return { content, share: share && ok };
  }
  return handler({
    word: first.toLowerCase(),
    args: rest.join(' '),
    userId,
    channelId,
    isStaff: isStaff(deps.instructors, userId),
    command: deps.command ?? DEFAULT_PREFIX,
    plan,
    now,
    followUp: async (reply) => {
      await respond(replyBody(reply));
    },
  });
}

/** A failing handler costs the user one polite line, never silence or a stack trace. */
function safely(
  compute: () => ScheduleReply | Promise<ScheduleReply>,
  deps: ScheduleCallbackDeps,
  text: string,
): ScheduleReply | Promise<ScheduleReply> {
  const failed = (error: unknown): ScheduleReply => {
    deps.log.error(
      `/schedule "${logSafe(text)}" failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return failedReply(deps.command);
  };
  try {
    const result = compute();
    return result instanceof Promise ? result.catch(failed) : result;
  } catch (error) {
    return failed(error);
  }
}

function logAnswer(deps: ScheduleCallbackDeps, userId: string, text: string, started: number): void {
  const ms = Math.round(performance.now() - started);
  deps.log.info(`/schedule "${logSafe(text)}" from ${userId} answered in ${ms} ms`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
