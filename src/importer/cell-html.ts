import { parse } from 'node-html-parser';
import { cleanText, type CellLink } from './rows.ts';

/**
 * Line breaks and list items inside a cell separate words: "<br>" becomes a space and "</li>" a comma.
 * Each is replaced by as many characters, so offsets (and the line numbers in the review) stay the same.
 */
export function separateWords(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|div)>/gi, (tag) => ' '.repeat(tag.length))
    .replace(/<\/li>/gi, (tag) => `,${' '.repeat(tag.length - 1)}`)
    .replace(INLINE_TAG, (tag) => ' '.repeat(tag.length));
}

/**
 * Tags that only style or group text inside a cell. They are blanked out before parsing: the schedule
 * needs their words, not their nesting, and thousands of them left unclosed make the parser quadratic.
 */
const INLINE_TAG =
  /<\/?(?:b|i|u|s|em|strong|span|font|small|big|sup|sub|code|tt|mark|abbr|div|p|ul|ol|li|dl|dt|dd|section|article|center|label|nobr|wbr|img|hr|input|button|ins|del)\b[^<>]*>/gi;

/**
 * The words and links of a CSV or Markdown cell written in HTML (`<strong>Topic</strong><br /><ul><li>…`),
 * read as the HTML reader reads a table cell. A cell without tags is returned as it is.
 */
export function cellText(cell: string): { text: string; links: CellLink[] } {
  if (!/<[a-z/][^<>]*>/i.test(cell)) return { text: cell, links: [] };
  const root = parse(separateWords(cell), { comment: false });
  const links = root.querySelectorAll('a').flatMap((a) => {
    const url = a.getAttribute('href');
    return url ? [{ text: cleanText(a.textContent), url }] : [];
  });
  return { text: cleanText(root.textContent).replace(/^,\s*|,$/g, ''), links };
}
