import { watch } from 'chokidar';
import { planReloader, type PlanReloadOptions, type PlanWatcher } from './plan-reloader.ts';

export { FILE_AUTHOR, type PlanWatcher } from './plan-reloader.ts';

export type WatchPlanOptions = PlanReloadOptions;

/**
 * Watches one plan file (the single schedule.json) and reloads it when it changes on disk; see planReloader
 * for what a reload does.
 */
export async function watchPlan(options: WatchPlanOptions): Promise<PlanWatcher> {
  const { path, log } = options;
  const reloader = planReloader(options);
  const watcher = watch(path, { ignoreInitial: true, atomic: true });
  watcher.on('all', () => reloader.changed());
  watcher.on('error', (error) => log.error(`watching ${path} failed: ${String(error)}`));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    async close() {
      await watcher.close();
      await reloader.close();
    },
    settled: () => reloader.settled(),
  };
}
