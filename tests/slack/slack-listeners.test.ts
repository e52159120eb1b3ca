// SlackListeners: the one middleware that hands each request to its handler (by command name, action_id and
// event type), and the one failure handler behind every listener: an unexpected error is one log line and one
// polite answer, in the ack when it is still unsent, else through response_url; never a stack trace, never
// silence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAILED_TEXT } from '../../src/slack/listeners/listener-failed.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startApp, type StartedApp } from './slack-kit.ts';
import { until } from '../support/until.ts';

let fake: FakeSlack;
let started: StartedApp;

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await started?.slack.stop();
  await fake.close();
});

describe('SlackListeners', () => {
  it('answers a command that failed before its ack in the ack, and logs one line', async () => {
    started = await startApp(fake, 'socket');
    started.slack.listeners.command('/broken', async () => {
      throw new Error('the disk is gone\n    at somewhere (file.ts:1:1)');
    });
    const ack = await fake.sendSlashCommand({ command: '/broken', text: 'next' });
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', text: FAILED_TEXT });
    const lines = started.log.lines.filter((l) => l.startsWith('error'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error slack: \/broken "next" failed: the disk is gone/);
    expect(lines[0]).not.toContain('\n');
  });

  it('acks a failing button and tells the person through response_url', async () => {
    started = await startApp(fake, 'socket');
    started.slack.listeners.action('broken_button', async () => {
      throw new Error('boom');
    });
    await fake.sendInteractive({ actions: [{ action_id: 'broken_button', value: 'x' }] });
    const response = await until(() => fake.responses()[0]);
    expect(response.body).toMatchObject({ text: FAILED_TEXT, replace_original: false });
    expect(started.log.lines).toContain('error slack: button broken_button failed: boom');
  });
});

describe('SlackListeners dispatch', () => {
  it('runs the handler of the command, button and event each request names, and only it', async () => {
    started = await startApp(fake, 'socket');
    const ran: string[] = [];
    const { listeners } = started.slack;
    listeners.command('/first', async ({ ack }) => {
      ran.push('first');
      await ack('one');
    });
    listeners.command('/second', async ({ ack }) => {
      ran.push('second');
      await ack('two');
    });
    listeners.action(/^pick_/, async ({ ack, action }) => {
      ran.push(`action ${action.action_id}`);
      await ack();
    });
    listeners.event('reaction_added', async () => void ran.push('reaction a'));
    listeners.event('reaction_added', async () => void ran.push('reaction b'));
    listeners.event('app_mention', async () => void ran.push('mention'));

    expect((await fake.sendSlashCommand({ command: '/second', text: '' })).payload).toMatchObject({
      text: 'two',
    });
    await fake.sendInteractive({ actions: [{ action_id: 'pick_one', value: 'x' }] });
    await fake.sendEvent({ type: 'reaction_added', user: 'U0STUDENT', reaction: 'tada' });
    await until(() => ran.length >= 4 || undefined);
    expect(ran).toEqual(['second', 'action pick_one', 'reaction a', 'reaction b']);
  });

  it('acknowledges a button no handler takes, so Slack shows no error', async () => {
    started = await startApp(fake, 'socket');
    started.slack.listeners.action('known', async ({ ack }) => ack());
    const acked = await fake.sendInteractive({ actions: [{ action_id: 'a_link_button', value: 'x' }] });
    expect(acked).toBeDefined();
    expect(started.log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
