import { parseDateAt } from '../importer/parse-date.ts';
import type { ImportFormat } from '../importer/rows.ts';

/** What a fetched page is instead of a schedule, when it plainly is not one. */
export type NotSchedule = 'login' | 'no-dates';

// Words a sign-in page shows; a schedule that links to "Log in to Gradescope" has dates, so it still passes.
const SIGN_IN = /\b(?:sign|log)[\s-]?(?:in|on)\b|\blogin\b|\bsingle sign-on\b|\bauthenticat(?:e|ion)\b/i;
const PASSWORD_INPUT = /<input\b[^<>]*\btype\s*=\s*["']?password\b/i;

/**
 * The page's text as a reader sees it: for HTML, without scripts, styles and tags. The patterns are
 * linear: a tag is `<` up to the next `>` with no `<` inside, so unclosed tags cannot make it quadratic.
 */
function visibleText(text: string, format: ImportFormat): string {
  if (format !== 'html') return text;
  return text
    .replace(/<(script|style)\b[^<>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ');
}

/**
 * Whether the text holds at least one date in a style the importer reads. Dates are tried only at word
 * starts with a digit close behind, so a 5 MB page without dates is still one pass.
 */
export function hasDate(text: string): boolean {
  const word = /[A-Za-z0-9]+/g;
  const digit = /\d/g;
  let nextDigit = -1;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (nextDigit < m.index) {
      digit.lastIndex = m.index;
      const d = digit.exec(text);
      if (!d) return false;
      nextDigit = d.index;
    }
    // The longest form before its digits is a weekday and a month name: "Wednesday, September 3".
    if (nextDigit - m.index > 24) continue;
    if (parseDateAt(text.slice(m.index, m.index + 60))) return true;
  }
  return false;
}

/**
 * Tells a page that is plainly not a schedule: a sign-in page (a password field or sign-in words, and no
 * dates), or a page with no dates at all. Anything else goes on to the importer, which reports what it
 * could not read.
 */
export function notSchedule(text: string, format: ImportFormat): NotSchedule | undefined {
  const visible = visibleText(text, format);
  if (hasDate(visible)) return undefined;
  return PASSWORD_INPUT.test(text) || SIGN_IN.test(visible) ? 'login' : 'no-dates';
}
