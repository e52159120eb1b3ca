// A folder of plan files watched once: each file still reloads on its own (debounced, a broken file refused
// with validate's lines, a save without changes no edit, the reload announced once), and a file added while
// running is named for a restart.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryRevisionLog } from '../../src/changes/revision-log.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { renderText } from '../../src/content/render-text.ts';
import type { Content } from '../../src/content/content.ts';
import { planFolderWatchers, type PlanFolderWatchers } from '../../src/files/watch-plan-folder.ts';
import type { PlanWatcher } from '../../src/files/plan-reloader.ts';
import { cs599, FIXTURE_PATH, MONDAY } from '../changes/plan-fixture.ts';
import { until } from '../support/until.ts';

// The real fs.watch, counted: the point is how many watchers a folder costs.
const watchCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    watch: (...args: Parameters<typeof real.watch>) => {
      watchCalls.count += 1;
      return real.watch(...args);
    },
  };
});

const original = readFileSync(FIXTURE_PATH, 'utf8');
const withTopic = (topic: string) =>
  original.replace('"Structured state space models"', JSON.stringify(topic));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Course {
  path: string;
  source: RevisedPlanSource;
  announced: Content[];
  watcher: PlanWatcher;
}

let dir: string;
let folders: PlanFolderWatchers;
let logged: string[];
let courses: Course[];

const log = {
  info: (l: string) => logged.push(`info ${l}`),
  warn: (l: string) => logged.push(`warn ${l}`),
  error: (l: string) => logged.push(`error ${l}`),
};

async function course(name: string): Promise<Course> {
  const path = join(dir, name);
  writeFileSync(path, original);
  const source = new RevisedPlanSource(cs599(), memoryRevisionLog());
  const announced: Content[] = [];
  const watcher = await folders.watch({
    path,
    source,
    log,
    announce: (_id, c) => void announced.push(c),
    now: () => MONDAY,
    debounceMs: 150,
  });
  return { path, source, announced, watcher };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-folder-'));
  logged = [];
  watchCalls.count = 0;
  folders = planFolderWatchers(log);
  courses = [await course('cs599.json'), await course('cs600.json'), await course('cs601.json')];
});
afterEach(async () => {
  await folders.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('planFolderWatchers', () => {
  it('watches the folder once and reloads only the file that changed, once per burst', async () => {
    expect(watchCalls.count).toBe(1);
    const [edited, other] = courses as [Course, Course, Course];
    const versions = courses.map((c) => c.source.version);
    for (const topic of ['SSMs', 'SSMs and S4', 'State space models']) {
      writeFileSync(edited.path, withTopic(topic));
      await sleep(30);
    }
    await until(() => edited.announced.length > 0);
    await sleep(400);
    await Promise.all(courses.map((c) => c.watcher.settled()));
    expect(edited.source.version).toBe(versions[0]! + 1);
    expect(edited.announced.map(renderText)).toEqual([
      '  Class 16 on Tue Oct 28 is now about State space models (was: Structured state space models).',
    ]);
    expect(other.source.version).toBe(versions[1]);
    expect(other.announced).toEqual([]);
    expect(logged).toEqual([`info ${edited.path} reloaded: the changes are announced`]);
  });

  it('refuses a broken file with validate lines, keeps its last good plan, then takes the fixed one', async () => {
    const broken = courses[1]!;
    const before = broken.source.current();
    writeFileSync(broken.path, '{ "course": ');
    await until(() => logged.some((l) => l.includes('not a valid plan')));
    await broken.watcher.settled();
    expect(broken.source.current()).toBe(before);
    expect(logged).toEqual([
      `warn ${broken.path} changed but is not a valid plan; keeping the last good plan. Fix these and save again:`,
      `warn ${broken.path}:1: not valid JSON: expected a value`,
    ]);
    // Fixed by an editor that saves through a temporary file and a rename.
    writeFileSync(`${broken.path}.tmp`, withTopic('State space models'));
    renameSync(`${broken.path}.tmp`, broken.path);
    await until(() => broken.announced.length > 0);
    expect(broken.source.current().sessions.find((s) => s.number === 16)!.topic).toBe('State space models');
    expect(courses.filter((c) => c !== broken).every((c) => c.announced.length === 0)).toBe(true);
  });

  it('takes a save that changes nothing for no edit', async () => {
    const versions = courses.map((c) => c.source.version);
    for (const c of courses) writeFileSync(c.path, original);
    await sleep(500);
    await Promise.all(courses.map((c) => c.watcher.settled()));
    expect(courses.map((c) => c.source.version)).toEqual(versions);
    expect(courses.flatMap((c) => c.announced)).toEqual([]);
  });

  it('names a plan file added while running as one to restart for, and serves nothing from it', async () => {
    // Neither a schema kept beside the plans nor another file is a course.
    writeFileSync(join(dir, 'plan.schema.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'room changes');
    const added = join(dir, 'cs700.json');
    writeFileSync(added, original);
    await until(() => logged.length > 0);
    await sleep(200);
    expect(logged).toEqual([`info ${added} is a new plan file: restart the bot to serve its course`]);
    expect(courses.flatMap((c) => c.announced)).toEqual([]);
  });

  it('keeps watching the other files when one course stops, and a stopped one reloads no more', async () => {
    const [stopped, still] = courses as [Course, Course, Course];
    await stopped.watcher.close();
    writeFileSync(stopped.path, withTopic('Stopped course'));
    writeFileSync(still.path, withTopic('Still watched'));
    await until(() => still.announced.length > 0);
    await sleep(300);
    expect(stopped.announced).toEqual([]);
    expect(still.source.current().sessions.find((s) => s.number === 16)!.topic).toBe('Still watched');
    expect(watchCalls.count).toBe(1);
  });
});
