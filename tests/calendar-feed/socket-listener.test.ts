// Socket Mode needs no HTTP listener for Slack; with PORT set it opens one for the feeds and /healthz.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRoute, type ServedFeed } from '../../src/http/calendar-route.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, recordingLogger, startApp, type StartedApp } from '../slack/slack-kit.ts';

const TOKEN = 'T'.repeat(43);
const feed: ServedFeed = {
  matches: async (course, token) => course === 'cs599e1-fall-2025' && token === TOKEN,
  current: async () => ({
    body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    etag: '"x"',
    lastModified: undefined,
  }),
};

let fake: FakeSlack;
let started: StartedApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  started = await startApp(fake, 'socket', {
    settings: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 },
    routes: [calendarRoute(() => feed, recordingLogger())],
  });
});
afterAll(async () => {
  await started?.slack.stop();
  await fake?.close();
});

describe('the Socket Mode listener', () => {
  it('serves /healthz and the feed, and 404 for anything else', async () => {
    expect(started.url).not.toBe('http://127.0.0.1:0');
    expect(await (await fetch(`${started.url}/healthz`)).text()).toBe('ok');
    const response = await fetch(`${started.url}/calendar/cs599e1-fall-2025/${TOKEN}.ics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(`${started.url}/calendar/cs599e1-fall-2025/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${started.url}/slack/events`, { method: 'POST' })).status).toBe(404);
    expect(started.log.lines.join('\n')).not.toContain(TOKEN);
  });
});
