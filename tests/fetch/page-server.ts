/** A course web site for the tests: routes by path, on 127.0.0.1 and a free port. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  url: (path: string) => string;
  /** The User-Agent of every request, in order. */
  agents: (string | undefined)[];
  close: () => Promise<void>;
}

/** A route that answers with a body and a content type (none when `type` is null). */
export function page(body: string | Buffer, type: string | null, status = 200): Route {
  return (_req, res) => {
    if (type !== null) res.setHeader('content-type', type);
    res.writeHead(status).end(body);
  };
}

export function redirect(to: string, status = 302): Route {
  return (_req, res) => res.writeHead(status, { location: to }).end();
}

export async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  const agents: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    agents.push(req.headers['user-agent']);
    const route = routes[(req.url ?? '/').split('?')[0]!];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    agents,
    close: () =>
      new Promise<void>((resolve) => {
        // Slow routes keep their sockets open: drop them so the tests end at once.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
