// Which Slack failures are final (recorded with a fix) and which are retried later.
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { classifySlackError, codeFailure } from '../../src/slack/classify-slack-error.ts';

const platform = (error: string, extra: Record<string, unknown> = {}) =>
  new webApi.WebAPIPlatformError({ ok: false, error, ...extra });

describe('classifySlackError', () => {
  it('makes channel problems permanent, with the fix naming the channel', () => {
    expect(classifySlackError(platform('not_in_channel'), '#cs599')).toEqual({
      ok: false,
      permanent: true,
      reason: 'not_in_channel',
      fix: 'coursebot is not in #cs599: type /invite @coursebot in #cs599',
    });
    expect(classifySlackError(platform('is_archived'), '#old')).toMatchObject({
      permanent: true,
      fix: expect.stringContaining('#old is archived'),
    });
    expect(classifySlackError(platform('invalid_auth'), '#x')).toMatchObject({
      permanent: true,
      fix: expect.stringContaining('SLACK_BOT_TOKEN'),
    });
  });

  it('names the missing scope', () => {
    expect(classifySlackError(platform('missing_scope', { needed: 'chat:write' }), '#x')).toMatchObject({
      permanent: true,
      reason: 'missing_scope (needs chat:write)',
    });
  });

  it('treats rate limits, server errors, network failures and unknown codes as transient', () => {
    expect(classifySlackError(new webApi.WebAPIRateLimitedError(7), '#x')).toEqual({
      ok: false,
      permanent: false,
      reason: 'ratelimited',
      retryAfterMs: 7000,
    });
    expect(classifySlackError(new webApi.WebAPIHTTPError(503, 'Unavailable', {}), '#x')).toMatchObject({
      permanent: false,
      reason: 'http_503',
    });
    expect(classifySlackError(new webApi.WebAPIRequestError(new Error('ECONNRESET')), '#x')).toMatchObject({
      permanent: false,
      reason: 'network: ECONNRESET',
    });
    expect(classifySlackError(platform('internal_error'), '#x')).toMatchObject({ permanent: false });
    expect(classifySlackError(platform('something_new'), '#x')).toMatchObject({ permanent: false });
  });

  it('explains a code known in advance the same way', () => {
    expect(codeFailure('channel_not_found', '#nope')).toMatchObject({
      permanent: true,
      fix: expect.stringContaining('#nope'),
    });
  });
});
