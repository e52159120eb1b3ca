// The calendar feed end to end: the real app (`startApp`, HTTP mode) against the fake Slack. The link comes
// from `/schedule calendar`; the right token gets the feed and then a 304 for its ETag, a wrong one a 404
// that builds nothing; a staff move raises the moved class's SEQUENCE; after a rotation the old link is 404.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RespondArguments } from '@slack/bolt';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { parseConfig } from '../../src/config/env.ts';
import { CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { signedInteraction, signedSlashCommand } from '../fakes/signed-request.ts';
import { BOT_TOKEN, recordingLogger, SIGNING_SECRET, type RecordingLogger } from '../slack/slack-kit.ts';
import { parseFeed } from './parse-feed.ts';

const PROF = 'U0PROF';
const STUDENT = 'U0STUDENT';
const PUBLIC_URL = 'https://coursebot.example.edu';
const COURSE = 'test101-fall-2025';

let dir: string;
let fake: FakeSlack;
let log: RecordingLogger;
let app: RunningApp;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-feed-'));
  const plan = JSON.parse(
    readFileSync(new URL('../fixtures/plans/dst-week.json', import.meta.url), 'utf8'),
  ) as { course: Record<string, unknown> };
  plan.course.links = { website: 'https://example.edu/test101' };
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
  fake = await startFakeSlack();
  log = recordingLogger();
  const config = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_MODE: 'http',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    COURSEBOT_SCHEDULE: join(dir, 'schedule.json'),
    COURSEBOT_DB: join(dir, 'bot.db'),
    COURSEBOT_CHANNEL: 'C0CLASS',
    COURSEBOT_INSTRUCTORS: PROF,
    COURSEBOT_PUBLIC_URL: `${PUBLIC_URL}/`,
  });
  const clock = new ManualClock(DateTime.fromISO('2025-10-20T10:00', { zone: 'America/New_York' }));
  app = await startApp({ config, clock, logger: log, write: () => {} });
  base = `http://127.0.0.1:${app.port}`;
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function command(text: string, user = STUDENT) {
  const response = await signedSlashCommand({
    url: `${base}/slack/events`,
    secret: SIGNING_SECRET,
    fake,
    fields: { text, user_id: user },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RespondArguments & {
    text: string;
    blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
  };
}

/** The feed link a reply gives, as the listener serves it (the public URL stands for this listener). */
async function feedLink(text = 'calendar', user = STUDENT): Promise<string> {
  const reply = await command(text, user);
  const found = new RegExp(`${PUBLIC_URL}(/calendar/${COURSE}/[A-Za-z0-9_-]{43}\\.ics)`).exec(reply.text);
  if (!found) throw new Error(`no feed link in: ${reply.text}`);
  return `${base}${found[1]}`;
}

const fetchFeed = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
const builtItems = () => {
  const db = openDatabase(join(dir, 'bot.db'));
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM feed_items').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the calendar feed over HTTP', () => {
  it('answers a wrong token, a wrong course and a malformed path with 404, building nothing', async () => {
    const link = await feedLink();
    const wrongToken = link.replace(/\/[^/]+\.ics$/, `/${'A'.repeat(43)}.ics`);
    const wrongCourse = link.replace(COURSE, 'cs101-fall-2025');
    for (const url of [
      wrongToken,
      wrongCourse,
      `${base}/calendar/${COURSE}/short.ics`,
      link.replace('.ics', ''),
    ]) {
      const response = await fetchFeed(url);
      expect(response.status, url).toBe(404);
    }
    expect((await fetch(link, { method: 'POST' })).status).toBe(405);
    expect(builtItems()).toBe(0);
  });

  it('serves the feed to the right token, then 304 for its ETag', async () => {
    const link = await feedLink();
    const response = await fetchFeed(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBeNull();
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.headers.get('last-modified')).toBe('Mon, 20 Oct 2025 14:00:00 GMT');
    const feed = parseFeed(await response.text());
    expect(feed.events.length).toBe(9);
    expect(feed.byUid(`${COURSE}-class-4@coursebot`).status).toBe('CANCELLED');

    const again = await fetchFeed(link, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // Another ETag (a stale copy) gets the feed.
    expect((await fetchFeed(link, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('gives the link with a line for Google Calendar, Outlook and Apple Calendar, and says refreshes are slow', async () => {
    const reply = await command('calendar');
    expect(reply.response_type).toBe('ephemeral');
    const all = JSON.stringify(reply.blocks);
    expect(all).toContain(
      'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fcoursebot.example.edu%2Fcalendar%2F',
    );
    expect(all).toContain(
      'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fcoursebot.example.edu%2Fcalendar%2F',
    );
    expect(all).toContain(`<webcal://coursebot.example.edu/calendar/${COURSE}/`);
    expect(reply.text).toMatch(/Google Calendar: .*\n.*Outlook: .*\n.*Apple Calendar: /);
    expect(reply.text).toContain('refresh slowly');
    expect(reply.text).toContain('announced here in Slack');
  });

  it('after a staff move serves a new ETag, with the same UIDs and the moved class at a higher SEQUENCE', async () => {
    const link = await feedLink();
    const first = await fetchFeed(link);
    const etag = first.headers.get('etag')!;
    const before = parseFeed(await first.text());

    const preview = await command('move 3 Nov 5', PROF);
    const confirm = preview.blocks
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === CONFIRM_ACTION);
    expect(confirm, preview.text).toBeDefined();
    const clicked = await signedInteraction({
      url: `${base}/slack/events`,
      secret: SIGNING_SECRET,
      fake,
      actions: [{ action_id: CONFIRM_ACTION, value: confirm!.value }],
      userId: PROF,
    });
    expect(clicked.status).toBe(200);

    const after = await fetchFeed(link, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const feed = parseFeed(await after.text());
    expect(feed.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    const class3 = feed.byUid(`${COURSE}-class-3@coursebot`);
    expect(class3.sequence).toBe(before.byUid(class3.uid).sequence + 1);
    expect((class3.start as DateTime).toFormat('yyyy-MM-dd HH:mm')).toBe('2025-11-05 09:00');
  });

  it('lets only staff rotate the link; the old one then answers 404 and the new one serves', async () => {
    const old = await feedLink();
    const refused = await command('calendar rotate', STUDENT);
    expect(refused.text).toContain('only the course staff');
    expect((await fetchFeed(old)).status).toBe(200);

    const fresh = await feedLink('calendar rotate', PROF);
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
    expect(await feedLink()).toBe(fresh);
  });

  it('keeps the token out of the log and out of the database', async () => {
    const token = /\/([^/]+)\.ics$/.exec(await feedLink())![1]!;
    expect(log.lines.join('\n')).not.toContain(token);
    expect(log.lines.join('\n')).toContain(`calendar: U0PROF replaced the calendar link of ${COURSE}`);
    const db = openDatabase(join(dir, 'bot.db'));
    try {
      const rows = JSON.stringify(db.prepare('SELECT * FROM feed_tokens').all());
      expect(rows).not.toContain(token);
    } finally {
      db.close();
    }
  });
});
