/**
 * One app under test in its own process, so its memory is its own. Started by bench/slash-latency.ts with
 * `bare` or `coursebot` and the settings in its environment; it talks to the parent over IPC:
 *   → {type:'ready'} | {type:'failed', message}
 *   ← {type:'measure'} → {type:'memory', rssBytes, gcExposed}
 *   ← {type:'stop'}    → exits
 */
import { startBareApp } from './bare-app.ts';
import { startCoursebotApp } from './coursebot-app.ts';
import { settingsFromEnv, type RunningApp } from './server-settings.ts';

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'memory'; rssBytes: number; gcExposed: boolean };
export type ParentMessage = { type: 'measure' } | { type: 'stop' };

const send = (message: ChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'bare' && kind !== 'coursebot') throw new Error(`usage: server-child.ts bare|coursebot`);
  const settings = settingsFromEnv(process.env);
  const running: RunningApp =
    kind === 'bare' ? await startBareApp(settings) : await startCoursebotApp(settings);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'measure') {
      const gc = (globalThis as { gc?: () => void }).gc;
      // Two passes: the first can leave objects that only a second collection frees (weak refs, finalizers).
      gc?.();
      gc?.();
      send({ type: 'memory', rssBytes: process.memoryUsage().rss, gcExposed: gc !== undefined });
    } else if (message.type === 'stop') {
      void running.stop().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100).unref();
});
