// The import command's URL branch in process: what it hands the importer for a fetched page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { page, redirect, startPageServer, type PageServer } from './page-server.ts';

vi.mock('../../src/importer/import-schedule.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/importer/import-schedule.ts')>();
  return { ...actual, importSchedule: vi.fn(actual.importSchedule) };
});

const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'coursebot-import-command-'));
let site: PageServer;
beforeAll(async () => {
  site = await startPageServer({
    '/cs101': redirect('/2025/fall/cs101/schedule.csv'),
    '/2025/fall/cs101/schedule.csv': page(
      readFileSync(join(root, 'tests/fixtures/importer/iso.csv'), 'utf8'),
      'text/csv',
    ),
  });
});
afterAll(async () => {
  await site.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('import <url>', () => {
  it('passes the final address as the base for relative links, and the format the fetch found', async () => {
    const out = join(scratch, 'plan.json');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let written: string[];
    try {
      await importCommand().parseAsync([site.url('/cs101'), '--timezone', 'UTC', '-o', out], {
        from: 'user',
      });
      written = stderr.mock.calls.map(([chunk]) => String(chunk));
    } finally {
      stderr.mockRestore();
    }
    const [text, options] = vi.mocked(importSchedule).mock.calls[0]!;
    expect(text).toContain('2025-09-02,1,"Intro, logistics"');
    expect(options).toMatchObject({ baseUrl: site.url('/2025/fall/cs101/schedule.csv'), format: 'csv' });
    expect(written.join('')).toMatch(/^Imported cs101 as csv: /);
    // The address as given is kept: it is the one the course announced, and redirects are followed again.
    expect(JSON.parse(readFileSync(out, 'utf8')).course.links).toEqual({ website: site.url('/cs101') });
  });
});
