import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'node-html-parser';
import { tableGrid } from '../../src/importer/html-grid.ts';
import { readPage, type ImportResult } from '../../src/importer/import-schedule.ts';
import { parseLead } from '../../src/importer/parse-lead.ts';
import { parseTimeAt } from '../../src/importer/parse-time.ts';
import type { PlanInput } from '../../src/plan/schema.ts';

/**
 * Words of a page's rows that reached neither the plan nor the review: each must be a bug, since the
 * importer may reword a row but never lose a piece of it silently.
 *
 * A row's words are read from the source again, independently of the importer's column mapping (so a
 * column it ignores shows up here). A word counts as placed when it appears, normalised, in the row's
 * session, in an event of that row or of a date the row names, or in a review item about the row's lines.
 */
export function unplacedWords(text: string, result: ImportResult): { line: number; words: string[] }[] {
  const read = readPage(text, result.format);
  const source = sourceRows(text, result.format);
  const found: { line: number; words: string[] }[] = [];
  for (const item of read.items) {
    if (item.kind !== 'row') continue;
    const lines = [item.row.line];
    for (const other of read.items) {
      if (other.kind === 'skipped' && other.why === `joined to the row on line ${item.row.line}`)
        lines.push(other.line);
    }
    const rowText = lines.map((l) => source.get(l) ?? '').join(' ');
    const rowWords = tokens(rowText);
    const placed = new Set([
      ...lines.flatMap((l) => result.review.filter((r) => r.line === l).flatMap((r) => tokens(r.message))),
      ...placedWords(result.plan, item.row.date, rowWords),
    ]);
    const missing = rowWords.filter((w) => !placed.has(w) && !IGNORED.has(w));
    if (missing.length) found.push({ line: item.row.line, words: [...new Set(missing)] });
  }
  return found;
}

// Words that carry no content of their own, and the ones the importer replaces on purpose: release verbs
// become "released", deadline verbs "due", and "title of paper you intend to present" is "Paper title due".
const IGNORED = new Set('a an the of to and or for on in at by is are you your with'.split(' '));
const SYNONYMS: Record<string, string> = {
  posted: 'released',
  out: 'released',
  assigned: 'released',
  available: 'released',
  send: 'due',
  submit: 'due',
  upload: 'due',
  email: 'due',
  intend: 'due',
  present: 'due',
};
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LONG_NAMES: Record<string, string> = Object.fromEntries(
  [
    'january jan',
    'february feb',
    'march mar',
    'april apr',
    'june jun',
    'july jul',
    'august aug',
    'sept sep',
    'september sep',
    'october oct',
    'november nov',
    'december dec',
    'mo mon',
    'monday mon',
    'tu tue',
    'tues tue',
    'tuesday tue',
    'we wed',
    'weds wed',
    'wednesday wed',
    'th thu',
    'thur thu',
    'thurs thu',
    'thursday thu',
    'fr fri',
    'friday fri',
    'sa sat',
    'saturday sat',
    'su sun',
    'sunday sun',
  ].map((pair) => pair.split(' ')),
);

/** Lower-case words without the punctuation around them; times become HH:mm, months and weekdays short names. */
export function tokens(text: string): string[] {
  const timed = text.replace(
    /\b(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)|noon|midnight)(?!\w)/gi,
    (t) => ` ${parseTimeAt(t)?.time ?? t} `,
  );
  return timed
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/[\s/|,;()[\]"*`!?&+\-–—]+|\.(?=\s|$)/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .map((w) => {
      const word = LONG_NAMES[w] ?? SYNONYMS[w] ?? w;
      return word.replace(/^0+(?=\d)/, '').replace(/(?<=\d)(?:st|nd|rd|th)$/, '');
    });
}

/** The words the plan holds for a row: its session, its events, and the days and class number it names. */
function placedWords(plan: PlanInput, dateCell: string, rowWords: string[]): string[] {
  const mdy = parseLead(dateCell, { dotted: true });
  const dmy = parseLead(dateCell, { dotted: true, order: 'dmy' });
  // A page that writes the day first ("16/9") had its dates read so: try that reading too.
  const heldOn = (l: typeof mdy) =>
    l !== null &&
    plan.sessions.some((s) =>
      s.date.endsWith(`-${String(l.date.month).padStart(2, '0')}-${String(l.date.day).padStart(2, '0')}`),
    );
  const lead = heldOn(mdy) || !heldOn(dmy) ? mdy : dmy;
  if (!lead) return [];
  const monthDay = (iso: string) => iso.slice(5);
  const key = (d: { month: number; day: number }) =>
    `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const first = key(lead.date);
  const last = lead.until ? key(lead.until) : first;
  // A range across New Year ("Dec 22 – Jan 2") wraps around the year.
  const inRange = (md: string) => (first <= last ? md >= first && md <= last : md >= first || md <= last);
  const sessions = plan.sessions.filter((s) => inRange(monthDay(s.date)));
  const numbers = new Set(sessions.map((s) => s.number).filter((n) => n !== null));
  const named = (iso: string) => {
    const [, m, d] = iso.split('-').map(Number) as [number, number, number];
    return (
      (rowWords.includes(MONTHS[m - 1]!) || rowWords.includes(String(m))) && rowWords.includes(String(d))
    );
  };
  const events = (plan.events ?? []).filter(
    (e) =>
      (e.session !== undefined && numbers.has(e.session)) ||
      sessions.some((s) => s.date === e.date) ||
      named(e.date) ||
      // "due" and "released" may come from the column's header, not the row.
      tokens(e.title.replace(/\s+(?:due|released)$/, '')).every((w) => rowWords.includes(w)),
  );
  const words: string[] = [];
  for (const s of sessions) {
    words.push(...tokens([s.topic, s.noClass ?? '', s.section ?? '', s.notes ?? ''].join(' ')));
    for (const r of s.readings ?? []) words.push(...tokens(`${r.title} ${r.url ?? ''}`));
    for (const p of s.presentations ?? []) words.push(...tokens(`${p.presenters.join(' ')} ${p.title}`));
    words.push(...dateWords(s.date), 'class', 'lecture', 'week');
    if (s.number !== null) words.push(String(s.number));
    if (s.noClass) words.push('no', 'class', 'classes', 'cancelled', 'canceled');
  }
  for (const e of events) words.push(...tokens(`${e.title} ${e.time ?? ''}`), ...dateWords(e.date));
  // The date as the cell writes it ("8.27", "16/9"), when it became a session.
  if (sessions.length) words.push(...tokens(dateCell.slice(0, dateCell.length - lead.rest.length)));
  return words;
}

function dateWords(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return [String(y), String(y % 100), String(m), String(d), MONTHS[m - 1]!, WEEKDAYS[(weekday + 6) % 7]!];
}

// A week number is page structure: the dates say it again, so the plan has no place for it.
const isWeek = (header: string) => /^\s*(?:week|wk)\b/i.test(header);
const withoutWeeks = (cells: string[], headers: string[]) =>
  cells.filter((_, i) => !isWeek(headers[i] ?? ''));

/** The text of each source row by its first line, read without the importer's column mapping. */
function sourceRows(text: string, format: ImportResult['format']): Map<number, string> {
  const rows = new Map<number, string>();
  if (format === 'html') {
    const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
    const trs = parseHtml(text.replace(/<br\s*\/?>/gi, (t) => ' '.repeat(t.length))).querySelectorAll('tr');
    const grid = tableGrid(trs);
    const header = grid.find((r) => r.cells.some((c) => /^(?:date|day)s?$/i.test(c.trim())))?.cells ?? [];
    for (const row of grid) rows.set(lineAt(row.tr.range[0]), withoutWeeks(row.cells, header).join(' | '));
  } else if (format === 'csv' || format === 'tsv') {
    const records = parseCsv(text, {
      delimiter: format === 'csv' ? ',' : '\t',
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const header = records[0]?.record ?? [];
    for (const { record, info } of records) {
      const line = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
      // Cells may be written in HTML: their words are what a reader sees.
      const cells = record.map((c) =>
        /<[a-z/]/i.test(c) ? parseHtml(c.replace(/<[^>]*>/g, ' ')).textContent : c,
      );
      rows.set(line, withoutWeeks(cells, header).join(' | '));
    }
  } else if (format === 'markdown') {
    const lines = text.split(/\r?\n/);
    const cells = (line: string) => line.replace(/^\s*\||\|\s*$/g, '').split('|');
    const header = cells(lines.find((l) => l.includes('|')) ?? '');
    lines.forEach((line, i) => rows.set(i + 1, withoutWeeks(cells(line), header).join(' | ')));
  } else {
    text.split(/\r?\n/).forEach((line, i) => rows.set(i + 1, line));
  }
  return rows;
}
