/**
 * Whole-process wall time and peak memory of two commands, run in turn A B A B … after a warm-up of each.
 * Wall time is taken from spawn to exit; the peak resident memory is the process's own getrusage maxrss,
 * written at exit by bench/peak-rss.js (preloaded into both commands alike).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PEAK_RSS = join(import.meta.dirname, 'peak-rss.js');

export interface Command {
  /** node's arguments after the preload. */
  args: string[];
  env?: Record<string, string>;
}

export interface Runs {
  wallSeconds: number[];
  peakBytes: number[];
}

export async function measureCommands(
  a: Command,
  b: Command,
  { runs, warmup, cwd }: { runs: number; warmup: number; cwd: string },
): Promise<[Runs, Runs]> {
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-cli-weight-'));
  try {
    const results: [Runs, Runs] = [
      { wallSeconds: [], peakBytes: [] },
      { wallSeconds: [], peakBytes: [] },
    ];
    for (let run = -warmup; run < runs; run++) {
      for (const [index, command] of [a, b].entries()) {
        const measured = await runOnce(command, cwd, join(dir, `${index}-${run}.txt`));
        if (run >= 0) {
          results[index]!.wallSeconds.push(measured.wallSeconds);
          results[index]!.peakBytes.push(measured.peakBytes);
        }
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runOnce(command: Command, cwd: string, peakFile: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PEAK_RSS, ...command.args], {
    cwd,
    env: { ...process.env, ...command.env, BENCH_PEAK_RSS_FILE: peakFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`node ${command.args.join(' ')} exited with ${code}:\n${stderr.trim()}`);
  return { wallSeconds, peakBytes: Number(readFileSync(peakFile, 'utf8').trim()) };
}
