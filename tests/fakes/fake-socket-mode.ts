/**
 * The Socket Mode side of the fake: a `ws` server at `/link` that greets each client with hello, pushes
 * envelopes, and matches the client's acks to them by envelope_id.
 */
import type { Server } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sent back: `payload` is the ack body (`{}` for an empty ack). */
export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

export const ACK_TIMEOUT_MS = 3000;

export class FakeSocketMode {
  private readonly wss: WebSocketServer;
  private readonly pending = new Map<string, (ack: Ack) => void>();
  private readonly connectionWaiters: Array<() => void> = [];
  private counter = 0;
  /** Every ack received, in order. */
  readonly acks: Ack[] = [];
  /** How many clients ever connected (a reconnect counts again). */
  connectionCount = 0;

  constructor(server: Server) {
    this.wss = new WebSocketServer({ server, path: '/link' });
    this.wss.on('connection', (ws) => {
      this.connectionCount += 1;
      ws.on('message', (data) => this.onMessage(String(data)));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' } }));
      for (const wake of this.connectionWaiters.splice(0)) wake();
    });
  }

  get openSockets(): WebSocket[] {
    return [...this.wss.clients].filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  /**
   * Sends an envelope to the newest open client and resolves with its ack. Rejects when no client is
   * connected or no ack arrives within `timeoutMs` (Slack's own limit is 3 s).
   */
  async push(type: EnvelopeType, payload: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<Ack> {
    const deadline = Date.now() + timeoutMs;
    const ws = await this.waitForSocket(timeoutMs);
    if (!ws) throw new Error(`fake Slack: no Socket Mode client connected within ${timeoutMs} ms (${type})`);
    this.counter += 1;
    const envelope: Envelope = {
      envelope_id: `env-${this.counter}`,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
    };
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(envelope.envelope_id);
          reject(
            new Error(
              `fake Slack: no ack for ${type} envelope ${envelope.envelope_id} within ${timeoutMs} ms ` +
                '(Slack would show the user a timeout error)',
            ),
          );
        },
        Math.max(0, deadline - Date.now()),
      );
      this.pending.set(envelope.envelope_id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      ws.send(JSON.stringify(envelope));
    });
  }

  /** Asks every client to reconnect, as Slack does when recycling a connection. */
  disconnect(reason = 'warning'): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } });
    for (const ws of this.openSockets) ws.send(message);
  }

  /** Resolves when a client has connected (and been greeted), or after `timeoutMs` with false. */
  async waitForConnection(timeoutMs = ACK_TIMEOUT_MS): Promise<boolean> {
    return (await this.waitForSocket(timeoutMs)) !== undefined;
  }

  /** Closes politely first (clients log an error on an abrupt end), then forcibly after a short grace. */
  async close(graceMs = 200): Promise<void> {
    const closing = [...this.wss.clients].map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            ws.terminate();
            resolve();
          }, graceMs);
          ws.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          if (ws.readyState === WebSocket.OPEN) ws.close(1001, 'server shutting down');
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async waitForSocket(timeoutMs: number): Promise<WebSocket | undefined> {
    const open = this.openSockets;
    if (open.length > 0) return open[open.length - 1];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.connectionWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    const now = this.openSockets;
    return now[now.length - 1];
  }

  private onMessage(text: string): void {
    let ack: Ack;
    try {
      ack = JSON.parse(text) as Ack;
    } catch {
      return;
    }
    if (typeof ack.envelope_id !== 'string') return;
    this.acks.push(ack);
    const resolve = this.pending.get(ack.envelope_id);
    this.pending.delete(ack.envelope_id);
    resolve?.(ack);
  }
}
