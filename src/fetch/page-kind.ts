import type { ImportFormat } from '../importer/rows.ts';

/** What a fetched page is instead of a schedule, when it plainly is not one. */
export type NotSchedule = 'login' | 'no-dates';

// Words a sign-in page shows; a schedule that links to "Log in to Gradescope" has dates, so it still passes.
const SIGN_IN = /\b(?:sign|log)[\s-]?(?:in|on)\b|\blogin\b|\bsingle sign-on\b|\bauthenticat(?:e|ion)\b/i;
const PASSWORD_INPUT = /<input\b[^<>]*\btype\s*=\s*["']?password\b/i;

/** Drops `<script>` and `<style>` blocks by searching for their ends, so unclosed ones stay linear too. */
function withoutScripts(html: string): string {
  const open = /<(script|style)\b/gi;
  const close: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
  let kept = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    kept += html.slice(from, m.index);
    const end = close[m[1]!.toLowerCase()]!;
    end.lastIndex = open.lastIndex;
    // An unclosed script runs to the end of the page, as a browser reads it.
    if (!end.exec(html)) return kept;
    from = html.indexOf('>', end.lastIndex) + 1 || html.length;
    open.lastIndex = from;
  }
  return kept + html.slice(from);
}

/** The page's text as a reader sees it: for HTML, without scripts, styles and tags. */
function visibleText(text: string, format: ImportFormat): string {
  if (format !== 'html') return text;
  // A tag is `<` up to the next `>` with no `<` inside: linear however many tags are left unclosed.
  return withoutScripts(text)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ');
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
// Deliberately loose: this only tells a page with no date at all; the importer decides what each one is.
// Every quantifier is bounded, so no input makes it backtrack.
const ANY_DATE = new RegExp(
  [
    `\\b${MONTH}[\\s,]{0,3}\\d{1,2}(?!\\d)`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?[\\s.-]{0,3}${MONTH}`,
    '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
    '\\b\\d{1,2}[/.-]\\d{1,2}\\b',
  ].join('|'),
  'i',
);

/** Whether the text holds anything written like a date ("Sep 2", "2 Sept", "9/2", "8.27", "2025-09-02"). */
export function hasDate(text: string): boolean {
  return ANY_DATE.test(text);
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
