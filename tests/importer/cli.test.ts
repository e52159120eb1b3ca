import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'tests/fixtures/importer', name);
const scratch = mkdtempSync(join(tmpdir(), 'coursebot-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function coursebot(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/coursebot.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, COURSEBOT_NOW: '2025-08-20T12:00:00-04:00' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('coursebot import', () => {
  it('prints the plan on stdout and the review on stderr, exit 0', () => {
    const run = coursebot('import', fixture('course-page.txt'), '--timezone', 'America/New_York');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      readFileSync(join(root, 'tests/fixtures/golden/course-page.import.json'), 'utf8'),
    );
    expect(run.stdout.startsWith('{\n  "$schema": "./schedule.schema.json",')).toBe(true);
    expect(run.stderr).toBe(
      [
        'Imported course-page.txt as text: year 2025 (Thanksgiving on Nov 27; classes on Tue and Thu).',
        'CS 599 E1, Fall 2025: 27 classes, 2 day(s) without class, 6 events.',
        'Please check 2 item(s) the importer was unsure of:',
        '  course-page.txt:15: Class 6 (Sep 18): no readings found: kept "Backprop module formulas" as the topic',
        '  course-page.txt:17: Class 8 (Sep 25): the readings were taken to start at "low memory", which repeats words of the topic',
        '',
      ].join('\n'),
    );
  });

  it('writes -o, and will not overwrite it without --force', () => {
    const out = join(scratch, 'plan.json');
    const args = [
      'import',
      fixture('fall.md'),
      '--timezone',
      'America/Chicago',
      '--term',
      'Fall 2025',
      '-o',
      out,
    ];
    const first = coursebot(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(
      `CS 350, Fall 2025: 6 classes, 1 day(s) without class, 3 events, written to ${out}.`,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).course.timezone).toBe('America/Chicago');
    writeFileSync(out, '{"hand": "edited"}');
    const second = coursebot(...args);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `${out} already exists: pass --force to overwrite it (hand edits in it would be lost)\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('{"hand": "edited"}');
  });

  it('exits 1 with the fix when the year cannot be told; --year settles it', () => {
    const run = coursebot('import', fixture('undecidable.txt'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cannot tell the year of this page: no named holiday or weekday pattern decides it; pass --year 2025\n' +
        '(its dates fit 2024, 2025, 2026 equally well)\n',
    );
    const fixed = coursebot(
      'import',
      fixture('undecidable.txt'),
      '--year',
      '2025',
      '--code',
      'CS 1',
      '--title',
      'T',
    );
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).sessions[0].date).toBe('2025-09-02');
  });

  it('rejects an unknown format and a missing file in one line', () => {
    const format = coursebot('import', fixture('fall.md'), '--format', 'pdf');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain(
      "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, html, markdown, csv, tsv.",
    );
    const missing = coursebot('import', join(scratch, 'nope.html'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${join(scratch, 'nope.html')}: file not found\n`);
  });

  it('--help lists every option and an example', () => {
    const run = coursebot('import', '--help');
    expect(run.code).toBe(0);
    for (const option of [
      '-o, --output',
      '--format',
      '--year',
      '--timezone',
      '--code',
      '--title',
      '--term',
      '--force',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain(
      'coursebot import course-page.txt --timezone America/New_York -o schedule.json',
    );
  });
});
