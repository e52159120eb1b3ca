import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
  /** The reload of each watched file, by file name within the folder. */
  files: Map<string, PlanReloader>;
  /** New plan files already named in the log, so that each is named once. */
  named: Set<string>;
}

/**
 * A department folder of a thousand plan files watched file by file held a thousand watchers and twice as many
 * handles. One `fs.watch` of the folder (a single inotify or FSEvents watch, whatever the number of files)
 * dispatches each event to the file's own reload (debounce, refusal of a broken file, announcement), which
 * stays per file; chokidar kept a watcher, a listener and the last `stat` of every file, some 3 KB a course.
 * Every event on a known file — written in place, replaced through a rename, deleted — is a reason to read it
 * again: the reload compares the text and refuses a missing file, so an editor's burst of events costs one read.
 * A plan file added while running is not served until the bot restarts: the course list, its channels and
 * records are made at start.
 */
export function planFolderWatchers(log: Pick<Logger, 'info' | 'warn' | 'error'>): PlanFolderWatchers {
  const folders = new Map<string, Folder>();

  const changed = (dir: string, folder: Folder, name: string | null) => {
    // A platform that does not say which file changed: every file of the folder reads its text again.
    if (name === null) {
      for (const reloader of folder.files.values()) reloader.changed();
      return;
    }
    const reloader = folder.files.get(name);
    if (reloader) reloader.changed();
    else if (isPlanFileName(name) && !folder.named.has(name) && existsSync(join(dir, name))) {
      folder.named.add(name);
      log.info(`${join(dir, name)} is a new plan file: restart the bot to serve its course`);
    }
  };

  const folderOf = (dir: string): Folder => {
    const known = folders.get(dir);
    if (known) return known;
    const folder: Folder = {
      files: new Map(),
      named: new Set(),
      watcher: watch(dir, { persistent: true }, (_event, name) =>
        changed(dir, folder, name === null ? null : String(name)),
      ),
    };
    folder.watcher.on('error', (error) => log.error(`watching ${dir} failed: ${String(error)}`));
    folders.set(dir, folder);
    return folder;
  };

  return {
    async watch(options) {
      const path = resolve(options.path);
      const dir = dirname(path);
      const name = basename(path);
      const folder = folderOf(dir);
      const reloader = planReloader(options);
      folder.files.set(name, reloader);
      return {
        async close() {
          if (folder.files.get(name) === reloader) folder.files.delete(name);
          await reloader.close();
          // The last course of the folder gone: nothing is left to tell.
          if (folder.files.size === 0 && folders.get(dir) === folder) {
            folders.delete(dir);
            folder.watcher.close();
          }
        },
        settled: () => reloader.settled(),
      };
    },
    async close() {
      const all = [...folders.values()];
      folders.clear();
      for (const folder of all) {
        folder.watcher.close();
        for (const reloader of folder.files.values()) await reloader.close();
      }
    },
  };
}
