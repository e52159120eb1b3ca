import { staffHelp, staffWords } from '../../courses/staff-command-table.ts';
import type { Course } from '../../deployment/deployment.ts';
import { DEFAULT_PREFIX } from '../../queries/help-content.ts';
import type { Asker, Respond, ScheduleCallbackDeps } from '../schedule-callback.ts';
import { replyBody } from '../schedule-callback.ts';
import type { ScheduleReply } from '../schedule-commands.ts';
import { retiredNotice } from './retired-notice.ts';

/** Words that change a course: refused once it is retired. */
const CHANGING = new Set([...staffWords('desk'), ...staffWords('retire')]);

/**
 * A request answered for one course: a registered word goes to its handler, anything else to the read-only
 * answers. Also the answer of a click on "Which course?", for the course clicked.
 */
export function answerFor(
  deps: ScheduleCallbackDeps,
  course: Course,
  text: string,
  who: Asker,
  respond: Respond,
): ScheduleReply | Promise<ScheduleReply> {
  const { userId, channelId } = who;
  const plan = course.plans.current();
  const now = deps.clock.now();
  const [first = '', ...rest] = text.split(' ');
  const word = first.toLowerCase();
  const retired = course.retiredAt();
  if (retired && CHANGING.has(word)) return { content: retiredNotice(course, retired) };
  const handler = deps.commands.handlerFor(first);
  if (!handler) {
    const { content, share, ok } = deps.ask(plan, text, now, {
      extraHelp: [...deps.commands.helpEntries(), ...staffHelp('setup')],
      ...(deps.command ? { prefix: deps.command } : {}),
    });
    if (!retired) return { content, share: share && ok };
    return { content: { blocks: [...retiredNotice(course, retired).blocks, ...content.blocks] } };
  }
  return handler({
    word,
    args: rest.join(' '),
    userId,
    channelId,
    mentions: who.mentions,
    course,
    deployment: deps.deployment,
    isStaff: deps.deployment.isStaff(course, userId),
    command: deps.command ?? DEFAULT_PREFIX,
    plan,
    now,
    followUp: async (reply) => {
      await respond(replyBody(reply));
    },
  });
}
