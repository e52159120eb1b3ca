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

/** Walks back over lower-case words before "due" to the capitalised word that starts the note. */
export function subjectStart(text: string, dueAt: number, taken: NoteSpan[]): number {
  // A subject is a few words: looking further back than that would make a long line quadratic.
  const floor = Math.max(0, dueAt - 200, ...taken.filter((s) => s.end <= dueAt).map((s) => s.end));
  const words = [...text.slice(floor, dueAt).matchAll(/\S+/g)].reverse();
  let start = dueAt;
  let inParens = false;
  for (const [i, w] of words.entries()) {
    if (w[0] === '(') continue;
    // What the work's name is followed by in parentheses ("Mini HW1 (PDF, sql) due") is passed over.
    if (i === 0 && /^[^(]*\)$/.test(w[0]) && !/^\(/.test(w[0])) {
      inParens = true;
      continue;
    }
    if (inParens) {
      if (i >= 8) break;
      inParens = !w[0].startsWith('(');
      continue;
    }
    if (/[,;:)]$/.test(w[0]) || i >= 6) break;
    start = floor + w.index;
    if (!/^[a-z0-9&#]/.test(w[0])) break;
  }
  return start;
}
