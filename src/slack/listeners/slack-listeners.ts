import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
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
import { oncePerDelivery } from './once-per-delivery.ts';
import { MemorySlackDeliveries, type SlackDeliveries } from './slack-deliveries.ts';

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

export interface SlackListenersOptions {
  /**
   * Where deliveries are recorded so that Slack's re-sends are handled once: the database every instance
   * shares; this process's memory by default (one instance).
   */
  deliveries?: SlackDeliveries;
  /** Epoch ms of the wall clock, for pruning old deliveries (a demo's shifted clock must not). */
  wallNow?: () => number;
}

/**
 * Every Slack listener of the bot is bound here, by surface: commands, button actions, events, views. Each
 * is wrapped by the one failure handler: an unexpected error is logged in one line and the user is told
 * politely (in the ack when it is still unsent, else through response_url), never left with silence.
 * Before any of them runs, a delivery Slack re-sent is recognised and only acknowledged.
 */
export class SlackListeners {
  // Not one Bolt listener each, nor one per surface: Bolt runs every registered listener's middleware chain on
  // every request, and six chains were a third of what each /schedule answer allocated. One middleware,
  // after the re-send check, hands each request to its handler by surface and name.
  private readonly commands = new Map<string, (args: CommandArgs) => Promise<void>>();
  private readonly actions: { id: string | RegExp; run: (args: ButtonArgs) => Promise<void> }[] = [];
  private readonly views = new Map<string, (args: ViewArgs) => Promise<void>>();
  private readonly events = new Map<string, ((args: EventArgs<string>) => Promise<void>)[]>();

  constructor(
    private readonly app: App,
    private readonly log: Pick<Logger, 'error' | 'warn' | 'debug'>,
    { deliveries = new MemorySlackDeliveries(), wallNow = () => Date.now() }: SlackListenersOptions = {},
  ) {
    // One middleware, not two: each of Bolt's middleware steps costs every request a chain of closures.
    const once = oncePerDelivery({ deliveries, log, wallNow });
    app.use((args) => once(args, () => this.dispatch(args)));
  }

  command(name: string, handler: (args: CommandArgs) => Promise<void>): void {
    if (this.commands.has(name)) throw new Error(`the command ${name} is already bound`);
    this.commands.set(name, async (args) => {
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
    this.actions.push({
      id: actionId,
      run: async (args) => {
        const { ack, acked } = trackedAck(args.ack);
        try {
          await handler({ ...args, ack });
        } catch (error) {
          this.log.error(failureLine(`button ${actionId}`, error));
          if (!acked()) await ack().catch(() => {});
          await this.tell(undefined, args.respond);
        }
      },
    });
  }

  event<E extends string>(name: E, handler: (args: EventArgs<E>) => Promise<void>): void {
    const handlers = this.events.get(name) ?? [];
    this.events.set(name, handlers);
    handlers.push(async (args) => {
      try {
        await handler(args as EventArgs<E>);
      } catch (error) {
        // No one to answer: an event is acknowledged by Bolt itself, and a retry would fail the same way.
        this.log.error(failureLine(`event ${name}`, error));
      }
    });
  }

  view(callbackId: string, handler: (args: ViewArgs) => Promise<void>): void {
    if (this.views.has(callbackId)) throw new Error(`the view ${callbackId} is already bound`);
    this.views.set(callbackId, async (args) => {
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

  /**
   * The request's handler, by what Slack sent: a slash command by its name, a button by its action_id, a
   * modal's submission by its callback_id, an event by its type. A request none of them takes goes on to
   * Bolt (nothing else is registered there, so it is left as Bolt leaves an unhandled one).
   */
  private async dispatch(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const body = args.body as { type?: unknown; command?: unknown };
    if (typeof body.command === 'string' && 'command' in args) {
      const run = this.commands.get(body.command);
      return run ? run(args as CommandArgs) : args.next();
    }
    if (body.type === 'block_actions' && 'action' in args) {
      const id = (args as ButtonArgs).action.action_id;
      const matching = this.actions.filter((a) => (typeof a.id === 'string' ? a.id === id : a.id.test(id)));
      // A button of ours with nothing to do (a link button, say) is still acknowledged, so Slack shows no error.
      if (matching.length === 0) return (args as ButtonArgs).ack();
      for (const action of matching) await action.run(args as ButtonArgs);
      return;
    }
    if (body.type === 'view_submission' && 'view' in args) {
      const run = this.views.get((args as ViewArgs).view.callback_id);
      return run ? run(args as ViewArgs) : args.next();
    }
    if (body.type === 'event_callback' && 'event' in args) {
      const handlers = this.events.get((args as EventArgs<string>).event.type);
      if (!handlers) return args.next();
      for (const handler of handlers) await handler(args as EventArgs<string>);
      return;
    }
    return args.next();
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
