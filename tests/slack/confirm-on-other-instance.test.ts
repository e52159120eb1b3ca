// Two instances behind a load balancer share one store of previews: a retire previewed on one is
// confirmed on the other, once; the same click reaching the first instance afterwards does nothing.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/queries/ask.ts';
import { RETIRE_CONFIRM_ACTION } from '../../src/slack/course-commands/retire-command.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/create-slack-app.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import { sqlConfirmationStore } from '../../src/storage/sql/tables/sql-confirmations.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { signedInteraction, signedSlashCommand } from '../fakes/signed-request.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';
import { memoryDeployment, type MemoryDeployment } from '../support/memory-deployment.ts';
import { BOT_TOKEN, SIGNING_SECRET, fixturePlan, recordingLogger } from './slack-kit.ts';

type Payload = {
  text?: string;
  blocks?: { type: string; elements?: { action_id: string; value: string }[] }[];
};

const NOW = DateTime.fromISO('2025-10-13T18:00:00-04:00', { setZone: true });

describe.each(dialects)('a Confirm on the other instance, previews on $name', ({ skip, fresh }) => {
  let fake: FakeSlack;
  let database: TestDatabase;
  let deployment: MemoryDeployment;
  const apps: { slack: SlackApp; url: string }[] = [];

  beforeEach(async () => {
    if (skip) return;
    fake = await startFakeSlack();
    database = await fresh();
    await migrateSql(await database.open(), coursebotMigrations);
    // The deployment stands for the courses both instances read from the database.
    deployment = memoryDeployment([{ plan: fixturePlan(), channels: ['C0CLASS'], staff: ['U0PROF'] }]);
    for (let i = 0; i < 2; i++) {
      const slack = createSlackApp({
        settings: {
          mode: 'http',
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
          port: 0,
          apiUrl: fake.apiUrl,
        },
        deployment,
        clock: new ManualClock(NOW),
        ask,
        log: recordingLogger(),
        host: '127.0.0.1',
        requestTimeoutMs: 2000,
        confirmations: sqlConfirmationStore(await database.open()),
      });
      const { port } = await slack.start();
      apps.push({ slack, url: `http://127.0.0.1:${port}/slack/events` });
    }
  });
  afterEach(async () => {
    if (skip) return;
    await Promise.all(apps.splice(0).map((a) => a.slack.stop()));
    await fake.close();
    await database.cleanup();
  });

  /** Clicks the preview's Confirm on one instance; what replaced the preview. */
  const confirm = async (url: string, preview: Payload): Promise<Payload> => {
    const button = preview.blocks
      ?.find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === RETIRE_CONFIRM_ACTION);
    if (!button) throw new Error(`no Confirm in: ${preview.text}`);
    const before = fake.responses().length;
    const response = await signedInteraction({
      url,
      secret: SIGNING_SECRET,
      fake,
      actions: [{ action_id: RETIRE_CONFIRM_ACTION, value: button.value }],
      userId: 'U0PROF',
    });
    expect(response.status).toBe(200);
    await expect.poll(() => fake.responses().length).toBeGreaterThan(before);
    return fake.responses()[before]!.body as Payload;
  };

  it.skipIf(skip)('applies once, whichever instance the click reaches', async () => {
    const [a, b] = apps;
    const response = await signedSlashCommand({
      url: a!.url,
      secret: SIGNING_SECRET,
      fake,
      fields: { text: 'retire', user_id: 'U0PROF' },
    });
    const preview = (await response.json()) as Payload;
    expect(preview.text).toContain('No reminder');

    const done = await confirm(b!.url, preview);
    expect(done.text).toContain('retired');
    expect(deployment.courses()[0]!.retiredAt()).toBeDefined();
    const again = await confirm(a!.url, preview);
    expect(again.text).toContain('no longer available');
  });
});
