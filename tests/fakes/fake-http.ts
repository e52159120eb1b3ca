/**
 * The fake's HTTP side: routes `/api/<method>` (with the token checks and scripted failures) and
 * `/respond/:id`, and records every Web API call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeResponseUrls } from './fake-response-urls.ts';
import type { LimitsState } from './fake-limits.ts';
import type { FakeState } from './fake-state.ts';
import { answerApiCall, knownMethods } from './fake-web-api.ts';
import { decodeBody, readRaw, tokenOf } from './read-body.ts';

/** A scripted outcome for the next call(s) to one method. */
export type Failure =
  /** HTTP 200 with `{ok:false, error}`. */
  | { error: string }
  /** HTTP 429 with Retry-After (seconds); omit retryAfter to send no header. */
  | { status: 429; retryAfter?: number }
  /** Any other HTTP status, e.g. 500 or 503. */
  | { status: number }
  /** The connection is destroyed before anything is done: the call never reached Slack. */
  | { dropConnection: true }
  /** The call is carried out (a post is stored), then the connection is destroyed: the answer is lost. */
  | { loseResponse: true }
  /** The call is answered normally, after a delay. */
  | { delayMs: number };

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  token?: string;
  /** Epoch milliseconds on the fake's clock. */
  at: number;
  /** The scripted failure applied to this call, if any. */
  failure?: Failure;
}

export interface HttpDeps {
  state: FakeState;
  calls: ApiCall[];
  /** Scripted failures still to apply, per method, in order. */
  scripts: Map<string, Failure[]>;
  responseUrls: FakeResponseUrls;
  baseUrl: () => string;
  /** Latency and rate limits (FakeSlackOptions.limits); none when omitted. */
  limits?: LimitsState;
}

export function fakeRequestListener(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { state, calls, scripts, responseUrls } = deps;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const raw = await readRaw(req);
    if (path.startsWith('/respond/')) {
      const answer = responseUrls.accept(path.slice('/respond/'.length), parseLoose(raw));
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const params = decodeBody(raw, req.headers['content-type']);
    const token = tokenOf(req, params ?? {});
    await deps.limits?.delay();
    const failure =
      scripts.get(method)?.shift() ??
      (method === 'chat.postMessage' && params ? deps.limits?.judgePost(params) : undefined);
    calls.push({ method, params: params ?? {}, token, at: state.nowMs(), ...(failure ? { failure } : {}) });

    if (failure && 'dropConnection' in failure) return void req.socket.destroy();
    if (failure && 'delayMs' in failure) await new Promise((r) => setTimeout(r, failure.delayMs));
    if (failure && 'status' in failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.status === 429 && 'retryAfter' in failure && failure.retryAfter !== undefined) {
        headers['retry-after'] = String(failure.retryAfter);
      }
      const error = failure.status === 429 ? 'ratelimited' : 'fatal_error';
      res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error }));
      return;
    }
    if (failure && 'error' in failure) return sendJson(res, 200, { ok: false, error: failure.error });
    if (params === undefined) return sendJson(res, 200, { ok: false, error: 'invalid_json' });

    const body = answer(method, params, token);
    if (failure && 'loseResponse' in failure) return void req.socket.destroy();
    sendJson(res, 200, body);
  }

  function answer(method: string, params: Record<string, unknown>, token: string | undefined) {
    const { state, baseUrl } = deps;
    if (!knownMethods.has(method)) return { ok: false, error: 'unknown_method' };
    if (!token) return { ok: false, error: 'not_authed' };
    if (method === 'apps.connections.open') {
      return token.startsWith('xapp-')
        ? { ok: true, url: `${baseUrl().replace(/^http/, 'ws')}/link` }
        : { ok: false, error: 'invalid_auth' };
    }
    if (!token.startsWith('xoxb-')) return { ok: false, error: 'invalid_auth' };
    return answerApiCall(state, method, params);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** response_url POSTs are JSON (Bolt's respond) but tolerate anything. */
function parseLoose(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
