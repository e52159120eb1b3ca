import type { Presentation, Reading } from '../plan/schema.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NONE = /^(none|-|—)$/i;

/** Items separated by ";" when there is one (titles often hold commas), else by ",". */
function items(text: string): string[] {
  const separator = text.includes(';') ? ';' : ',';
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Readings as staff type them: `Switch Transformer, DeepSeek-V3 https://arxiv.org/abs/2412.19437`. A URL,
 * bare or as Slack sends it (`<https://…>` or `<https://…|label>`), becomes the reading's link.
 */
export function parseReadings(text: string): Parsed<Reading[]> {
  if (NONE.test(text.trim())) return { ok: true, value: [] };
  const readings: Reading[] = [];
  for (const item of items(
    text.replace(/<(https?:[^>|]+)\|([^>]*)>/g, '$2 $1').replace(/<(https?:[^>]+)>/g, '$1'),
  )) {
    const m = /^(.*?)\s*(https?:\/\/\S+)$/.exec(item);
    const title = (m ? m[1]! : item).trim();
    const url = m?.[2];
    if (!title && !url) continue;
    readings.push(url ? { title: title || url, url } : { title });
  }
  return readings.length > 0
    ? { ok: true, value: readings }
    : { ok: false, message: 'Write the readings separated by commas, or "none".' };
}

/** Presentations as on the course page: `CG, OO: DeepSeek-v3; YK: LLaMA`, or "none". */
export function parsePresentations(text: string): Parsed<Presentation[]> {
  if (NONE.test(text.trim())) return { ok: true, value: [] };
  const presentations: Presentation[] = [];
  for (const item of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^:]+):\s*(.+)$/.exec(item);
    const presenters = m
      ? m[1]!
          .split(/[,&]|\band\b/)
          .map((p) => p.trim())
          .filter(Boolean)
      : [];
    if (!m || presenters.length === 0) {
      return {
        ok: false,
        message: `"${item}" names no presenters: write \`CG, OO: Paper title; YK: Other paper\`, or "none".`,
      };
    }
    presentations.push({ presenters, title: m[2]!.trim() });
  }
  return presentations.length > 0
    ? { ok: true, value: presentations }
    : { ok: false, message: 'Write the presentations as `CG, OO: Paper title; YK: Other paper`, or "none".' };
}
