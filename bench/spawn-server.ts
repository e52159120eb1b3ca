/**
 * Starts bench/server-child.ts for one app in its own Node process (with --expose-gc, so its memory can be
 * measured after a collection) and gives the parent a small handle on it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './server-child.ts';
import { settingsToEnv, type ServerSettings } from './server-settings.ts';

export type AppKind = 'bare' | 'coursebot';

export interface Child {
  kind: AppKind;
  origin: string;
  measure(): Promise<{ rssBytes: number; gcExposed: boolean }>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;

/** A port free right now on 127.0.0.1 (the app is told to listen on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

/** `profileDir`: write a V8 CPU profile of the app there when it exits (open it in Chrome DevTools). */
export async function startChild(
  kind: AppKind,
  base: Omit<ServerSettings, 'port'>,
  profileDir?: string,
): Promise<Child> {
  const port = await freePort();
  const proc = fork(CHILD, [kind], {
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      // One directory per app: the loader's worker thread writes a profile of its own beside the main one.
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, kind)}`] : []),
    ],
    env: { ...process.env, ...settingsToEnv({ ...base, port }) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const first = await nextMessage(proc, START_TIMEOUT_MS).catch((error: Error) => {
    proc.kill();
    throw new Error(`${kind} app did not start: ${error.message}${stderr ? `\n${stderr.trim()}` : ''}`);
  });
  if (first.type !== 'ready') {
    proc.kill();
    throw new Error(`${kind} app did not start: ${first.type === 'failed' ? first.message : first.type}`);
  }
  return {
    kind,
    origin: `http://127.0.0.1:${port}`,
    async measure() {
      proc.send({ type: 'measure' } satisfies ParentMessage);
      const reply = await nextMessage(proc, 10_000);
      if (reply.type !== 'memory') throw new Error(`${kind} app answered ${reply.type} to a memory request`);
      return reply;
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextMessage(proc: ChildProcess, timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => done(undefined, message);
    const onExit = (code: number | null) => done(new Error(`process exited (code ${code})`));
    function done(error?: Error, message?: ChildMessage) {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    proc.on('message', onMessage);
    proc.on('exit', onExit);
  });
}
