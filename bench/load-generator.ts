/**
 * Sends signed `/schedule next` requests to one app, one at a time over one kept-alive connection, and
 * times each round trip (request written → response body read). Signing happens before the timer starts.
 */
import { Pool } from 'undici';
import { signForm } from '../tests/fakes/signed-request.ts';

export interface Target {
  label: string;
  origin: string;
  pool: Pool;
  body: string;
  secret: string;
}

export interface Batch {
  latenciesMs: number[];
  errors: number;
  /** The first failure seen, to show why. */
  firstError?: string;
  /** The last answer body, to check the app answered what was asked. */
  lastBody?: string;
}

export function openTarget(label: string, origin: string, body: string, secret: string): Target {
  return { label, origin, body, secret, pool: new Pool(origin, { connections: 1, pipelining: 1 }) };
}

let invocations = 0;

/**
 * The same command typed again: Slack gives every invocation its own trigger_id, and the bot takes a
 * repeated one for Slack re-sending a request it already answered (it acknowledges it and does nothing).
 */
function freshInvocation(body: string, index: number): string {
  const form = new URLSearchParams(body);
  if (!form.has('trigger_id')) return body;
  form.set('trigger_id', `${form.get('trigger_id')}.${index}.${(invocations += 1)}`);
  return form.toString();
}

/** `timeoutMs`: how long one answer may take before it counts as an error. */
export async function runBatch(target: Target, count: number, timeoutMs = 5000): Promise<Batch> {
  const batch: Batch = { latenciesMs: [], errors: 0 };
  for (let i = 0; i < count; i++) {
    const signed = signForm(freshInvocation(target.body, i), target.secret);
    const started = performance.now();
    try {
      const response = await target.pool.request({
        path: '/slack/events',
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200 || text === '') {
        batch.errors += 1;
        batch.firstError ??= `HTTP ${response.statusCode}: ${text.slice(0, 200)}`;
      } else {
        batch.latenciesMs.push(elapsed);
        batch.lastBody = text;
      }
    } catch (error) {
      batch.errors += 1;
      batch.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  return batch;
}

/** Resolves once the app accepts HTTP on its port (any status), or throws after `timeoutMs`. */
export async function waitUntilListening(origin: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(`${origin}/`, { method: 'GET', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nothing listening at ${origin} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
