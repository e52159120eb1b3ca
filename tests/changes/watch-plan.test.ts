// Reloading schedule.json while the bot runs: bursts of writes cause one reload, a broken file keeps the last
// good plan with validate's messages, and revisions stay applied over the new file.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRevisionLog } from '../../src/changes/revision-log.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { renderText } from '../../src/content/render-text.ts';
import type { Content } from '../../src/content/content.ts';
import { watchPlan, type PlanWatcher } from '../../src/files/watch-plan.ts';
import { cs599, FIXTURE_PATH, MONDAY } from './plan-fixture.ts';
import { until } from '../support/until.ts';

const original = readFileSync(FIXTURE_PATH, 'utf8');
const withTopic = (topic: string) =>
  original.replace('"Structured state space models"', JSON.stringify(topic));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let path: string;
let watcher: PlanWatcher | undefined;
let source: RevisedPlanSource;
let announced: Content[];
let logged: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-watch-'));
  path = join(dir, 'schedule.json');
  writeFileSync(path, original);
  source = new RevisedPlanSource(cs599(), memoryRevisionLog());
  await source.commit(
    { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false },
    'U1',
    MONDAY,
    0,
  );
  announced = [];
  logged = [];
  const log = {
    info: (l: string) => logged.push(`info ${l}`),
    warn: (l: string) => logged.push(`warn ${l}`),
    error: (l: string) => logged.push(`error ${l}`),
  };
  watcher = await watchPlan({
    path,
    source,
    log,
    announce: (_id, c) => void announced.push(c),
    now: () => MONDAY,
    debounceMs: 150,
  });
});
afterEach(async () => {
  await watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watchPlan', () => {
  it('reloads once after a burst of three writes, keeps revisions and announces the difference', async () => {
    const version = source.version;
    for (const topic of ['SSMs', 'SSMs and S4', 'State space models']) {
      writeFileSync(path, withTopic(topic));
      await sleep(30);
    }
    await until(() => announced.length > 0);
    await sleep(400);
    await watcher!.settled();
    expect(source.version).toBe(version + 1);
    expect(announced.map(renderText)).toEqual([
      '  Class 16 on Tue Oct 28 is now about State space models (was: Structured state space models).',
    ]);
    expect(source.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    // The edit is in the history, so the next start compares the file with it.
    expect((await source.history()).at(-1)).toMatchObject({
      kind: 'file',
      author: 'schedule.json',
      summary: 'schedule.json edited',
    });
  });

  it('keeps the last good plan when the file is broken, logging what validate says', async () => {
    const before = source.current();
    writeFileSync(path, '{ "course": ');
    await until(() => logged.some((l) => l.includes('not a valid plan')));
    await watcher!.settled();
    expect(source.current()).toBe(before);
    expect(announced).toEqual([]);
    expect(logged).toEqual([
      `warn ${path} changed but is not a valid plan; keeping the last good plan. Fix these and save again:`,
      `warn ${path}:1: not valid JSON: expected a value`,
    ]);
    // Fixed by an editor that saves through a temporary file and a rename.
    writeFileSync(`${path}.tmp`, withTopic('State space models'));
    renameSync(`${path}.tmp`, path);
    await until(() => announced.length > 0);
    expect(source.current().sessions.find((s) => s.number === 16)!.topic).toBe('State space models');
  });

  it('ignores a save that changes nothing', async () => {
    const version = source.version;
    writeFileSync(path, original);
    await sleep(500);
    await watcher!.settled();
    expect(source.version).toBe(version);
    expect(announced).toEqual([]);
  });
});
