// The step before every listener: a delivery Slack re-sent is acknowledged and not handled again; a store
// that fails or hangs lets the request through, logged once until it works again.
import { describe, expect, it } from 'vitest';
import { deliveryId, oncePerDelivery } from '../../src/slack/listeners/once-per-delivery.ts';
import { MemorySlackDeliveries, type SlackDeliveries } from '../../src/slack/listeners/slack-deliveries.ts';
import { recordingLogger } from './slack-kit.ts';

type StepArgs = Parameters<ReturnType<typeof oncePerDelivery>>[0];

/** Runs one request through the step: whether it reached the listeners, and how often it was acked. */
async function deliver(step: ReturnType<typeof oncePerDelivery>, body: object, retryNum?: number) {
  let handled = false;
  let acks = 0;
  const args = {
    body,
    context: retryNum === undefined ? {} : { retryNum },
    next: async () => void (handled = true),
    ...('event_id' in body ? {} : { ack: async () => void acks++ }),
  } as unknown as StepArgs;
  await step(args);
  return { handled, acks };
}

const failing = (error: Error): SlackDeliveries => ({ firstSeen: () => Promise.reject(error) });

describe('deliveryId', () => {
  it("is the event's event_id, else the trigger_id of a command, action or view", () => {
    expect(deliveryId({ event_id: 'Ev01', trigger_id: 'ignored' })).toBe('Ev01');
    expect(deliveryId({ command: '/schedule', trigger_id: '123.456.abc' })).toBe('123.456.abc');
    expect(deliveryId({ type: 'block_actions' })).toBeUndefined();
    expect(deliveryId(undefined)).toBeUndefined();
  });
});

describe('oncePerDelivery', () => {
  const make = (deliveries: SlackDeliveries, waitMs?: number) => {
    const log = recordingLogger();
    const step = oncePerDelivery({
      deliveries,
      log,
      wallNow: () => Date.parse('2025-10-13T22:00:00Z'),
      ...(waitMs === undefined ? {} : { waitMs }),
    });
    return { step, log };
  };

  it('handles a delivery once; its re-send is only acknowledged', async () => {
    const { step } = make(new MemorySlackDeliveries());
    const command = { command: '/schedule', text: 'next', trigger_id: '1.2.a' };
    expect(await deliver(step, command)).toEqual({ handled: true, acks: 0 });
    expect(await deliver(step, command, 1)).toEqual({ handled: false, acks: 1 });
    // An event was acknowledged by Bolt before any middleware: nothing more to send.
    const event = { type: 'event_callback', event_id: 'Ev09', event: { type: 'app_home_opened' } };
    expect(await deliver(step, event)).toEqual({ handled: true, acks: 0 });
    expect(await deliver(step, event, 2)).toEqual({ handled: false, acks: 0 });
  });

  it('handles what carries no id every time', async () => {
    const { step } = make(new MemorySlackDeliveries());
    expect(await deliver(step, { type: 'block_actions' })).toEqual({ handled: true, acks: 0 });
    expect(await deliver(step, { type: 'block_actions' })).toEqual({ handled: true, acks: 0 });
  });

  it('handles requests anyway while the store fails, and says so once', async () => {
    const { step, log } = make(failing(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    for (const trigger of ['1.a', '1.a', '2.b'])
      expect(await deliver(step, { trigger_id: trigger })).toEqual({ handled: true, acks: 0 });
    expect(log.lines).toEqual([
      "warn slack: cannot record deliveries (connect ECONNREFUSED 127.0.0.1:5432); handling requests without checking for Slack's retries until it works again",
    ]);
  });

  it('says so again after the store came back and failed anew', async () => {
    let down = true;
    const store = new MemorySlackDeliveries();
    const flaky: SlackDeliveries = {
      firstSeen: (id, at) => (down ? Promise.reject(new Error('gone')) : store.firstSeen(id, at)),
    };
    const { step, log } = make(flaky);
    await deliver(step, { trigger_id: '1.a' });
    down = false;
    expect(await deliver(step, { trigger_id: '2.b' })).toEqual({ handled: true, acks: 0 });
    expect(await deliver(step, { trigger_id: '2.b' })).toEqual({ handled: false, acks: 1 });
    down = true;
    await deliver(step, { trigger_id: '3.c' });
    expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(2);
  });

  it('does not keep a request waiting for a store that does not answer', async () => {
    const hanging: SlackDeliveries = { firstSeen: () => new Promise(() => {}) };
    const { step, log } = make(hanging, 50);
    const started = performance.now();
    expect(await deliver(step, { trigger_id: '1.a' })).toEqual({ handled: true, acks: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(log.lines).toEqual([expect.stringContaining('cannot record deliveries (no answer within 50 ms)')]);
  });
});
