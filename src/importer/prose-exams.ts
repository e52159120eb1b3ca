import { cellText } from './cell-html.ts';
import { findNotes, type EventDraft } from './find-notes.ts';
import { isoDate, yearOffsets } from './infer-year.ts';
import { readWhen } from './note-when.ts';
import { describePageDate } from './parse-date.ts';
import type { ReviewItem } from './review.ts';
import type { RowMeaning } from './understand-row.ts';

/** An exam the page dates in its prose, outside the schedule's rows. */
export interface ProseExam {
  line: number;
  draft: EventDraft & { date: NonNullable<EventDraft['date']> };
  /** The sentence as written, for the review line. */
  words: string;
}

// "Midterm 2 takes place on: December 1", "The final exam will take place on December 17th",
// "Exam 1 is on Monday, Oct 16", "Final exam: Wed Dec 13, 8am".
const SAYS_WHEN =
  /^\s*(?:(?:will\s+)?(?:takes?\s+place|be\s+held|is\s+(?:held|scheduled)|is|will\s+be)\b\s*)?(?:on|for)?\s*:?/i;
const DENIED = /\bno\s+(?:mid-?term|final|exam|quiz|test)/i;
const MAX_LINE = 2000;

/**
 * Exams dated in sentences around the schedule ("Midterm 2 takes place on: December 1", a final exam only
 * named below the table). `lines` are the page's lines; `isRowLine` tells those that hold or continue a
 * row, whose exams the rows already give.
 */
export function proseExams(lines: string[], isRowLine: (line: number) => boolean): ProseExam[] {
  const found: ProseExam[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (isRowLine(line) || raw.length > MAX_LINE) return;
    const plain = cellText(raw)
      .text.replace(/\*\*|__|^[\s#>*•-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!plain || DENIED.test(plain)) return;
    // "The final exam takes place …": in a sentence about the exam itself, "the" does not make it a reference.
    const text = plain.replace(/\bthe\s+(?=(?:final|mid-?term)\b)/gi, '');
    for (const span of findNotes(text)) {
      if (span.event.kind !== 'exam') continue;
      let date = span.event.date;
      let time = span.event.time;
      if (!date) {
        const gap = SAYS_WHEN.exec(text.slice(span.end))!;
        const when = readWhen(text, span.end + gap[0].length);
        if (!when.date) continue;
        date = when.date;
        time = when.time;
      }
      const draft = { ...span.event, date, ...(time ? { time } : {}) };
      found.push({ line, draft, words: plain.length > 90 ? `${plain.slice(0, 87)}…` : plain });
    }
  });
  return found;
}

/**
 * Gives each exam dated in the prose, outside the rows, to the row it falls on or after (the first row
 * when it is before them all), unless a row already holds an exam that day. Returns the review lines.
 */
export function addProseExams(meanings: RowMeaning[], lines: string[], year: number): ReviewItem[] {
  if (meanings.length === 0) return [];
  // Lines among the rows are rows, their continuations or reported as skipped: only the prose around is read.
  const first = meanings.reduce((low, m) => Math.min(low, m.line), Infinity);
  const last = meanings.reduce((high, m) => Math.max(high, m.line), 0);
  const offsets = yearOffsets(meanings.map((m) => m.date));
  const dates = meanings.map((m, i) => isoDate(year + offsets[i]!, m.date));
  const start = meanings[0]!.date;
  const review: ReviewItem[] = [];
  for (const exam of proseExams(lines, (line) => line >= first && line <= last)) {
    const { month, day } = exam.draft.date;
    const iso = isoDate(year + (month < start.month - 6 ? 1 : 0), exam.draft.date);
    const held = meanings.some((m, i) =>
      m.events.some(
        (e) =>
          e.kind === 'exam' && (e.date ? e.date.month === month && e.date.day === day : dates[i] === iso),
      ),
    );
    if (held) continue;
    const at = dates.reduce((best, d, i) => (d <= iso ? i : best), 0);
    meanings[at]!.events.push(exam.draft);
    review.push({
      line: exam.line,
      message: `"${exam.draft.title}" on ${describePageDate(exam.draft.date)} read from the page's text ("${exam.words}"): check it`,
    });
  }
  return review;
}
