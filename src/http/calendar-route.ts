import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BuiltFeed } from '../app/calendar-feed.ts';
import type { Logger } from '../util/logger.ts';

/** What the route needs of a course's feed: checking a link's secret, and the feed itself. */
export interface ServedFeed {
  matches(course: string, token: string): Promise<boolean>;
  current(): Promise<BuiltFeed>;
}

/** A route as Bolt's receivers take it (`customRoutes`), and as the Socket Mode listener serves it. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export const CALENDAR_PATH = '/calendar/:course/:file';
const PATH_RE = /^\/calendar\/([^/]+)\/([^/]+)\.ics$/;

/**
 * Every method is taken, so that a POST to a feed link is refused here: left to Bolt, an unmatched request
 * is logged with its URL, which holds the secret.
 */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * `GET /calendar/<course>/<token>.ics`: the course's feed, to anyone holding its link. A wrong course or
 * token is a plain 404 decided before any feed is built, so guessing costs the bot nothing and tells the
 * guesser nothing. Conditional requests with the ETag get a 304. The URL is never logged.
 */
export function calendarRoute(
  feeds: (course: string) => ServedFeed | undefined,
  log: Pick<Logger, 'error'>,
): HttpRoute {
  return {
    path: CALENDAR_PATH,
    method: METHODS,
    // Node's server does not wait for the promise: every outcome, a failure included, is answered inside.
    handler: (req, res) => void answer(req, res),
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let course = '';
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
        return;
      }
      const match = PATH_RE.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
      course = match ? safeDecode(match[1]!) : '';
      const token = match ? safeDecode(match[2]!) : '';
      const feed = course ? feeds(course) : undefined;
      if (!feed || !(await feed.matches(course, token))) {
        notFound(res);
        return;
      }
      serve(req, res, await feed.current());
    } catch (error) {
      // The course id is safe to log; the token and the URL are not.
      log.error(
        `calendar feed${course ? ` of ${course}` : ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('the calendar could not be built; try again later');
    }
  }
}

function serve(req: IncomingMessage, res: ServerResponse, feed: BuiltFeed): void {
  const headers: Record<string, string> = {
    etag: feed.etag,
    // Revalidated on every fetch: a 304 is cheap, and a stale copy would hide a change.
    'cache-control': 'private, no-cache',
    'x-robots-tag': 'noindex',
    'referrer-policy': 'no-referrer',
    ...(feed.lastModified ? { 'last-modified': feed.lastModified.toHTTP()! } : {}),
  };
  if (etagMatches(req.headers['if-none-match'], feed.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = Buffer.from(feed.body, 'utf8');
  res.writeHead(200, {
    ...headers,
    // Shown inline, not downloaded: calendar apps subscribe to the URL itself.
    'content-type': 'text/calendar; charset=utf-8',
    'content-length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** RFC 9110 If-None-Match: a list of tags, weak ones compared weakly, or `*`. */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim());
  return tags.some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** A feed link's secret, also inside an encoded link (`%2Fcalendar%2F…`, as in the "add it" buttons). */
const FEED_SECRET = /(calendar(?:\/|%2F)[^/%\s"'<>|]+(?:\/|%2F))[A-Za-z0-9_-]{43}(\.ics)/gi;

/** Masks feed secrets in a log line: Bolt logs whole reply bodies at debug, and `/schedule calendar` holds one. */
export const maskFeedSecrets = (text: string): string => text.replace(FEED_SECRET, '$1…$2');
