import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../util/logger.ts';
import type { SlackDeliveries } from './slack-deliveries.ts';

export interface OncePerDeliveryOptions {
  deliveries: SlackDeliveries;
  log: Pick<Logger, 'warn' | 'debug'>;
  wallNow: () => number;
  /**
   * How long the record may take before the request is handled without it: Slack wants a command's ack
   * within 3 s, and a store that is away would otherwise hold every request for its connect timeout.
   */
  waitMs?: number;
}

/** What identifies one delivery across Slack's re-sends: the event's event_id, else the trigger_id. */
export function deliveryId(body: unknown): string | undefined {
  const fields = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown };
  if (typeof fields.event_id === 'string' && fields.event_id) return fields.event_id;
  if (typeof fields.trigger_id === 'string' && fields.trigger_id) return fields.trigger_id;
  return undefined;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Bolt middleware run before every listener: Slack re-sends a delivery it got no timely ack for (HTTP:
 * X-Slack-Retry-Num; Socket Mode: retry_attempt), maybe to another instance. Each delivery is recorded
 * first; one recorded before is acknowledged and not handled again. When the record cannot be made, the
 * request is handled anyway (a rare double answer beats none), and that is logged once until it works again.
 */
export function oncePerDelivery({ deliveries, log, wallNow, waitMs = 1_000 }: OncePerDeliveryOptions) {
  let failing = false;

  const firstSeen = async (id: string): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    let recording: boolean | Promise<boolean>;
    try {
      recording = deliveries.firstSeen(id, wallNow());
    } catch (error) {
      recording = Promise.reject(error);
    }
    // In memory (one instance): known at once, no timer to race.
    if (typeof recording === 'boolean') {
      failing = false;
      return recording;
    }
    const late = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
    });
    try {
      const seen = await Promise.race([recording, late]);
      if (seen === TIMED_OUT) throw new Error(`no answer within ${waitMs} ms`);
      failing = false;
      return seen;
    } catch (error) {
      recording.catch(() => {});
      if (!failing) {
        failing = true;
        const why = error instanceof Error ? error.message : String(error);
        log.warn(
          `slack: cannot record deliveries (${why}); handling requests without checking for Slack's retries until it works again`,
        );
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  };

  // `handle`: what a first delivery goes on to, Bolt's next middleware unless the caller says.
  return async (
    args: AnyMiddlewareArgs & AllMiddlewareArgs,
    handle: () => Promise<void> = () => args.next(),
  ): Promise<void> => {
    const id = deliveryId(args.body);
    if (id === undefined || (await firstSeen(id))) return handle();
    const retry = args.context.retryNum === undefined ? '' : ` (retry ${args.context.retryNum})`;
    log.debug(`slack: ${id}${retry} was handled already; acknowledged only`);
    // An event is acknowledged by Bolt before any middleware; a command, action or view waits for ours.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
