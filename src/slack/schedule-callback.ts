import type { RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { code } from '../content/content.ts';
import { renderSlack } from '../content/render-slack.ts';
import { staffWords } from '../courses/staff-command-table.ts';
import type { Deployment } from '../deployment/deployment.ts';
import type { ask } from '../queries/ask.ts';
import { DEFAULT_PREFIX } from '../queries/help-content.ts';
import { queryCommands } from '../queries/query-table.ts';
import type { Clock } from '../util/clock.ts';
import { logSafe } from '../util/log-safe.ts';
import type { Logger } from '../util/logger.ts';
import { answerFor } from './course-commands/answer-for-course.ts';
import { resolveCourse, type Resolved } from './course-commands/resolve-course.ts';
import type { SetupHandler } from './course-commands/setup-command.ts';
import type { CommandArgs } from './listeners/slack-listeners.ts';
import type { ScheduleCommandTable, ScheduleReply } from './schedule-commands.ts';
import { mentionedUsers, plainSlashText } from './slash-text.ts';

/** The read-only answers (`next`, `week`, `search …`, help): pure, from the plan in memory. */
export type AskFn = typeof ask;

export interface ScheduleCallbackDeps {
  deployment: Deployment;
  clock: Clock;
  ask: AskFn;
  commands: ScheduleCommandTable;
  log: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** The channel IDs a person is a member of, for a request typed outside any course channel. */
  memberChannels(userId: string): Promise<ReadonlySet<string>>;
  /** `/schedule setup URL`: answered for the channel it is typed in, whatever course it has or not. */
  setup?: SetupHandler;
  /** The slash command as typed in Slack (COURSEBOT_COMMAND), for the usage lines of help. */
  command?: string;
  /** How long an asynchronous handler may take before the ack says "working on it" (Slack allows 3 s). */
  ackBudgetMs?: number;
}

export type Respond = SlackCommandMiddlewareArgs['respond'];

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
 * it within Slack's 3 seconds and no response_url call is needed. Only finding the course of a request typed
 * outside a course channel may call Slack; a slow answer gets "working on it" and follows through response_url.
 */
export function scheduleCallback(deps: ScheduleCallbackDeps) {
  const budget = deps.ackBudgetMs ?? 2000;
  return async ({ command, ack, respond }: CommandArgs): Promise<void> => {
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
    const who = { userId: command.user_id, channelId: command.channel_id, mentions: mentionedUsers(raw) };
    const answer = safely(() => route(deps, text, who, respond), deps, text);
    // A slow handler gets "working on it" in the ack and its answer through response_url.
    const ready = answer instanceof Promise ? await withinBudget(answer, budget) : answer;
    await ack(replyBody(ready ?? WORKING));
    if (!ready) await respond({ ...replyBody(await answer), replace_original: true });
    logAnswer(deps, command.user_id, text, started);
  };
}

/** The words that are commands whatever the table holds: the queries, setup's, `share`. */
let fixedCommandWords: ReadonlySet<string> | undefined;

/**
 * Words that are commands, so never read as the name of a course. Asked on every request: nothing is built
 * for it (the table answers for its own words, which may grow as modules register).
 */
function commandWords(deps: ScheduleCallbackDeps): (word: string) => boolean {
  fixedCommandWords ??= new Set([...queryCommands.map((q) => q.name), ...staffWords('setup'), 'share']);
  const fixed = fixedCommandWords;
  return (word) => {
    const lower = word.toLowerCase();
    return fixed.has(lower) || deps.commands.handlerFor(lower) !== undefined;
  };
}

/** Who asked, where, and the people their request mentions (read from the raw text). */
export interface Asker {
  userId: string;
  channelId: string;
  mentions: readonly string[];
}

function route(
  deps: ScheduleCallbackDeps,
  text: string,
  who: Asker,
  respond: Respond,
): ScheduleReply | Promise<ScheduleReply> {
  const { userId, channelId } = who;
  const [first = '', ...rest] = text.split(' ');
  if (deps.setup && staffWords('setup').includes(first.toLowerCase())) {
    return deps.setup({
      args: rest.join(' '),
      userId,
      channelId,
      command: deps.command ?? DEFAULT_PREFIX,
      now: deps.clock.now(),
      followUp: async (reply) => void (await respond(replyBody(reply))),
    });
  }
  const resolved = resolveCourse(
    {
      deployment: deps.deployment,
      memberChannels: deps.memberChannels,
      isCommandWord: commandWords(deps),
      command: deps.command ?? DEFAULT_PREFIX,
      log: deps.log,
    },
    text,
    who,
  );
  const answer = (r: Resolved) =>
    r.kind === 'reply' ? r.reply : answerFor(deps, r.course, r.text, who, respond);
  return resolved instanceof Promise ? resolved.then(answer) : answer(resolved);
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

/**
 * At debug level: a line per question is who asked what, which an operator need not keep for every student,
 * and on a busy bot the write to stderr cost more than the answer. Refusals and failures stay at info and up.
 */
function logAnswer(deps: ScheduleCallbackDeps, userId: string, text: string, started: number): void {
  const ms = Math.round(performance.now() - started);
  deps.log.debug(`/schedule "${logSafe(text)}" from ${userId} answered in ${ms} ms`);
}

/**
 * The answer if it comes within `ms`, else undefined. The timer is cleared as soon as the answer is there:
 * every /schedule request awaits this, and timers left to run out would pile up by the thousand.
 */
async function withinBudget<T>(answer: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
