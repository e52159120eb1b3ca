import type { ImportFormat } from '../importer/rows.ts';
import { describeNetworkFailure } from './network-failure.ts';
import { notSchedule } from './page-kind.ts';
import { metaRefreshTarget } from './meta-refresh.ts';
import { pageFormat, refuseDocument, refuseText } from './page-format.ts';
import { decodeBody, readBody } from './read-body.ts';

/** A schedule page as fetched: its text, and the address relative links in it are resolved against. */
export interface FetchedPage {
  ok: true;
  text: string;
  /** The address after redirects. */
  finalUrl: string;
  /** As the server sent it ("text/html; charset=utf-8"), or "" when it sent none. */
  contentType: string;
  format: ImportFormat;
}

export type FetchErrorCode =
  | 'bad-url'
  | 'http-status'
  | 'timeout'
  | 'too-large'
  | 'dns'
  | 'refused'
  | 'tls'
  | 'redirects'
  | 'network'
  | 'unsupported-type'
  | 'empty'
  | 'login-page'
  | 'not-schedule';

/** Why the page could not be fetched: `message` is one line for the user, starting with the address. */
export interface FetchFailure {
  ok: false;
  code: FetchErrorCode;
  message: string;
  /** The HTTP status, for `http-status`. */
  status?: number;
}

export type FetchPageResult = FetchedPage | FetchFailure;

export interface FetchPageOptions {
  /** For the whole fetch, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Larger pages are refused; reading stops as soon as the body passes it. Default 5 MB. */
  maxBytes?: number;
  /** Tests inject failures the loopback network cannot produce (a DNS error). */
  fetch?: typeof globalThis.fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
// Course sites' admins see who reads their pages; an honest name lets them tell us from a crawler.
export const USER_AGENT = 'coursebot/0.1 (course schedule importer)';
const ACCEPT = 'text/html, text/markdown, text/csv, text/plain;q=0.9, */*;q=0.5';

/** "5 MB", "64 kB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** "10 s", "250 ms". */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

const STATUS_HINT: Record<number, string> = {
  401: 'the page needs a login: make it public, or save it from your browser and import the file',
  403: 'the server refused access (the page may need a login): make it public, or save it from your browser and import the file',
  404: 'no page at this address: check it in a browser',
  410: 'the page was removed: check the course site for its new address',
  429: 'the server asks to slow down: try again in a few minutes',
};

function statusLine(status: number, statusText: string): string {
  const named = statusText ? `HTTP ${status} ${statusText}` : `HTTP ${status}`;
  const hint =
    STATUS_HINT[status] ??
    (status >= 500
      ? 'the server failed: try again later, or save the page from your browser and import the file'
      : 'the server would not send the page: check the address in a browser');
  return `${hint} (${named})`;
}

// Old course pages often stay up as a stub that forwards to this term's page; a chain longer than this is
// a loop.
const MAX_REFRESHES = 5;

interface Exchange {
  /** The address as asked, without its fragment (never sent), to tell a redirect. */
  asked: string;
  signal: AbortSignal;
  timedOut: () => boolean;
  timeoutMs: number;
  maxBytes: number;
  fetch: typeof globalThis.fetch;
  fail: (code: FetchErrorCode, why: string, status?: number) => FetchFailure;
}

/** " (redirected to …)" when the page came from elsewhere than asked. */
function movedNote(asked: string, finalUrl: string): string {
  return finalUrl !== asked ? ` (redirected to ${finalUrl})` : '';
}

/** One request, redirects followed: the decoded page, not yet judged a schedule, or why there is none. */
async function receive(url: URL, x: Exchange): Promise<FetchPageResult> {
  const { fail } = x;
  const late = (stage: string) =>
    fail(
      'timeout',
      `${stage} within ${formatDuration(x.timeoutMs)}: the server is slow or unreachable; try again, or save the page and import the file`,
    );
  let response: Response;
  try {
    response = await x.fetch(url, {
      redirect: 'follow',
      signal: x.signal,
      headers: { 'user-agent': USER_AGENT, accept: ACCEPT },
    });
  } catch (error) {
    if (x.timedOut()) return late('no answer');
    const failure = describeNetworkFailure(error, url);
    return fail(failure.code, failure.message);
  }
  const finalUrl = response.url || url.href;
  const movedTo = movedNote(x.asked, finalUrl);
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return fail(
      'http-status',
      `${statusLine(response.status, response.statusText)}${movedTo}`,
      response.status,
    );
  }

  const contentType = response.headers.get('content-type') ?? '';
  const tooLarge = () =>
    fail(
      'too-large',
      `the page is larger than ${formatBytes(x.maxBytes)}, too large for a schedule: save the schedule part of it and import the file`,
    );
  const declaredLength = Number(response.headers.get('content-length') ?? NaN);
  const early = refuseDocument(contentType, new Uint8Array());
  if (early || declaredLength > x.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    if (early) return fail('unsupported-type', `this is ${early.what}, not a web page: ${early.fix}`);
    return tooLarge();
  }

  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBody(response, x.maxBytes);
  } catch (error) {
    if (x.timedOut()) return late('the page did not finish loading');
    const failure = describeNetworkFailure(error, url);
    return fail(failure.code, failure.message);
  }
  if (!bytes) return tooLarge();
  const refused = refuseDocument(contentType, bytes);
  if (refused) return fail('unsupported-type', `this is ${refused.what}, not a web page: ${refused.fix}`);

  const text = decodeBody(bytes, contentType);
  const binary = refuseText(text);
  if (binary) return fail('unsupported-type', `this is ${binary.what}: ${binary.fix}`);
  if (!text.trim()) {
    return fail('empty', `the server sent an empty page${movedTo}: check the address in a browser`);
  }
  return { ok: true, text, finalUrl, contentType, format: pageFormat(contentType, text) };
}

/**
 * Fetches a schedule page over HTTP(S): redirects followed (HTTP ones, and a page that only forwards with
 * a meta refresh), bounded in time and size, its format told from the content type and the content.
 * Never throws for anything the network or the server does: every failure is a code and one line, so the
 * CLI and Slack can each show it their way.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchPageResult> {
  // Messages may be shown in a channel: a password written into the address is never repeated.
  const shown = address.replace(/^(https?:\/\/)[^/?#@]*@/i, '$1');
  const fail = (code: FetchErrorCode, why: string, status?: number): FetchFailure => ({
    ok: false,
    code,
    message: `${shown}: ${why}`,
    ...(status === undefined ? {} : { status }),
  });
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return fail(
      'bad-url',
      'not a valid web address: pass one such as https://example.edu/cs101/schedule.html',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(
      'bad-url',
      'only http:// and https:// addresses can be fetched; pass a file name for a saved page',
    );
  }
  if (url.username || url.password) {
    return fail(
      'bad-url',
      'an address with a user name or password in it cannot be fetched: make the page public, or save it from your browser and import the file',
    );
  }

  // One deadline for the whole exchange: a server that answers at once but then trickles the body is as
  // stuck as one that never answers.
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const exchange: Exchange = {
    asked: url.href.replace(/#.*$/, ''),
    signal: controller.signal,
    timedOut: () => timedOut,
    timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetch: options.fetch ?? globalThis.fetch,
    fail,
  };
  try {
    for (let refreshes = 0; ; refreshes++) {
      const page = await receive(url, exchange);
      if (!page.ok) return page;
      const kind = notSchedule(page.text, page.format);
      const forward =
        kind && page.format === 'html' ? metaRefreshTarget(page.text, page.finalUrl) : undefined;
      if (forward && refreshes === MAX_REFRESHES) {
        return fail(
          'redirects',
          `too many redirects (the page forwards more than ${MAX_REFRESHES} times): open it in a browser to see where it ends`,
        );
      }
      if (forward) {
        url = forward;
        continue;
      }
      const movedTo = movedNote(exchange.asked, page.finalUrl);
      if (kind === 'login') {
        return fail(
          'login-page',
          `this is a sign-in page, not the schedule${movedTo}: make the schedule public, or save it from your browser and import the file`,
        );
      }
      if (kind === 'no-dates') {
        return fail(
          'not-schedule',
          `no dates on this page${movedTo}, so it is not a schedule: pass the address of the page that lists the classes and their dates`,
        );
      }
      return page;
    }
  } finally {
    clearTimeout(timer);
  }
}
