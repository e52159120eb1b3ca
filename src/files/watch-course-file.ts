import type { DateTime } from 'luxon';
import type { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import type { AnnounceStatus } from '../delivery/announcer.ts';
import type { Logger } from '../util/logger.ts';
import type { PlanFolderWatchers } from './watch-plan-folder.ts';
import { FILE_AUTHOR, watchPlan, type PlanWatcher, type WatchPlanOptions } from './watch-plan.ts';

export interface CourseFileOptions {
  path: string;
  plans: RevisedPlanSource;
  now: () => DateTime;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Sends a recorded revision's queued announcement now if it can. */
  announce: (revisionId: number) => Promise<AnnounceStatus>;
  debounceMs?: number;
  /** The department's shared folder watchers; without them the file gets its own watcher. */
  folders?: PlanFolderWatchers;
}

/**
 * A course's plan file in the running bot: an edit made while the bot was stopped is recorded (and queued
 * for announcement) now, exactly like one seen while running; then the file is watched and reloaded.
 */
export async function watchCourseFile(options: CourseFileOptions): Promise<PlanWatcher> {
  const { path, plans, log } = options;
  try {
    const atStart = await plans.adoptFile(FILE_AUTHOR, options.now());
    if (atStart.announcement)
      log.info(`${path} was edited while the bot was stopped: the changes are announced`);
  } catch (error) {
    // The plan is still served; only the record (and so an offline edit's announcement) is missing.
    log.error(
      `recording ${path} in the database failed, so edits made while stopped are not announced: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const reload: WatchPlanOptions = {
    path,
    source: plans,
    log,
    debounceMs: options.debounceMs,
    now: options.now,
    announce: async (revisionId) => {
      const status = await options.announce(revisionId);
      if (status.state === 'failed') log.error(`announcing the edit of ${path} failed: ${status.reason}`);
    },
  };
  return options.folders ? options.folders.watch(reload) : watchPlan(reload);
}
