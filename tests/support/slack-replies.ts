/** Reading the bot's replies as the fake Slack received them, and clicking their buttons. */
import type { FakeSlack } from '../fakes/fake-slack.ts';

export interface Button {
  action_id: string;
  value?: string;
}

/** An ack body or a response_url body: the fields the tests read. */
export interface Reply {
  text?: string;
  blocks?: { type: string; elements?: Button[] }[];
  replace_original?: boolean;
}

export function buttonsOf(reply: Reply): Button[] {
  return (reply.blocks ?? []).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

/** Clicks the button `actionId` of `reply` and resolves with what the bot sent to its response_url. */
export async function clickButton(
  fake: FakeSlack,
  reply: Reply,
  actionId: string,
  user: string,
  channel: string,
  ms = 5000,
): Promise<Reply> {
  const button = buttonsOf(reply).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in: ${reply.text}`);
  const before = fake.responses().length;
  await fake.sendInteractive({
    actions: [{ action_id: actionId, ...(button.value === undefined ? {} : { value: button.value }) }],
    userId: user,
    channelId: channel,
  });
  for (const end = performance.now() + ms; ;) {
    const answer = fake.responses()[before];
    if (answer) return answer.body as Reply;
    if (performance.now() > end) throw new Error(`no answer to ${actionId} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
