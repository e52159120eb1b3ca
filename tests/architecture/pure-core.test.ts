// The pure core (plan, importer, queries, reminders, content, changes) imports no Slack, no file system, no
// process and never reads the clock: only the shell does. This scan keeps it so.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = [
  'src/plan',
  'src/importer',
  'src/queries',
  'src/reminders',
  'src/content',
  'src/changes',
  'src/calendar-feed',
];
// Packages the core may use: validation, dates, and parsers of text it is handed (none does any I/O).
const ALLOWED_PACKAGES = new Set([
  'zod',
  'luxon',
  'chrono-node',
  'fastest-levenshtein',
  'jsonc-parser',
  'node-html-parser',
  'csv-parse/sync',
  // Writes iCalendar text from values it is given.
  'ical-generator',
]);
const FORBIDDEN: [RegExp, string][] = [
  [/\bprocess\./, 'reads process'],
  [/Date\.now\(|new Date\(\)|DateTime\.now\(|DateTime\.local\(\)/, 'reads the clock'],
];

function files(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the pure core', () => {
  it('has no I/O, no Slack and no clock', () => {
    const offences = PURE.flatMap(files).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const packages = [...text.matchAll(/^(?:import|export)\b[^'";()=]*?from ['"]([^'"]+)['"]/gm)]
        .map((m) => m[1]!)
        .filter((name) => !name.startsWith('.'));
      return [
        ...packages.filter((name) => !ALLOWED_PACKAGES.has(name)).map((name) => `${path} imports ${name}`),
        ...FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${path} ${what}`),
      ];
    });
    expect(offences).toEqual([]);
  });
});
