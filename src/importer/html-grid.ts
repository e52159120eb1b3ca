import type { HTMLElement } from 'node-html-parser';
import { elementsNamed } from './html-walk.ts';
import { cleanText, type CellLink } from './rows.ts';

const LINK = new Set(['a']);

/** A row of an HTML table laid out on its columns, with the cells that span rows and columns placed. */
export interface GridRow {
  tr: HTMLElement;
  cells: string[];
  links: CellLink[];
  /** How many cells the row itself has (a colspan row has one). */
  own: number;
  /** Columns whose cell is carried down from a row above by its rowspan, with that cell's text. */
  carried: Map<number, string>;
}

const span = (cell: HTMLElement, name: string) =>
  Math.max(1, Math.min(100, Number.parseInt(cell.getAttribute(name) ?? '1', 10) || 1));

/**
 * Lays the rows of a table out on a grid, so that a cell after a rowspan'd one lands in its own column. A
 * cell spanning rows gives its text to its first row only; the later rows know the column was carried.
 */
export function tableGrid(rows: HTMLElement[]): GridRow[] {
  const pending = new Map<number, { left: number; text: string }>();
  return rows.map((tr) => {
    const cells: string[] = [];
    const carried = new Map<number, string>();
    const own = tr.childNodes.filter((n): n is HTMLElement => isCell(n));
    let column = 0;
    const skipCarried = () => {
      while ((pending.get(column)?.left ?? 0) > 0) {
        carried.set(column, pending.get(column)!.text);
        cells[column] = '';
        column += 1;
      }
    };
    for (const cell of own) {
      skipCarried();
      const rowspan = span(cell, 'rowspan');
      const colspan = span(cell, 'colspan');
      cells[column] = cleanText(cell.textContent);
      for (let i = 0; i < colspan; i += 1) {
        if (i > 0) cells[column + i] = '';
        if (rowspan > 1) pending.set(column + i, { left: rowspan, text: i === 0 ? cells[column]! : '' });
      }
      column += colspan;
    }
    skipCarried();
    for (const [at, cell] of pending) pending.set(at, { ...cell, left: cell.left - 1 });
    const links = elementsNamed(tr, LINK)
      .filter((a) => a.getAttribute('href') !== undefined)
      .map((a) => ({ text: cleanText(a.textContent), url: a.getAttribute('href') ?? '' }))
      // Relative links are kept (they are resolved against the page's address); anchors and mail are not readings.
      .filter((l) => l.url !== '' && !/^(?:#|mailto:|javascript:|tel:)/i.test(l.url));
    return { tr, cells: Array.from(cells, (c) => c ?? ''), links, own: own.length, carried };
  });
}

function isCell(node: unknown): boolean {
  const tag = (node as { rawTagName?: string }).rawTagName?.toLowerCase();
  return tag === 'td' || tag === 'th';
}
