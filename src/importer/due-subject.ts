/** Who a "… due" note is about: the words before "due", or the work of the note just before it. */

import type { NoteSpan } from './find-notes.ts';

/** "(HW3 " → "HW3"; "and " → "". */
export function cleanSubject(text: string): string {
  return text
    .trim()
    .replace(/[\s,:;(]+$/, '')
    .replace(/^\(+\s*/, '')
    .replace(/\s*\([^()]*\)$/, '')
    .replace(/^(?:and|&)(?:\s+|$)/i, '')
    .trim();
}

/** The note just before `at` when only a separator stands between them: "HW3 out, due", "HW2 out (due". */
export function workBefore(text: string, at: number, taken: NoteSpan[]): NoteSpan | undefined {
  const previous = taken.filter((s) => s.end <= at && s.work).sort((a, b) => b.end - a.end)[0];
  if (!previous) return undefined;
  return /^[\s,;(]*(?:(?:and|&)\s+)?\(?\s*$/i.test(text.slice(previous.end, at)) ? previous : undefined;
}

const QUALIFIER =
  /^(?:Mini|Full|Final|Extra|Bonus|Optional|Late|Group|Team|Individual|Short|Long|Written|Programming|Reading|Warm-up|Practice)$/;

/** Walks back over lower-case words before "due" to the capitalised word that starts the note. */
export function subjectStart(text: string, dueAt: number, taken: NoteSpan[]): number {
  // A subject is a few words: looking further back than that would make a long line quadratic.
  const floor = Math.max(0, dueAt - 200, lastEndBefore(taken, dueAt));
  const words = [...text.slice(floor, dueAt).matchAll(/\S+/g)].reverse();
  let start = dueAt;
  let inParens = false;
  let own = 0;
  for (const [i, w] of words.entries()) {
    // "Mini HW1 (PDF) due": a one-word remark in parentheses is passed over as a longer one is below.
    // "WS9 (Ch 8) (due …": the "(" that opens the note itself comes first and is passed over.
    const first = i === 0 || (i === 1 && words[0]![0] === '(');
    if (w[0] === '(' || (first && /^\([^()\s]*\)$/.test(w[0]))) continue;
    // What the work's name is followed by in parentheses ("Mini HW1 (PDF, sql) due") is passed over.
    if (first && /^[^(]*\)$/.test(w[0]) && !/^\(/.test(w[0])) {
      inParens = true;
      continue;
    }
    if (inParens) {
      if (i >= 8) break;
      inParens = !w[0].startsWith('(');
      continue;
    }
    // Six words of the subject itself, whatever parentheses were passed over.
    if (/[,;:)]$/.test(w[0]) || own >= 6) break;
    own += 1;
    start = floor + w.index;
    if (!/^[a-z0-9&#]/.test(w[0])) {
      // "Mini HW1", "Full HW2", "Final Project 3": a word that says which of the work is part of its name.
      const before = words[i + 1];
      if (before && QUALIFIER.test(before[0]) && /\d/.test(w[0] + (words[i - 1]?.[0] ?? '')))
        start = floor + before.index;
      // "Part II of course lexicon due": a Roman numeral numbers the word before it.
      else if (before && /^(?:I{1,3}|IV|VI{0,3}|IX|X)$/.test(w[0]) && /^\p{Lu}\p{Ll}+$/u.test(before[0]))
        start = floor + before.index;
      break;
    }
  }
  return start;
}

/**
 * Who is due when the words before "due" are only a list of problem numbers ("…, 38, 41. Due Sept 6",
 * "Problems 4, 8, 30 (explain why) due Monday"): the piece of work named earlier in the same stretch of
 * text ("Homework 1 Section 12.1: 3, 8 … Due"), else the list with the words that name it ("Section 1.2:
 * Problems 4, 8, 30"). Null when the words before "due" are no such list.
 */
export function listSubject(
  text: string,
  dueAt: number,
  taken: NoteSpan[],
  work: RegExp,
): { start: number; subject: string } | null {
  // As in subjectStart: a bounded look back keeps a long line linear.
  const floor = Math.max(0, dueAt - 300, lastEndBefore(taken, dueAt));
  const tokens = [...text.slice(floor, dueAt).matchAll(/\S+/g)].reverse();
  let at = 0;
  // A remark in parentheses between the list and "due" is passed over.
  if (/\)$/.test(tokens[0]?.[0] ?? '')) {
    const open = tokens.findIndex((t, i) => i < 12 && t[0].startsWith('('));
    if (open < 0) return null;
    at = open + 1;
  }
  let start: number | undefined;
  let numbers = 0;
  for (const t of tokens.slice(at, at + 40)) {
    if (/^\p{Lu}\p{Ll}+$/u.test(t[0])) start = floor + t.index;
    else if (/^\d[\w.:-]*[,;.]?$/.test(t[0])) numbers += 1;
    else if (!/^(?:and|&)$/.test(t[0])) break;
  }
  if (numbers === 0 || start === undefined) return null;
  const stretch = text.slice(start, dueAt);
  const named = [...stretch.matchAll(new RegExp(work.source, 'gi'))].at(-1);
  if (named) return { start: start + named.index, subject: named[0].replace(/\s+/g, ' ') };
  const subject = cleanSubject(stretch);
  return /^\p{Lu}/u.test(subject) ? { start, subject } : null;
}

/** Where the last note ending before `at` ends (0 if none): a loop, since a long line has many notes. */
function lastEndBefore(taken: NoteSpan[], at: number): number {
  let end = 0;
  for (const span of taken) if (span.end <= at && span.end > end) end = span.end;
  return end;
}
