// COURSEBOT_COMMAND: an app whose manifest renames the slash command (another app owns /schedule) is
// answered under that name, and its help shows the name students type.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/env.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startApp, type StartedApp } from '../slack/slack-kit.ts';

let fake: FakeSlack | undefined;
let started: StartedApp | undefined;
afterEach(async () => {
  await started?.slack.stop();
  await fake?.close();
  started = fake = undefined;
});

describe('the slash command name', () => {
  it('is /schedule unless COURSEBOT_COMMAND names another, with or without its slash', () => {
    expect(parseConfig({}).command).toBe('/schedule');
    expect(parseConfig({ COURSEBOT_COMMAND: '/cs599' }).command).toBe('/cs599');
    expect(parseConfig({ COURSEBOT_COMMAND: 'cs599' }).command).toBe('/cs599');
    expect(() => parseConfig({ COURSEBOT_COMMAND: '/two words' })).toThrow(
      'COURSEBOT_COMMAND must be a slash command such as /schedule',
    );
  });

  it('is answered under the configured name, and help shows that name', async () => {
    fake = await startFakeSlack();
    started = await startApp(fake, 'socket', {
      command: parseConfig({ COURSEBOT_COMMAND: 'cs599' }).command,
    });
    const ack = await fake.sendSlashCommand({ command: '/cs599', text: 'help' });
    const text = (ack.payload as { text?: string }).text ?? '';
    expect(text).toContain('/cs599 next');
    // The command itself, not a page's path such as …/cs101/schedule.html in an example.
    expect(text).not.toMatch(/(^|\s|`)\/schedule\b/m);
  });
});
