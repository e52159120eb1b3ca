import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../util/user-error.ts';
import type { HttpRoute } from './calendar-route.ts';

/** Routes matched by their first segment and depth (`/calendar/:course/:file`, `/healthz`). */
function find(routes: readonly HttpRoute[], pathname: string): HttpRoute | undefined {
  const parts = pathname.split('/');
  return routes.find((route) => {
    const pattern = route.path.split('/');
    return (
      pattern.length === parts.length &&
      pattern.every((p, i) => (p.startsWith(':') ? parts[i] !== '' : p === parts[i]))
    );
  });
}

export interface FeedListener {
  port: number;
  close(): Promise<void>;
}

/**
 * The small HTTP listener of Socket Mode (which needs none for Slack itself), opened when PORT is set: it
 * serves the calendar feeds and /healthz. Anything else is a 404, and nothing about a request is logged.
 */
export async function startFeedListener(
  routes: readonly HttpRoute[],
  port: number,
  host?: string,
): Promise<FeedListener> {
  const server: Server = createServer((req, res) => {
    const route = find(routes, new URL(req.url ?? '/', 'http://localhost').pathname);
    if (route && route.method.includes(req.method ?? '')) route.handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(new UserError(`Cannot listen on port ${port} (${error.code}): set PORT to a free port`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
