import type { DateTime } from 'luxon';
import type { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import type { Content } from '../content/content.ts';
import { formatProblem } from '../plan/problems.ts';
import type { Logger } from '../util/logger.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readPlanFile } from './plan-file.ts';

/** Who the history names for a change made in the file. */
export const FILE_AUTHOR = 'schedule.json';

export interface PlanReloadOptions {
  path: string;
  source: RevisedPlanSource;
  /**
   * Sends the announcement of a recorded edit (queued in the outbox with its revision) now if it can: the
   * same path as an edit found at start and a confirmed change.
   */
  announce: (revisionId: number, content: Content) => void | Promise<void>;
  now: () => DateTime;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Quiet time after the last write before reading: an editor saving in bursts causes one reload. */
  debounceMs?: number;
}

export interface PlanWatcher {
  close(): Promise<void>;
  /** Resolves when no reload is pending or running (for tests and shutdown). */
  settled(): Promise<void>;
}

/** One plan file's reload, told by whoever watches the disk that the file may have changed. */
export interface PlanReloader extends PlanWatcher {
  changed(): void;
}

/**
 * Reloads a plan file when told it changed, whichever watcher saw it. A broken file is refused with the same
 * lines as `coursebot validate` and the bot keeps its last good plan; a valid one replaces the base of the
 * effective plan (revisions are re-applied over it) and its differences are announced once.
 */
export function planReloader(options: PlanReloadOptions): PlanReloader {
  const { path, source, log } = options;
  const debounceMs = options.debounceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let closed = false;
  // A digest of the text alone: the plan was parsed and checked when the course was loaded, and a thousand
  // course files parsed twice doubled the start; kept whole, their texts were a tenth of the bot's heap.
  // (A broken text is never compared: reload refuses it first.)
  let lastDigest = digestOfFile(path);

  const reload = async () => {
    const result = readPlanFile(path);
    if (!result.ok) {
      log.warn(
        `${path} changed but is not a valid plan; keeping the last good plan. Fix these and save again:`,
      );
      for (const problem of [...result.errors, ...result.warnings]) log.warn(formatProblem(problem, path));
      lastDigest = undefined;
      return;
    }
    // Saving without changes (or a touch) is not an edit.
    const digest = digestOf(result.text);
    if (digest === lastDigest) return;
    lastDigest = digest;
    for (const warning of result.warnings) log.warn(formatProblem(warning, path));
    const { before } = source.replaceBase(result.plan);
    const adopted = await source.adoptFile(FILE_AUTHOR, options.now(), before);
    log.info(
      `${path} reloaded: ${adopted.announcement ? 'the changes are announced' : 'nothing students see changed'}`,
    );
    if (adopted.announcement && adopted.revision)
      await options.announce(adopted.revision.id, adopted.announcement);
  };

  return {
    changed() {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(reload).catch((error: unknown) => {
          log.error(`reloading ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }, debounceMs);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
    async settled() {
      while (timer) await new Promise((resolve) => setTimeout(resolve, debounceMs / 4));
      await running;
    },
  };
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64');

function digestOfFile(path: string): string | undefined {
  try {
    return digestOf(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
