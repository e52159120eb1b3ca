import { watch, type FSWatcher } from 'chokidar';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from '../util/logger.ts';
import { isPlanFileName } from './plan-file.ts';
import {
  planReloader,
  type PlanReloader,
  type PlanReloadOptions,
  type PlanWatcher,
} from './plan-reloader.ts';

/** Watches the plan files of many courses, one watcher per folder rather than one per file. */
export interface PlanFolderWatchers {
  /** Starts reloading this plan file on change; the file's folder is watched from the first file on. */
  watch(options: PlanReloadOptions): Promise<PlanWatcher>;
  /** Stops every folder's watcher (the courses' own close calls are then harmless). */
  close(): Promise<void>;
}

interface Folder {
  watcher: FSWatcher;
  ready: Promise<void>;
  files: Map<string, PlanReloader>;
}

/**
 * A department folder of a thousand plan files watched file by file held a thousand watchers and twice as many
 * handles; one watcher per folder dispatches each event to the file's own reload (debounce, refusal of a
 * broken file, announcement), which stays per file. A plan file added while running is not served until the
 * bot restarts: the course list, its channels and records are made at start.
 */
export function planFolderWatchers(log: Pick<Logger, 'info' | 'warn' | 'error'>): PlanFolderWatchers {
  const folders = new Map<string, Folder>();

  const folderOf = (dir: string): Folder => {
    const known = folders.get(dir);
    if (known) return known;
    const files = new Map<string, PlanReloader>();
    const watcher = watch(dir, { ignoreInitial: true, atomic: true, depth: 0 });
    watcher.on('all', (event, changedPath) => {
      const path = resolve(changedPath);
      const reloader = files.get(path);
      if (reloader) reloader.changed();
      else if (event === 'add' && isPlanFileName(basename(path)))
        log.info(`${path} is a new plan file: restart the bot to serve its course`);
    });
    watcher.on('error', (error) => log.error(`watching ${dir} failed: ${String(error)}`));
    const ready = new Promise<void>((done) => watcher.once('ready', done));
    const folder = { watcher, ready, files };
    folders.set(dir, folder);
    return folder;
  };

  return {
    async watch(options) {
      const path = resolve(options.path);
      const dir = dirname(path);
      const folder = folderOf(dir);
      const reloader = planReloader(options);
      folder.files.set(path, reloader);
      await folder.ready;
      return {
        async close() {
          if (folder.files.get(path) === reloader) folder.files.delete(path);
          await reloader.close();
          // The last course of the folder gone: nothing is left to tell.
          if (folder.files.size === 0 && folders.get(dir) === folder) {
            folders.delete(dir);
            await folder.watcher.close();
          }
        },
        settled: () => reloader.settled(),
      };
    },
    async close() {
      const all = [...folders.values()];
      folders.clear();
      for (const folder of all) {
        await folder.watcher.close();
        for (const reloader of folder.files.values()) await reloader.close();
      }
    },
  };
}
