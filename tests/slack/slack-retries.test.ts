// Slack re-sends what it got no timely ack for (HTTP: X-Slack-Retry-Num; Socket Mode: retry_attempt),
// maybe to another instance. Driven through the real Bolt app against the fake: handled once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import { SqlSlackDeliveries } from '../../src/storage/sql/tables/sql-slack-deliveries.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { signature, signedSlashCommand } from '../fakes/signed-request.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';
import { SIGNING_SECRET, startApp, type StartedApp } from './slack-kit.ts';
import { until as poll } from '../support/until.ts';

let fake: FakeSlack;
let apps: StartedApp[] = [];

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await Promise.all(apps.map((a) => a.slack.stop()));
  apps = [];
  await fake.close();
});

/** An Events API delivery as Slack sends it: the same event_id on every re-send. */
function reactionEvent(eventId: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    token: 'verification-token-unused',
    team_id: fake.state.identity.teamId,
    api_app_id: fake.state.identity.appId,
    event: {
      type: 'reaction_added',
      user: 'U0STUDENT',
      reaction: 'tada',
      item: { type: 'message', channel: 'C0CLASS', ts: '1760392800.000100' },
      event_ts: `${now}.000200`,
    },
    type: 'event_callback',
    event_id: eventId,
    event_time: now,
    authorizations: [
      { team_id: fake.state.identity.teamId, user_id: fake.state.identity.botUserId, is_bot: true },
    ],
  };
}

/** Counts the runs of a reaction_added listener bound on the app. */
function countReactions(app: StartedApp, runs: string[]): void {
  app.slack.listeners.event('reaction_added', async ({ body }) => void runs.push(String(body.event_id)));
}

// With this file's own time limit, shorter than the shared one.
const until = <T>(get: () => T | undefined | false, ms = 3000) => poll(get, ms);

describe('one instance in Socket Mode', () => {
  it('handles an event delivered twice with one event_id once', async () => {
    const app = await startApp(fake, 'socket');
    apps.push(app);
    const runs: string[] = [];
    countReactions(app, runs);
    await fake.socketMode.push('events_api', reactionEvent('Ev0ONCE'));
    await fake.socketMode.push('events_api', reactionEvent('Ev0ONCE'));
    await fake.socketMode.push('events_api', reactionEvent('Ev0OTHER'));
    await until(() => runs.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toEqual(['Ev0ONCE', 'Ev0OTHER']);
  });

  it('answers a command re-sent with its trigger_id once, and only acks the re-send', async () => {
    const app = await startApp(fake, 'socket');
    apps.push(app);
    const first = await fake.sendSlashCommand({ text: 'next', trigger_id: '111.222.retry' });
    const again = await fake.sendSlashCommand({ text: 'next', trigger_id: '111.222.retry' });
    expect(app.askCalls).toEqual(['next']);
    expect(first.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(again.payload ?? {}).toEqual({});
  });
});

describe.each(dialects)('two instances in HTTP mode on one $name store', ({ skip, fresh }) => {
  let database: TestDatabase;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    await migrateSql(await database.open(), coursebotMigrations);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  const twoInstances = async () => {
    for (let i = 0; i < 2; i++) {
      const deliveries = new SqlSlackDeliveries(await database.open());
      apps.push(await startApp(fake, 'http', { deliveries }));
    }
    return apps;
  };

  /** POSTs a signed Events API request, as Slack does, with the retry header on a re-send. */
  const postEvent = (app: StartedApp, body: Record<string, unknown>, retryNum?: number) => {
    const text = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(SIGNING_SECRET, timestamp, text),
        ...(retryNum === undefined
          ? {}
          : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' }),
      },
      body: text,
    });
  };

  it.skipIf(skip)('handles an event once when its retry reaches the other instance', async () => {
    const [a, b] = await twoInstances();
    const runs: string[] = [];
    countReactions(a!, runs);
    countReactions(b!, runs);
    expect((await postEvent(a!, reactionEvent('Ev0TWO'))).status).toBe(200);
    expect((await postEvent(b!, reactionEvent('Ev0TWO'), 1)).status).toBe(200);
    expect((await postEvent(a!, reactionEvent('Ev0TWO'), 2)).status).toBe(200);
    await until(() => runs.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toEqual(['Ev0TWO']);
  });

  it.skipIf(skip)('answers a command once when the same delivery reaches both instances', async () => {
    const [a, b] = await twoInstances();
    const send = (app: StartedApp) =>
      signedSlashCommand({
        url: `${app.url}/slack/events`,
        secret: SIGNING_SECRET,
        fake,
        fields: { text: 'next', trigger_id: '333.444.both' },
      });
    expect((await send(a!)).status).toBe(200);
    expect((await send(b!)).status).toBe(200);
    expect([...a!.askCalls, ...b!.askCalls]).toEqual(['next']);
  });
});
