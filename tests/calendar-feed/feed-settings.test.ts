// The settings of the feed: COURSEBOT_PUBLIC_URL, and PORT in Socket Mode.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/env.ts';

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
});
