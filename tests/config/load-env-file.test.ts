// The .env loader: Node's own parser, variables already set win, and a value an unquoted # emptied is
// reported in one line with the form that works.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/config/load-env-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-env-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(text: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const path = join(dir, '.env');
  writeFileSync(path, text);
  loadEnvFile(path, env);
  return env;
}

describe('loadEnvFile', () => {
  it('reads the file, leaving variables already set alone, and does nothing without one', () => {
    const env = load('COURSEBOT_CHANNEL="#cs599"\nLOG_LEVEL=debug # chatty\n', { LOG_LEVEL: 'warn' });
    expect(env).toEqual({ COURSEBOT_CHANNEL: '#cs599', LOG_LEVEL: 'warn' });
    const none: NodeJS.ProcessEnv = {};
    loadEnvFile(join(dir, 'missing.env'), none);
    expect(none).toEqual({});
  });

  it('names a setting an unquoted # turned into a comment, and how to write it', () => {
    expect(() => load('COURSEBOT_CHANNEL=#cs599\n')).toThrow(
      `COURSEBOT_CHANNEL in ${join(dir, '.env')} is empty: an unquoted # starts a comment; write COURSEBOT_CHANNEL="#cs599"`,
    );
    expect(() => load('SLACK_SIGNING_SECRET=ab#cd # from Slack\n')).toThrow(
      'SLACK_SIGNING_SECRET in ' +
        join(dir, '.env') +
        ' was cut short at the #: an unquoted # starts a comment; write SLACK_SIGNING_SECRET="ab#cd"',
    );
    expect(() => load('export SLACK_SIGNING_SECRET= #abc\n')).toThrow('SLACK_SIGNING_SECRET in');
  });

  it('leaves a commented-out value alone when the variable is set anyway', () => {
    expect(load('COURSEBOT_CHANNEL=#cs599\n', { COURSEBOT_CHANNEL: 'C0123ABCD' }).COURSEBOT_CHANNEL).toBe(
      'C0123ABCD',
    );
    expect(load('OTHER_TOOL=#x\n').OTHER_TOOL).toBe('');
  });
});
