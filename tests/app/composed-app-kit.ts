// What tests of the bot as `coursebot start` composes it share: its configuration in Socket Mode against the
// fake Slack, and how far it has handled due posts, read from its database as another process would.
import Sqlite from 'better-sqlite3';
import type { Config } from '../../src/config/env.ts';
import { sqlStoreOverFile } from '../../src/storage/sql/open-sql.ts';
import { latestSqlWatermark } from '../../src/storage/sql/tables/sql-watermarks.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN } from '../slack/slack-kit.ts';

/** A Socket Mode configuration on the fake Slack: staff U0PROF, class channel C0CLASS, a real clock unset. */
export function socketModeConfig(
  fake: FakeSlack,
  paths: { schedulePath: string; databasePath: string; publicUrl?: string },
): Config {
  return {
    ...paths,
    defaultChannel: 'C0CLASS',
    instructors: ['U0PROF'],
    admins: [],
    openSetup: false,
    logLevel: 'error',
    demoDatabase: false,
    nowSource: 'COURSEBOT_NOW',
    command: '/schedule',
    slack: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
  };
}

/** The ledger's watermark in epoch ms, read through a read-only connection beside the running bot. */
export async function storedWatermark(databasePath: string): Promise<number | undefined> {
  const db = new Sqlite(databasePath, { readonly: true });
  const store = sqlStoreOverFile(db, databasePath);
  try {
    return (await latestSqlWatermark(store))?.toMillis();
  } finally {
    await store.close();
  }
}
