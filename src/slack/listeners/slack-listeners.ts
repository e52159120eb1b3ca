import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Logger } from '../../util/logger.ts';
import { FAILED_TEXT, failureLine } from './listener-failed.ts';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type EventArgs<E extends string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** An ack that remembers it was called, so the failure handler knows whether it may still answer with it. */
function trackedAck<A extends (...args: never[]) => Promise<void>>(ack: A): { ack: A; acked: () => boolean } {
  let called = false;
  const wrapped = ((...args: Parameters<A>) => {
    called = true;
    return ack(...args);
  }) as A;
  return { ack: wrapped, acked: () => called };
}

/**
 * Every Slack listener of the bot is bound here, by surface: commands, button actions, events, views. Each
 * is wrapped by the one failure handler: an unexpected error is logged in one line and the user is told
 * politely (in the ack when it is still unsent, else through response_url), never left with silence.
 */
export class SlackListeners {
  constructor(
    private readonly app: App,
    private readonly log: Pick<Logger, 'error'>,
  ) {}

  command(name: string, handler: (args: CommandArgs) => Promise<void>): void {
    this.app.command(name, async (args) => {
      const { ack, acked } = trackedAck(args.ack);
      try {
        await handler({ ...args, ack });
      } catch (error) {
        this.log.error(failureLine(`${name} "${args.command.text ?? ''}"`, error));
        await this.tell(acked() ? undefined : ack, args.respond);
      }
    });
  }

  action(actionId: string | RegExp, handler: (args: ButtonArgs) => Promise<void>): void {
    this.app.action<BlockButtonAction>(actionId, async (args) => {
      const { ack, acked } = trackedAck(args.ack);
      try {
        await handler({ ...args, ack });
      } catch (error) {
        this.log.error(failureLine(`button ${actionId}`, error));
        if (!acked()) await ack().catch(() => {});
        await this.tell(undefined, args.respond);
      }
    });
  }

  event<E extends string>(name: E, handler: (args: EventArgs<E>) => Promise<void>): void {
    this.app.event(name, async (args) => {
      try {
        await handler(args);
      } catch (error) {
        // No one to answer: an event is acknowledged by Bolt itself, and a retry would fail the same way.
        this.log.error(failureLine(`event ${name}`, error));
      }
    });
  }

  view(callbackId: string, handler: (args: ViewArgs) => Promise<void>): void {
    this.app.view<ViewSubmitAction>(callbackId, async (args) => {
      const { ack, acked } = trackedAck(args.ack);
      try {
        await handler({ ...args, ack });
      } catch (error) {
        this.log.error(failureLine(`view ${callbackId}`, error));
        // A modal closes on an empty ack; the error is shown on its first block when Slack allows it.
        if (!acked()) await ack().catch(() => {});
      }
    });
  }

  private async tell(
    ack: ((body: { response_type: 'ephemeral'; text: string }) => Promise<void>) | undefined,
    respond: CommandArgs['respond'] | ButtonArgs['respond'],
  ): Promise<void> {
    const body = { response_type: 'ephemeral' as const, text: FAILED_TEXT };
    try {
      if (ack) await ack(body);
      else await respond({ ...body, replace_original: false });
    } catch (error) {
      this.log.error(failureLine('telling the user of a failure', error));
    }
  }
}
