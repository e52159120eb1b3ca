// The plan's reminders.channels.default wins over COURSEBOT_CHANNEL; when it does, one log line says so,
// or the user's setting would seem ignored.
import { describe, expect, it } from 'vitest';
import { defaultChannelOf } from '../../src/app/default-channel.ts';
import { parseConfig } from '../../src/config/env.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';

const planWith = (channels: Record<string, string>) => {
  const parsed = parsePlanText(
    JSON.stringify({
      course: { code: 'CS 1', title: 'Intro', timezone: 'America/New_York', term: 'Fall 2025' },
      sessions: [{ date: '2025-09-02', number: 1, topic: 'Intro' }],
      reminders: { channels },
    }),
  );
  if (!parsed.ok) throw new Error('invalid plan');
  return parsed.plan;
};

function channelOf(env: Record<string, string>, channels: Record<string, string>) {
  const lines: string[] = [];
  const channel = defaultChannelOf(parseConfig(env), planWith(channels), { info: (l) => lines.push(l) });
  return { channel, lines };
}

describe('defaultChannelOf', () => {
  it('logs one line when the plan overrides COURSEBOT_CHANNEL', () => {
    expect(channelOf({ COURSEBOT_CHANNEL: 'cs1-fall' }, { default: '#cs1' })).toEqual({
      channel: '#cs1',
      lines: [
        "channel: posting to #cs1, the plan's reminders.channels.default, not COURSEBOT_CHANNEL #cs1-fall (the plan wins; remove its default to use the setting)",
      ],
    });
  });

  it('says nothing when they agree or only one is set', () => {
    expect(channelOf({ COURSEBOT_CHANNEL: '#cs1' }, { default: '#cs1' }).lines).toEqual([]);
    expect(channelOf({}, { default: '#cs1' }).lines).toEqual([]);
    expect(channelOf({ COURSEBOT_CHANNEL: '#cs1-fall' }, {})).toEqual({ channel: '#cs1-fall', lines: [] });
  });
});
