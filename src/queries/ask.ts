import type { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import { answerRequest } from './answer.ts';
import { parseRequest } from './parse-request.ts';
import { help, presentAnswer, type PresentOptions } from './present-answer.ts';

export interface AskResult {
  content: Content;
  /** The user asked for the answer to be shown to everyone (a trailing "share"). */
  share: boolean;
  /** False when the request could not be answered: the content is then the help with what went wrong. */
  ok: boolean;
}

/**
 * The one entry point of `/schedule …` and `coursebot ask …`: words in, content out, as of `now`. Never
 * throws for anything a user can type. A request that fails is never shared: mistakes stay private.
 */
export function ask(plan: Plan, text: string, now: DateTime, options: PresentOptions = {}): AskResult {
  const parsed = parseRequest(text);
  if (!parsed.ok) return { content: help(options, { hint: [[parsed.message]] }), share: false, ok: false };
  const answer = answerRequest(plan, parsed.request, now);
  const content = presentAnswer(plan, answer, options);
  const ok = answer.kind !== 'class-missing';
  return { content, share: parsed.share && ok, ok };
}
