/**
 * The real `coursebot start` as a child process, for end-to-end tests: its output collected, waited on,
 * and stopped. A scratch working directory keeps a developer's ./.env out of the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** stdout and stderr together, as a terminal shows them. */
  out(): string;
  /** Resolves when `test` holds on the output; rejects (with the output) after `ms`. */
  waitFor(what: string, test: (out: string) => boolean, ms?: number): Promise<void>;
  /** SIGTERM and the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Starts `coursebot start` in `cwd` with only PATH, TZ=UTC and `env` in its environment. */
export function startBot(cwd: string, env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env: { PATH: process.env.PATH, TZ: 'UTC', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    out: () => out,
    exited,
    async waitFor(what, test, ms = 10_000) {
      for (const end = performance.now() + ms; !test(out);) {
        if (child.exitCode !== null)
          throw new Error(`exited (${child.exitCode}) waiting for ${what}:\n${out}`);
        if (performance.now() > end) throw new Error(`timed out waiting for ${what}:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Kills what a failed test left running. */
export function killBots(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * A COURSEBOT_NOW shortly before `due` (an ISO instant with offset), chosen so that the scheduler's next
 * real 15-second slot falls just after `due` on the bot's shifted clock: the post goes out on time, a few
 * seconds into the test rather than up to fifteen.
 */
export function nowJustBefore(due: string, startupMs = 3000): string {
  const realNow = Date.now();
  let slotIn = 15_000 - (realNow % 15_000);
  if (slotIn < startupMs + 500) slotIn += 15_000;
  // The slot lands 2.5 s after `due`, less the time the process takes to read its clock.
  const start = new Date(Date.parse(due) - slotIn + 2500);
  return start.toISOString();
}
