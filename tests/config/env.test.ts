// The environment: one zod schema; each mistake is one line naming the variable and pointing to .env.example.
import { describe, expect, it } from 'vitest';
import { describeConfig, parseConfig, unknownSettings } from '../../src/config/env.ts';

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
    expect(errorOf({ COURSEBOT_NOW: 'yesterday' })).toContain('COURSEBOT_NOW must be an ISO-8601 instant');
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
});
