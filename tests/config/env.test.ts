// The environment: one zod schema; each mistake is one line naming the variable and pointing to .env.example.
import { describe, expect, it } from 'vitest';
import {
  describeConfig,
  describeDatabase,
  parseConfig,
  readSettings,
  unknownSettings,
} from '../../src/config/env.ts';

const errorOf = (env: Record<string, string>): string => {
  try {
    parseConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('parseConfig', () => {
  it('runs in console mode with nothing set, on the documented defaults', () => {
    const config = parseConfig({});
    expect(config.slack).toBeUndefined();
    expect(config.schedulePath).toBe('./schedule.json');
    expect(config.databasePath).toBe('./data/coursebot.db');
    expect(config.instructors).toEqual([]);
    expect(describeConfig(config)).toBe('mode console, plan ./schedule.json, database ./data/coursebot.db');
  });

  it('uses Socket Mode when both tokens are set, HTTP mode on request', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      apiUrl: undefined,
    });
    const http = parseConfig({
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(http.slack).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('names a malformed variable and the fix', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xapp-1' })).toBe(
      'Configuration error: SLACK_BOT_TOKEN must be a bot token starting with xoxb- (see .env.example)',
    );
    expect(errorOf({ COURSEBOT_NOW: 'yesterday' })).toContain('COURSEBOT_NOW is not an ISO-8601 time');
    expect(errorOf({ COURSEBOT_CHANNEL: 'cs 599' })).toContain('COURSEBOT_CHANNEL must be a channel ID');
    expect(errorOf({ COURSEBOT_INSTRUCTORS: 'bob,alice' })).toBe(
      'Configuration error: COURSEBOT_INSTRUCTORS must list Slack user IDs such as U012ABCDEF, comma-separated (see .env.example)',
    );
    expect(errorOf({ PORT: 'x', LOG_LEVEL: 'loud' }).split('\n')).toEqual([
      'Configuration errors:',
      'PORT must be a port number such as 3000 (see .env.example)',
      'LOG_LEVEL must be debug, info, warn or error (see .env.example)',
    ]);
    expect(errorOf({ PORT: 'eighty' })).toContain('PORT must be a port number');
  });

  it('names a missing or contradictory variable', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toContain('SLACK_APP_TOKEN is missing');
    expect(errorOf({ SLACK_APP_TOKEN: 'xapp-1' })).toContain('SLACK_BOT_TOKEN is missing');
    expect(errorOf({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1' })).toContain(
      'SLACK_SIGNING_SECRET is missing',
    );
    expect(errorOf({ SLACK_MODE: 'websocket', SLACK_BOT_TOKEN: 'xoxb-1' })).toContain(
      'SLACK_MODE must be "socket" or "http"',
    );
  });

  it('never shows a token in the loggable description', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_APP_TOKEN: 'xapp-secret' });
    expect(describeConfig(config)).not.toMatch(/secret/);
  });

  it('reads staff and the start instant', () => {
    const config = parseConfig({
      COURSEBOT_INSTRUCTORS: 'U01, U02',
      COURSEBOT_NOW: '2025-10-21T07:59:30-04:00',
    });
    expect(config.instructors).toEqual(['U01', 'U02']);
    expect(config.now).toBe('2025-10-21T07:59:30-04:00');
  });

  it('reads the send lease in seconds, and refuses one that is not a whole number', () => {
    expect(parseConfig({}).sendLeaseMs).toBeUndefined();
    expect(parseConfig({ COURSEBOT_SEND_LEASE_SECONDS: '5' }).sendLeaseMs).toBe(5000);
    expect(errorOf({ COURSEBOT_SEND_LEASE_SECONDS: '0.5' })).toBe(
      'Configuration error: COURSEBOT_SEND_LEASE_SECONDS must be a whole number of seconds such as 60 (see .env.example)',
    );
  });

  it('points out a misspelled setting instead of ignoring it', () => {
    expect(
      unknownSettings({
        COURSEBOT_INSTRUCTOR: 'U01',
        COURSEBOT_CHANEL: '#x',
        COURSEBOT_COLOUR: 'red',
        SLACK_BOT_TOKN: 'xoxb-1',
        SLACK_WEBHOOK_URL_FOR_CI: 'https://example.com',
        COURSEBOT_CHANNEL: '#cs599',
        PATH: '/bin',
      }),
    ).toEqual([
      'COURSEBOT_INSTRUCTOR is set but unknown: did you mean COURSEBOT_INSTRUCTORS? (see .env.example)',
      'COURSEBOT_CHANEL is set but unknown: did you mean COURSEBOT_CHANNEL? (see .env.example)',
      'COURSEBOT_COLOUR is set but unknown: it is not a coursebot setting (see .env.example)',
      'SLACK_BOT_TOKN is set but unknown: did you mean SLACK_BOT_TOKEN? (see .env.example)',
    ]);
  });

  it('suggests the setting a name with a word left out stands for, before one merely as long', () => {
    expect(unknownSettings({ SLACK_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_TOKEN is set but unknown: did you mean SLACK_BOT_TOKEN? (see .env.example)',
    ]);
    expect(unknownSettings({ COURSEBOT_DATABASE: 'x.db' })).toEqual([
      'COURSEBOT_DATABASE is set but unknown: it is not a coursebot setting (see .env.example)',
    ]);
  });

  it('refuses a port out of range in one line', () => {
    expect(errorOf({ PORT: '70000' })).toBe(
      'Configuration error: PORT must be a port number up to 65535, such as 3000 (see .env.example)',
    );
    expect(errorOf({ PORT: '99999' })).toContain('PORT must be a port number up to 65535');
    expect(parseConfig({ PORT: '65535' })).toBeDefined();
  });

  it('takes a channel name without its #, which a .env file cannot hold unquoted', () => {
    expect(parseConfig({ COURSEBOT_CHANNEL: 'cs599' }).defaultChannel).toBe('#cs599');
    expect(parseConfig({ COURSEBOT_CHANNEL: '#cs599' }).defaultChannel).toBe('#cs599');
    expect(parseConfig({ COURSEBOT_CHANNEL: 'C0123ABCD' }).defaultChannel).toBe('C0123ABCD');
  });

  it('names the flag the user typed, not the variable it stands for', () => {
    expect(errorOf2(() => parseConfig({}, { now: 'garbage' }))).toBe(
      '--now "garbage" is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course\'s timezone)',
    );
    expect(errorOf2(() => readSettings({ now: 'garbage' }, { PORT: '1' }))).toContain('--now "garbage"');
    expect(parseConfig({}, { now: '2025-10-21T08:00' }).nowSource).toBe('--now');
    expect(parseConfig({ COURSEBOT_NOW: '2025-10-21T08:00' }).nowSource).toBe('COURSEBOT_NOW');
  });

  it('gives a run on a demo clock its own database unless one is named', () => {
    const demo = parseConfig({ COURSEBOT_NOW: '2025-10-21T07:59:30-04:00' });
    expect(demo.databasePath).toBe('./data/coursebot-demo.db');
    expect(describeDatabase(demo)).toContain('demo database');
    expect(parseConfig({}, { now: '2025-10-21T07:59:30-04:00' }).databasePath).toBe(
      './data/coursebot-demo.db',
    );
    const named = parseConfig({ COURSEBOT_NOW: '2025-10-21T07:59:30-04:00', COURSEBOT_DB: 'x.db' });
    expect([named.databasePath, named.demoDatabase]).toEqual(['x.db', false]);
    expect(parseConfig({}, { now: '2025-10-21T07:59:30-04:00', db: 'y.db' }).databasePath).toBe('y.db');
    // Commands that only read the recorded changes read the real ones, whatever the clock.
    expect(readSettings({ now: '2025-10-21T07:59:30-04:00' }, {}).databasePath).toBe('./data/coursebot.db');
  });
});

function errorOf2(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
