// `coursebot import <url>`: the real CLI against a course site on 127.0.0.1. The CLI runs as a child
// process without blocking this one, so the site in this process can answer it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, redirect, startPageServer, type PageServer } from './page-server.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/importer', name), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'coursebot-import-url-'));

function coursebot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/coursebot.js'), ...args],
      { cwd: root, timeout: 15_000, env: { ...process.env, COURSEBOT_NOW: '2025-08-20T12:00:00-04:00' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}

let site: PageServer;
beforeAll(async () => {
  site = await startPageServer({
    '/schedule.html': redirect('/courses/cs101/fall.html', 301),
    '/courses/cs101/fall.html': page(fixture('fall.html'), 'text/html; charset=utf-8'),
  });
});
afterAll(async () => {
  await site.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('coursebot import URL', () => {
  it('fetches the page, imports it as from a file, keeps the address, and the plan validates', async () => {
    const out = join(scratch, 'schedule.json');
    const address = site.url('/schedule.html');
    const run = await coursebot('import', address, '--timezone', 'America/New_York', '-o', out);
    expect(run.stderr).toBe(
      'Imported schedule.html as html: year 2025 (Thanksgiving on Nov 27; classes on Tue and Thu).\n' +
        `CS 101, Fall 2025: 6 classes, 1 day(s) without class, 6 events, written to ${out}.\n` +
        'Nothing needs a look.\n',
    );
    expect(run.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.course.links).toEqual({ website: address });
    expect(plan.sessions[0]).toMatchObject({ date: '2025-09-02', number: 1 });

    const validate = await coursebot('validate', out);
    expect(validate.stdout).toBe(`${out}: valid: CS 101, Fall 2025: 6 classes, 6 events\n`);
    expect(validate.code).toBe(0);
  });

  it('exits 1 with one line when the page cannot be had', async () => {
    const missing = await coursebot('import', site.url('/gone.html'));
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `${site.url('/gone.html')}: no page at this address: check it in a browser (HTTP 404 Not Found)\n`,
    });
  });
});
