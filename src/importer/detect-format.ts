import { UserError } from '../util/user-error.ts';
import { hasDateColumn } from './columns.ts';
import type { ImportFormat } from './rows.ts';

/** The first lines that hold something, for sniffing. */
function firstLines(text: string, count: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, count);
}

/**
 * Tells the format from the content: HTML by its tags, Markdown by a pipe table, CSV/TSV by a header line
 * that names a date column, and flattened page text otherwise.
 */
export function detectFormat(text: string): ImportFormat {
  if (!text.trim()) throw new UserError('cannot import: the file is empty; pass the saved schedule page');
  if (text.includes('\u0000')) {
    throw new UserError(
      'cannot import: unknown format, this is not a text file; pass the page as HTML or text',
    );
  }
  const head = text.slice(0, 4000);
  if (/<(?:!doctype\s+html|html|table|body|tr)[\s>]/i.test(head) || /<table[\s>]/i.test(text)) return 'html';
  const lines = firstLines(text, 60);
  if (lines.some((l, i) => l.includes('|') && /^\s*\|?\s*:?-{2,}:?\s*\|/.test(lines[i + 1] ?? '')))
    return 'markdown';
  // A pipe table without its |---| line: a header naming a date column, then rows with pipes.
  const pipeHeader = lines.findIndex(
    (l) => (l.match(/\|/g) ?? []).length >= 2 && hasDateColumn(pipeCells(l)),
  );
  if (pipeHeader >= 0 && (lines[pipeHeader + 1] ?? '').includes('|')) return 'markdown';
  for (const [format, delimiter] of [
    ['tsv', '\t'],
    ['csv', ','],
  ] as const) {
    const header = lines.find((l) => l.includes(delimiter));
    const cells = header?.split(delimiter).map((c) => c.replace(/^\s*"?|"?\s*$/g, '')) ?? [];
    if (cells.length >= 2 && cells.every((c) => c.length <= 40) && hasDateColumn(cells)) return format;
  }
  return 'text';
}

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}
