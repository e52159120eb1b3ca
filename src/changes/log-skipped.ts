import { logSafe } from '../util/log-safe.ts';
import type { Logger } from '../util/logger.ts';

/** Revisions that no longer apply to the file are logged once per replay, with the reason. */
export function logSkipped(log: Pick<Logger, 'warn'>) {
  return (skipped: { revision: { id: number; summary: string }; reason: string }[]) => {
    for (const { revision, reason } of skipped) {
      // A summary quotes what staff typed (a reason, an announcement): logged like any user text.
      log.warn(
        `change #${revision.id} (${logSafe(revision.summary)}) no longer applies to schedule.json: ${reason}`,
      );
    }
  };
}
