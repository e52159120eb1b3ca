// A bot started from a courses folder (one watcher for the folder) reloads each course's own file when it is edited (the other course
// untouched, its log lines named by course), refuses a broken one with validate's lines while that course keeps its plan, and names a plan
// file added while running as one to restart for.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { courseId } from '../../src/plan/course-id.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { recordingLogger, type RecordingLogger } from '../slack/slack-kit.ts';
import { socketModeConfig } from './composed-app-kit.ts';
import { until } from '../support/until.ts';

function coursePlan(code: string, channel: string, topic = 'Structured state space models'): Plan {
  const plan = cs599();
  plan.reminders.channels = { ...plan.reminders.channels, default: channel };
  return {
    ...plan,
    course: { ...plan.course, code },
    sessions: plan.sessions.map((s) => (s.number === 16 ? { ...s, topic } : s)),
  };
}
const A = courseId(coursePlan('CS 599', '#cs599'));
const B = courseId(coursePlan('MA 101', '#ma101'));

let dir: string;
let app: RunningApp;
let logger: RecordingLogger;
const file = (name: string) => join(dir, 'courses', name);
const topic16 = (id: string) =>
  app.deployment
    .courses()
    .find((c) => c.id === id)!
    .plans.current()
    .sessions.find((s) => s.number === 16)!.topic;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-folder-reload-'));
  mkdirSync(join(dir, 'courses'));
  writeFileSync(file('cs599.json'), JSON.stringify(coursePlan('CS 599', '#cs599')));
  writeFileSync(file('ma101.json'), JSON.stringify(coursePlan('MA 101', '#ma101')));
  // Console mode: the posts go to the output, which is enough to see the reloads.
  const { slack: _slack, ...consoleConfig } = socketModeConfig(
    { apiUrl: 'http://127.0.0.1:1/' } as FakeSlack,
    { schedulePath: join(dir, 'schedule.json'), databasePath: join(dir, 'bot.db') },
  );
  logger = recordingLogger();
  app = await startApp({
    config: { ...consoleConfig, coursesPath: join(dir, 'courses') },
    clock: new ManualClock(MONDAY),
    logger,
    write: () => {},
  });
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a courses folder edited while the bot runs', () => {
  it("reloads the edited course's file only", async () => {
    writeFileSync(file('ma101.json'), JSON.stringify(coursePlan('MA 101', '#ma101', 'Series')));
    await until(() => topic16(B) === 'Series');
    expect(topic16(A)).toBe('Structured state space models');
    expect(logger.lines.filter((l) => l.includes('reloaded'))).toEqual([
      `info ${B}: ${file('ma101.json')} reloaded: the changes are announced`,
    ]);
  });

  it('refuses a broken file and keeps that course on its last good plan', async () => {
    writeFileSync(file('cs599.json'), '{ "course": ');
    await until(() => logger.lines.some((l) => l.includes('not a valid plan')));
    expect(logger.lines.filter((l) => l.includes(file('cs599.json')))).toEqual([
      `warn ${A}: ${file('cs599.json')} changed but is not a valid plan; keeping the last good plan. Fix these and save again:`,
      `warn ${A}: ${file('cs599.json')}:1: not valid JSON: expected a value`,
    ]);
    expect(topic16(A)).toBe('Structured state space models');
  });

  it('names a plan file added while running for a restart', async () => {
    writeFileSync(file('ph200.json'), JSON.stringify(coursePlan('PH 200', '#ph200')));
    await until(() => logger.lines.some((l) => l.includes('ph200.json')));
    expect(logger.lines.filter((l) => l.includes('ph200.json'))).toEqual([
      `info ${file('ph200.json')} is a new plan file: restart the bot to serve its course`,
    ]);
    expect(app.deployment.courses().map((c) => c.id)).toEqual([A, B].sort());
  });
});
