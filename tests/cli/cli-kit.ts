// Runs the real `coursebot` CLI in a directory, with only the environment a test gives it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function coursebot(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, TZ: 'UTC', ...env },
      timeout: 30_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** A `coursebot start` running in the background, its stdout and stderr together. */
export interface RunningBot {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

/** Starts `coursebot start ARGS` in `cwd` with only `env` (and PATH); `running` collects it for clean-up. */
export function spawnStart(
  cwd: string,
  args: string[],
  env: Record<string, string>,
  running: ChildProcess[],
): RunningBot {
  const child = spawn(process.execPath, [BIN, 'start', ...args], {
    cwd,
    env: { PATH: process.env.PATH, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
}

/** Waits until `test` holds, polling every 20 ms; names `what` when it times out. */
export async function until(what: string, test: () => boolean, ms = 30_000): Promise<void> {
  for (const end = performance.now() + ms; !test();) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
