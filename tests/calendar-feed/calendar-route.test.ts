// The feed route on its own listener: what a wrong link costs (nothing), conditional requests, methods.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRoute, etagMatches, type ServedFeed } from '../../src/http/calendar-route.ts';
import { startFeedListener, type FeedListener } from '../../src/http/feed-listener.ts';
import { boltLogger } from '../../src/slack/bolt-logger.ts';
import { UserError } from '../../src/util/user-error.ts';
import { recordingLogger } from '../slack/slack-kit.ts';

const TOKEN = 'k'.repeat(43);
let builds = 0;
let failing = false;
const feed: ServedFeed = {
  matches: async (course, token) => course === 'cs599e1-fall-2025' && token === TOKEN,
  current: async () => {
    builds += 1;
    if (failing) throw new Error('disk on fire');
    return { body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', etag: '"v1"', lastModified: undefined };
  },
};
const log = recordingLogger();
let listener: FeedListener;
let base: string;

beforeAll(async () => {
  listener = await startFeedListener([calendarRoute(() => feed, log)], 0, '127.0.0.1');
  base = `http://127.0.0.1:${listener.port}/calendar/cs599e1-fall-2025`;
});
afterAll(() => listener?.close());

describe('the feed route', () => {
  it('builds nothing for a wrong token', async () => {
    builds = 0;
    expect((await fetch(`${base}/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${base}/%E0%A4%A.ics`)).status).toBe(404);
    expect(builds).toBe(0);
    expect((await fetch(`${base}/${TOKEN}.ics`)).status).toBe(200);
    expect(builds).toBe(1);
  });

  it('answers HEAD without a body, and other methods with 405', async () => {
    const head = await fetch(`${base}/${TOKEN}.ics`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const post = await fetch(`${base}/${TOKEN}.ics`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 304 to any matching tag in If-None-Match', async () => {
    for (const header of ['"v1"', 'W/"v1"', '"v0", "v1"', '*']) {
      expect((await fetch(`${base}/${TOKEN}.ics`, { headers: { 'if-none-match': header } })).status).toBe(
        304,
      );
    }
    expect(etagMatches('"v0"', '"v1"')).toBe(false);
  });

  it('answers a failed build with 500 and logs the course, never the token', async () => {
    failing = true;
    try {
      expect((await fetch(`${base}/${TOKEN}.ics`)).status).toBe(500);
    } finally {
      failing = false;
    }
    expect(log.lines).toEqual(['error calendar feed of cs599e1-fall-2025 failed: disk on fire']);
  });

  it('says which port is taken in one line', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startFeedListener([], port, '127.0.0.1')).rejects.toThrow(
        new UserError(`Cannot listen on port ${port} (EADDRINUSE): set PORT to a free port`),
      );
    } finally {
      blocker.close();
    }
  });
});

describe('feed secrets in logs', () => {
  it('are masked in what Bolt logs, plain or inside an encoded link', () => {
    const lines: string[] = [];
    const bolt = boltLogger({ ...recordingLogger(), debug: (l) => lines.push(l) }, LogLevel.DEBUG);
    const url = `https://bot.example.edu/calendar/cs599e1-fall-2025/${TOKEN}.ics`;
    bolt.debug(`ack() response sent (body: ${JSON.stringify({ text: url, link: encodeURIComponent(url) })})`);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).toContain('/calendar/cs599e1-fall-2025/….ics');
    expect(lines.join('\n')).toContain('%2Fcalendar%2Fcs599e1-fall-2025%2F….ics');
  });
});
