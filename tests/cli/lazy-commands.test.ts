// Each command loads only what it needs: answering or checking a plan from the terminal must not pay for
// Bolt, the database, the file watcher, the scheduler or the importer's parsers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORDER = join(import.meta.dirname, 'fixtures', 'record-modules.mjs');
const PLAN = join(ROOT, 'tests', 'fixtures', 'plans', 'cs599-fall-2025.json');
const HEAVY = [
  '@slack',
  'better-sqlite3',
  'chokidar',
  'node-cron',
  'node-html-parser',
  'csv-parse',
  'undici',
];
const scratch = mkdtempSync(join(tmpdir(), 'coursebot-modules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The packages (folder names under node_modules) a run of `coursebot ...args` loaded. */
function packagesLoadedBy(...args: string[]): Set<string> {
  const record = join(scratch, `${args[0]}.txt`);
  const result = spawnSync(
    process.execPath,
    ['--import', RECORDER, join(ROOT, 'bin', 'coursebot.js'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, RECORD_MODULES_TO: record, COURSEBOT_DB: join(scratch, 'coursebot.db') },
    },
  );
  expect(result.stderr).toBe('');
  const found = readFileSync(record, 'utf8').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  return new Set([...found].map((m) => m[1]!.split('/')[0]!));
}

describe('a command loads only its own modules', () => {
  it('ask loads no Slack, database, watcher, scheduler or importer package', () => {
    const loaded = packagesLoadedBy('ask', 'next', '--now', '2025-10-13T18:00-04:00', '--schedule', PLAN);
    expect(loaded).toContain('luxon');
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('validate loads none of them either', () => {
    const loaded = packagesLoadedBy('validate', PLAN);
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('history loads the database driver (the recording sees CommonJS packages)', () => {
    // A database to read: without one, history says so without loading the driver.
    openDatabase(join(scratch, 'coursebot.db')).close();
    const loaded = packagesLoadedBy('history', '--schedule', PLAN);
    expect(loaded).toContain('better-sqlite3');
    expect(loaded.has('@slack')).toBe(false);
  });
});
