import type { DateTime } from 'luxon';
import { code, type Content, type Line } from '../content/content.ts';
import type { Plan } from '../plan/schema.ts';
import { answerRequest } from './answer.ts';
import { rememberAnswer } from './answer-memo.ts';
import { parseRequest, type ParsedRequest } from './parse-request.ts';
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
 * The same question within the same minute gets the same content back (so it is rendered once too):
 * content is never changed once built.
 */
export function ask(plan: Plan, text: string, now: DateTime, options: PresentOptions = {}): AskResult {
  const key = { text, now, prefix: options.prefix, canShare: options.canShare, extraHelp: options.extraHelp };
  return { ...rememberAnswer(plan, key, () => answerWords(plan, text, now, options)) };
}

function answerWords(plan: Plan, text: string, now: DateTime, options: PresentOptions): AskResult {
  const parsed = parseRequest(text);
  if (!parsed.ok) return { content: help(options, { hint: [hintLine(parsed)] }), share: false, ok: false };
  const answer = answerRequest(plan, parsed.request, now);
  const content = presentAnswer(plan, answer, options);
  const ok = answer.kind !== 'class-missing';
  return { content, share: parsed.share && ok, ok };
}

/** What was wrong, with the user's own word as code so no markup in it takes effect. */
function hintLine(parsed: Extract<ParsedRequest, { ok: false }>): Line {
  const word = code(parsed.word ?? '');
  switch (parsed.problem) {
    case 'not-a-query':
      return [word, ' changes the plan; it is not a question.'];
    case 'unknown-query':
      return parsed.suggestion
        ? [word, ' is not something I can answer: did you mean ', code(parsed.suggestion), '?']
        : [word, ' is not something I can answer: here is what you can ask.'];
    case 'bad-arguments':
      return [parsed.message];
  }
}
