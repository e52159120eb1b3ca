// What Bolt and the Slack clients log reaches our log as one line each, at their level, without tokens.
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../src/slack/bolt-logger.ts';
import { recordingLogger } from './slack-kit.ts';

describe('boltLogger', () => {
  it('joins the parts into one line and masks tokens', () => {
    const log = recordingLogger();
    const logger = boltLogger(log);
    logger.setName('bolt-app');
    logger.warn('auth failed for', 'xoxb-123-456-abcDEF', { token: 'xapp-1-A1-99' });
    logger.error(new Error('boom'));
    expect(log.lines).toEqual([
      'warn bolt-app: auth failed for xoxb-… {"token":"xapp-…"}',
      'error bolt-app: Error: boom',
    ]);
  });

  it('drops what is below its level', () => {
    const log = recordingLogger();
    const logger = boltLogger(log, LogLevel.WARN);
    logger.info('hidden');
    logger.warn('shown');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('hidden too');
    expect(log.lines).toEqual(['warn slack: shown']);
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
  });
});
