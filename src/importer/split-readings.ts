import type { Reading } from '../plan/schema.ts';
import { cleanText, type CellLink } from './rows.ts';

/** Splits on commas and semicolons outside parentheses: "SVD (ch3), DeepSeek-V2 paper" → 2 items. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map(cleanText).filter(Boolean);
}

/**
 * The readings of a cell. Links found in the cell keep their urls; each link's text is one reading, and the
 * text between links is split into readings of its own.
 */
export function splitReadings(text: string, links: CellLink[] = []): Reading[] {
  const readings: Reading[] = [];
  let remaining = cleanText(text);
  const used = new Set<string>();
  for (const item of splitList(remaining)) {
    const free = links.filter((l) => !used.has(l.url) && cleanText(l.text));
    // "(Bengio+ 2003) paper" with only "paper" linked is still one reading, with that link.
    const link =
      free.find((l) => cleanText(l.text) === item) ?? free.find((l) => item.includes(cleanText(l.text)));
    if (link) used.add(link.url);
    readings.push(link ? { title: item, url: link.url } : { title: item });
  }
  // A link whose text spans a comma ("Mamba, Mamba2") was split above: rejoin it under its url.
  for (const link of links) {
    const title = cleanText(link.text);
    if (used.has(link.url) || !title || !remaining.includes(title)) continue;
    const parts = splitList(title);
    const at = readings.findIndex((r) => r.title === parts[0]);
    if (at >= 0 && parts.length > 1) readings.splice(at, parts.length, { title, url: link.url });
    used.add(link.url);
    remaining = remaining.replace(title, '');
  }
  return readings;
}
