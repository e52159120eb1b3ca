// The /schedule listener on its own: what goes into the ack, when a slow handler answers later through
// response_url, and what a user sees when a handler fails.
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/queries/ask.ts';
import { registerCalendarCommand } from '../../src/slack/calendar-command.ts';
import { scheduleCallback } from '../../src/slack/schedule-callback.ts';
import { ScheduleCommandTable, type ScheduleReply } from '../../src/slack/schedule-commands.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { memoryDeployment } from '../support/memory-deployment.ts';
import { fixturePlan, recordingLogger, textContent } from './slack-kit.ts';

const clock = new ManualClock(DateTime.fromISO('2025-10-13T18:00:00-04:00', { setZone: true }));

function run(text: string, commands = new ScheduleCommandTable(), userId = 'U0STUDENT', command?: string) {
  const log = recordingLogger();
  const acks: RespondArguments[] = [];
  const responses: RespondArguments[] = [];
  const listener = scheduleCallback({
    deployment: memoryDeployment([{ plan: fixturePlan(), channels: ['C0CLASS'], staff: ['U0PROF'] }]),
    memberChannels: async () => new Set(),
    clock,
    ask,
    commands,
    log,
    ackBudgetMs: 50,
    command,
  });
  const args = {
    command: { text, user_id: userId, channel_id: 'C0CLASS' },
    ack: async (body: RespondArguments) => void acks.push(body),
    respond: async (body: RespondArguments) => void responses.push(body),
  } as unknown as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  return listener(args).then(() => ({ acks, responses, log }));
}

const reply = (text: string): ScheduleReply => ({ content: textContent(text) });

describe('scheduleCallback', () => {
  it('acks once with the answer and logs one line', async () => {
    const { acks, responses, log } = await run('next');
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Class 13') });
    expect(responses).toEqual([]);
    expect(log.lines).toEqual([
      expect.stringMatching(/^debug \/schedule "next" from U0STUDENT answered in \d+ ms$/),
    ]);
  });

  it('tells a staff handler who asks and whether they are staff', async () => {
    const seen: unknown[] = [];
    const commands = new ScheduleCommandTable().register('Cancel', (request) => {
      seen.push({ word: request.word, args: request.args, isStaff: request.isStaff });
      return { ...reply('cancelled'), share: true };
    });
    const { acks } = await run('CANCEL class 14', commands, 'U0PROF');
    expect(seen).toEqual([{ word: 'cancel', args: 'class 14', isStaff: true }]);
    expect(acks[0]).toMatchObject({ response_type: 'in_channel', text: 'cancelled' });
  });

  it('tells a handler the configured slash command, for replies that suggest one', async () => {
    const commands = new ScheduleCommandTable();
    registerCalendarCommand(commands, {
      feedOf: () => ({ courseId: () => 'cs1', token: async () => 't', rotate: async () => 't2' }),
      publicUrl: 'https://bot.example.edu',
      log: recordingLogger(),
    });
    const { acks } = await run('calendar rotate', commands, 'U0STUDENT', '/cs1');
    expect(acks[0]!.text).toBe(
      'Sorry, only the course staff can replace the calendar link. /cs1 calendar gives it.',
    );
  });

  it('acks a fast asynchronous handler with its answer', async () => {
    const commands = new ScheduleCommandTable().register('move', async () => reply('moved'));
    const { acks, responses } = await run('move 14 to Oct 22', commands);
    expect(acks.map((a) => a.text)).toEqual(['moved']);
    expect(responses).toEqual([]);
  });

  it('acks a slow handler at once and sends its answer through response_url', async () => {
    const commands = new ScheduleCommandTable().register('extend', async () => {
      await new Promise((r) => setTimeout(r, 150));
      return reply('extended');
    });
    const { acks, responses } = await run('extend hw2 2d', commands);
    expect(acks.map((a) => a.text)).toEqual(['Working on it…']);
    expect(responses).toMatchObject([{ text: 'extended', replace_original: true }]);
  });

  it('answers a failing handler with one polite line and logs the error', async () => {
    const commands = new ScheduleCommandTable()
      .register('boom', () => {
        throw new Error('database is locked');
      })
      .register('later', () => Promise.reject(new Error('timeout')));
    for (const text of ['boom', 'later']) {
      const { acks, log } = await run(text, commands);
      expect(acks[0]?.text).toContain('Sorry, that request failed on our side');
      expect(acks[0]?.text).not.toMatch(/database is locked|timeout|at .*\.ts/);
      expect(log.lines[0]).toMatch(/^error \/schedule "\w+" failed: (database is locked|timeout)$/);
    }
  });

  it('refuses to register a word twice', () => {
    const table = new ScheduleCommandTable().register('cancel', () => reply('x'));
    expect(() => table.register('cancel', () => reply('y'))).toThrow('already registered');
  });
});
