// The settings of the feed: COURSEBOT_PUBLIC_URL, and PORT in Socket Mode.
import { describe, expect, it } from 'vitest';
import { calendarFeedFor } from '../../src/app/calendar-feed.ts';
import { parseConfig } from '../../src/config/env.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { local, smallPlan } from '../delivery/delivery-kit.ts';
import { recordingLogger } from '../slack/slack-kit.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';

const SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };

describe('feed settings', () => {
  it('reads COURSEBOT_PUBLIC_URL without its trailing slash', () => {
    expect(parseConfig({ COURSEBOT_PUBLIC_URL: 'https://bot.example.edu/' }).publicUrl).toBe(
      'https://bot.example.edu',
    );
    expect(parseConfig({ COURSEBOT_PUBLIC_URL: 'https://example.edu/coursebot' }).publicUrl).toBe(
      'https://example.edu/coursebot',
    );
    expect(parseConfig({}).publicUrl).toBeUndefined();
  });

  it('refuses a COURSEBOT_PUBLIC_URL that is no http(s) address, in one line', () => {
    for (const value of ['bot.example.edu', 'ftp://bot.example.edu']) {
      expect(() => parseConfig({ COURSEBOT_PUBLIC_URL: value })).toThrow(
        'Configuration error: COURSEBOT_PUBLIC_URL must be the http(s) address students reach the bot at (see .env.example)',
      );
    }
  });

  it('gives Socket Mode a listener port only when PORT is set', () => {
    expect(parseConfig({ ...SOCKET, PORT: '8080' }).slack).toMatchObject({ mode: 'socket', port: 8080 });
    expect(parseConfig(SOCKET).slack).not.toHaveProperty('port', expect.anything());
  });

  it('names the configured slash command in the start log line', async () => {
    const config = parseConfig({
      ...SOCKET,
      COURSEBOT_PUBLIC_URL: 'https://bot.example.edu',
      COURSEBOT_COMMAND: '/cs1',
    });
    const db = openDatabase(':memory:');
    const logger = recordingLogger();
    try {
      const deployment = memoryDeployment([{ plan: smallPlan(), channels: ['C0CLASS'] }]);
      const clock = new ManualClock(local('2025-10-20T10:00'));
      const { sql } = await sqlDepsOver(db);
      await calendarFeedFor(config, { sql, deployment, clock, logger })!.start();
    } finally {
      db.close();
    }
    expect(logger.lines).toEqual([expect.stringMatching(/\(the link: \/cs1 calendar\)$/)]);
  });
});
