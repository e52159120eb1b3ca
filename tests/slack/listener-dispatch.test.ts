// The one middleware that hands each request to its handler: by command name, action_id, callback_id and
// event type, with several handlers of one event all run, and a button nobody handles still acknowledged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startApp, type StartedApp } from './slack-kit.ts';

let fake: FakeSlack;
let started: StartedApp;

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await started?.slack.stop();
  await fake.close();
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

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
    await until(() => ran.length >= 4);
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
