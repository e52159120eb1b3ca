/** The resident memory of another process, now and at its peak so far, from the operating system. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssBytes: number;
  /** Linux only (VmHWM); NaN elsewhere. */
  peakBytes: number;
}

export function processMemory(pid: number): ProcessMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rssBytes: kb('VmRSS'), peakBytes: kb('VmHWM') };
  } catch {
    // No /proc (macOS, BSD): ps reports the current resident size in KiB.
    const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return { rssBytes: rss * 1024, peakBytes: Number.NaN };
  }
}
