import type { DateTime } from 'luxon';
import { recentPlans } from '../plan/per-plan.ts';
import type { Plan } from '../plan/schema.ts';
import { RECENTLY_ASKED_PLANS } from './answer-index.ts';
import type { HelpEntry } from './query-table.ts';

/** Answers kept per plan: a minute's worth of the different questions a class asks. */
export const MAX_ANSWERS_PER_PLAN = 64;
const MINUTE_MS = 60_000;

interface Entry<T> {
  /** The help entries the answer was made with, as they were: the caller's list may grow or change later. */
  extraHelp: readonly HelpEntry[] | undefined;
  value: T;
}

// Per plan object (see recentPlans): an answer kept here is never older than the plan it was computed from,
// and only the courses asked about lately keep theirs.
const answersOf = recentPlans((): Map<string, Entry<unknown>> => new Map(), RECENTLY_ASKED_PLANS);

export interface AnswerKey {
  text: string;
  now: DateTime;
  prefix: string | undefined;
  canShare: boolean | undefined;
  extraHelp: readonly HelpEntry[] | undefined;
}

/**
 * The answer to the same words about the same plan within the same minute, computed once. Answers depend on
 * `now` only through "today" and comparisons with the plan's instants, which are whole minutes (times are
 * HH:mm, days start at midnight, zone offsets are whole minutes), so every instant of a minute gets the same
 * answer. Words are compared as the parser splits them. A small LRU per plan bounds the memory.
 */
export function rememberAnswer<T>(plan: Plan, key: AnswerKey, compute: () => T): T {
  const minute = Math.floor(key.now.toMillis() / MINUTE_MS);
  // An invalid instant has no minute: nothing to share it with.
  if (!Number.isFinite(minute)) return compute();
  const shares = key.canShare === false ? 'no-share' : '';
  const id = `${minute}\u0000${key.prefix ?? ''}\u0000${shares}\u0000${key.text.trim().replace(/\s+/g, ' ')}`;
  const answers = answersOf(plan);
  const known = answers.get(id);
  if (known && sameEntries(known.extraHelp, key.extraHelp)) {
    // Most recently used last, so the first key is the one to drop.
    answers.delete(id);
    answers.set(id, known);
    return known.value as T;
  }
  const value = compute();
  answers.delete(id);
  answers.set(id, { extraHelp: key.extraHelp && [...key.extraHelp], value });
  if (answers.size > MAX_ANSWERS_PER_PLAN) answers.delete(answers.keys().next().value!);
  return value;
}

/**
 * Whether two lists of help entries say the same. Compared by what they say, not by identity: callers build
 * the list for each request (the staff words' entries are made afresh every time), and compared by identity
 * no request ever found its answer again.
 */
function sameEntries(a: readonly HelpEntry[] | undefined, b: readonly HelpEntry[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((entry, i) => sameEntry(entry, b[i]!));
}

const sameEntry = (a: HelpEntry, b: HelpEntry): boolean =>
  a === b ||
  (a.name === b.name && a.args === b.args && a.description === b.description && a.example === b.example);
