import { afterEach, describe, expect, it } from 'vitest';
import { WebClient, WebAPIPlatformError, WebAPIRequestError, LogLevel as WebLogLevel } from '@slack/web-api';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { signedSlashCommand, signedInteraction } from './signed-request.ts';

let fake: FakeSlack | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fake?.close();
  fake = undefined;
});

async function start(...args: Parameters<typeof startFakeSlack>): Promise<FakeSlack> {
  fake = await startFakeSlack(...args);
  return fake;
}

const client = (f: FakeSlack, token = 'xoxb-test') =>
  new WebClient(token, {
    slackApiUrl: f.apiUrl,
    retryConfig: { retries: 0 },
    timeout: 2000,
    logLevel: WebLogLevel.ERROR,
  });

describe('fake Slack Web API', () => {
  it('stamps posts on its own clock, which may run behind the host, and honours oldest and latest', async () => {
    const f = await start({ clockOffsetMs: -180_000 });
    const web = client(f);
    const hostSeconds = Date.now() / 1000;
    const { ts } = await web.chat.postMessage({ channel: 'C0CLASS', text: 'one' });
    expect(Number(ts)).toBeLessThan(hostSeconds - 170);
    const since = (oldest: number, latest?: number) =>
      web.conversations
        .history({
          channel: 'C0CLASS',
          oldest: String(oldest),
          ...(latest ? { latest: String(latest) } : {}),
        })
        .then((a) => a.messages?.length);
    expect(await since(Math.floor(hostSeconds) - 120)).toBe(0); // "a little before" by the host's clock
    expect(await since(Math.floor(Number(ts)) - 1)).toBe(1);
    expect(await since(Math.floor(Number(ts)) - 10, Math.floor(Number(ts)) - 1)).toBe(0);
    f.setClockOffset(0);
    const second = await web.chat.postMessage({ channel: 'C0CLASS', text: 'two' });
    expect(Number(second.ts)).toBeGreaterThanOrEqual(Math.floor(hostSeconds));
  });

  it('stores a post with metadata and returns metadata only when history asks for it', async () => {
    const f = await start();
    const web = client(f);
    const metadata = { event_type: 'course_reminder', event_payload: { key: 'class-day:2025-10-16' } };
    const posted = await web.chat.postMessage({ channel: 'C0CLASS', text: 'Class today', metadata });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    expect(f.messages('C0CLASS')).toMatchObject([{ ts: posted.ts, text: 'Class today', metadata }]);

    const withMeta = await web.conversations.history({ channel: 'C0CLASS', include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata).toEqual(metadata);
    const without = await web.conversations.history({ channel: 'C0CLASS' });
    expect(without.messages?.[0]?.metadata).toBeUndefined();
    expect(f.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-test');
  });

  it('answers a 429 with Retry-After, then succeeds', async () => {
    const f = await start();
    f.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const strict = new WebClient('xoxb-test', { slackApiUrl: f.apiUrl, rejectRateLimitedCalls: true });
    const refused = strict.chat.postMessage({ channel: 'C0CLASS', text: 'hi' });
    await expect(refused).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });

    // A client that honours Retry-After waits the second and then succeeds.
    f.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const patient = new WebClient('xoxb-test', {
      slackApiUrl: f.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: WebLogLevel.ERROR,
    });
    const posted = await patient.chat.postMessage({ channel: 'C0CLASS', text: 'hi' });
    expect(posted.ok).toBe(true);
    const [, limited, retried] = f.callsTo('chat.postMessage');
    expect(limited?.failure).toEqual({ status: 429, retryAfter: 1 });
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(f.messages()).toHaveLength(1);
  });

  it('refuses posts by channel state and checks token kinds', async () => {
    const f = await start();
    f.addChannel({ id: 'C0OTHER', name: 'other', isMember: false });
    f.addChannel({ id: 'C0OLD', name: 'old', isArchived: true });
    const web = client(f);
    const errorOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof WebAPIPlatformError ? e.data.error : String(e)),
      );
    expect(await errorOf(web.chat.postMessage({ channel: 'C0OTHER', text: 'x' }))).toBe('not_in_channel');
    expect(await errorOf(web.chat.postMessage({ channel: 'C0OLD', text: 'x' }))).toBe('is_archived');
    expect(await errorOf(web.chat.postMessage({ channel: 'C0NONE', text: 'x' }))).toBe('channel_not_found');
    expect(await errorOf(web.chat.postMessage({ channel: '#cs599', text: 'by name' }))).toBe('ok');
    expect(await errorOf(client(f, 'xapp-test').auth.test())).toBe('invalid_auth');
    expect(await errorOf(client(f, '').auth.test())).toBe('not_authed');
    expect(await errorOf(web.apps.connections.open())).toBe('invalid_auth');
    expect(await errorOf(web.apiCall('no.such.method'))).toBe('unknown_method');
    f.setAuthFails(true);
    expect(await errorOf(web.auth.test())).toBe('invalid_auth');
    expect(f.messages()).toHaveLength(1);
  });

  it('can store a post and lose the answer, or drop the call before it lands', async () => {
    const f = await start();
    const web = client(f);
    f.failNext('chat.postMessage', { loseResponse: true });
    await expect(web.chat.postMessage({ channel: 'C0CLASS', text: 'a' })).rejects.toBeInstanceOf(
      WebAPIRequestError,
    );
    f.failNext('chat.postMessage', { dropConnection: true });
    await expect(web.chat.postMessage({ channel: 'C0CLASS', text: 'b' })).rejects.toBeInstanceOf(
      WebAPIRequestError,
    );
    f.failNext('chat.postMessage', { status: 500 });
    await expect(web.chat.postMessage({ channel: 'C0CLASS', text: 'c' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
    // A call the client gave up on still lands when the server gets to it, as with real Slack.
    f.failNext('chat.postMessage', { delayMs: 300 });
    const impatient = new WebClient('xoxb-test', {
      slackApiUrl: f.apiUrl,
      retryConfig: { retries: 0 },
      timeout: 100,
      logLevel: WebLogLevel.ERROR,
    });
    await expect(impatient.chat.postMessage({ channel: 'C0CLASS', text: 'd' })).rejects.toBeInstanceOf(
      WebAPIRequestError,
    );
    expect(f.messages().map((m) => m.text)).toEqual(['a']);
    await expect.poll(() => f.messages().map((m) => m.text), { timeout: 2000 }).toEqual(['a', 'd']);
    f.failNext('chat.postMessage', { error: 'msg_too_long' });
    await expect(web.chat.postMessage({ channel: 'C0CLASS', text: 'e' })).rejects.toMatchObject({
      data: { error: 'msg_too_long' },
    });
    await web.chat.postMessage({ channel: 'C0CLASS', text: 'f' });
    expect(f.messages().map((m) => m.text)).toEqual(['a', 'd', 'f']);
  });

  it('paginates conversations.list and history with cursors', async () => {
    const f = await start({ maxPageSize: 2 });
    f.addChannel({ id: 'C02', name: 'two' });
    f.addChannel({ id: 'C03', name: 'three', isArchived: true });
    f.addChannel({ id: 'G04', name: 'staff' });
    const web = client(f);
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await web.conversations.list({ cursor, limit: 100 });
      names.push(...(page.channels ?? []).map((c) => c.name ?? ''));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(names).toEqual(['cs599', 'two', 'three']);
    const all = await web.conversations.list({ types: 'public_channel,private_channel', limit: 10 });
    expect(all.channels?.map((c) => c.name)).toEqual(['cs599', 'two']);
    expect(all.response_metadata?.next_cursor).not.toBe('');
    for (const text of ['1', '2', '3']) await web.chat.postMessage({ channel: 'C0CLASS', text });
    const newest = await web.conversations.history({ channel: 'C0CLASS' });
    expect(newest.messages?.map((m) => m.text)).toEqual(['3', '2']);
    expect(newest.has_more).toBe(true);
  });

  it('limits a response_url to 5 uses and 30 minutes', async () => {
    let now = 1_760_000_000_000;
    const f = await start({ nowMs: () => now });
    const url = f.responseUrl();
    const post = () => fetch(url, { method: 'POST', body: JSON.stringify({ text: 'hi' }) });
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(404);
    expect(f.responses(url)).toHaveLength(5);
    const later = f.responseUrl();
    now += 31 * 60 * 1000;
    expect((await fetch(later, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

const socketApp = (f: FakeSlack) =>
  new App({
    token: 'xoxb-test',
    appToken: 'xapp-test',
    socketMode: true,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } },
  });

describe('fake Slack with Bolt', () => {
  it('drives a Socket Mode app: hello, slash command envelope, ack payload', async () => {
    const f = await start();
    const app = new App({
      token: 'xoxb-test',
      appToken: 'xapp-test',
      socketMode: true,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/schedule', async ({ command, ack }) => {
      await ack({ response_type: 'ephemeral', text: `you asked: ${command.text}` });
    });
    await app.start();
    cleanups.push(() => app.stop());

    app.action('confirm', async ({ ack }) => ack());
    const ack = await f.sendSlashCommand({ text: 'next' });
    expect(ack.payload).toMatchObject({ text: 'you asked: next' });
    const click = await f.sendInteractive({ actions: [{ action_id: 'confirm', value: 'yes' }] });
    expect(click.payload).toEqual({});
    expect(f.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
    expect(f.socketMode.connectionCount).toBe(1);
  });

  it('delivers events and reconnects a Socket Mode app after a disconnect', async () => {
    const f = await start();
    // The default receiver waits clientPingTimeout (5 s) before reconnecting; only a custom one can shorten it.
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      clientPingTimeout: 600,
      logLevel: LogLevel.ERROR,
      installerOptions: { clientOptions: { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } } },
    });
    const app = new App({
      receiver,
      token: 'xoxb-test',
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } },
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    await app.start();
    cleanups.push(() => app.stop());

    f.sendDisconnect('refresh_requested');
    await expect.poll(() => f.socketMode.connectionCount, { timeout: 2500 }).toBe(2);
    const ack = await f.sendEvent({ type: 'app_home_opened', user: 'U0STUDENT', tab: 'home' });
    expect(ack.envelope_id).toMatch(/^env-/);
    await expect
      .poll(() => f.state.views.get('U0STUDENT')?.view, { timeout: 2000 })
      .toEqual({
        type: 'home',
        blocks: [],
      });
    expect(f.callsTo('apps.connections.open')).toHaveLength(2);
  });

  it('rejects clearly when a Socket Mode app never acks', async () => {
    const f = await start();
    const app = socketApp(f);
    app.action('noop', async () => {});
    await app.start();
    cleanups.push(() => app.stop());
    await expect(f.socketMode.push('interactive', { type: 'block_actions' }, 300)).rejects.toThrow(/no ack/);
  });

  it('signs HTTP requests that a Bolt HTTP app accepts, and the app can respond()', async () => {
    const f = await start();
    const secret = 'test-secret';
    const app = new App({
      token: 'xoxb-test',
      signingSecret: secret,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/schedule', async ({ ack }) => ack('pong'));
    app.action('confirm', async ({ ack, respond }) => {
      await ack();
      await respond({ text: 'confirmed' });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
    cleanups.push(() => app.stop());
    const { port } = server.address() as import('node:net').AddressInfo;
    const url = `http://127.0.0.1:${port}/slack/events`;

    const ok = await signedSlashCommand({ url, secret, fake: f, fields: { text: 'next' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('pong');
    const forged = await signedSlashCommand({ url, secret, fake: f, signature: 'v0=00' });
    expect(forged.status).toBe(401);
    const stale = await signedSlashCommand({ url, secret, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);

    const click = await signedInteraction({ url, secret, fake: f, actions: [{ action_id: 'confirm' }] });
    expect(click.status).toBe(200);
    await expect.poll(() => f.responses().length, { timeout: 2000 }).toBe(1);
    expect(f.responses()[0]?.body).toMatchObject({ text: 'confirmed' });
  });
});
