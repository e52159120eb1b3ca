import { rmSync } from 'node:fs';
import type { DateTime } from 'luxon';
import { latestWatermark } from '../delivery/ledger.ts';
import { openBotStore, type BotStore, type BotStoreOptions } from '../storage/bot-store.ts';

/**
 * Opens the bot's store. The demo's own database (the clock is set and no database was named) holds nothing
 * but demos, so when the demo clock is behind what it already handled — the README's demo run a second
 * time — it starts afresh, with one line, instead of refusing the demo. Any other database keeps the rule
 * that a set clock behind the stored progress is refused.
 */
export function openDemoAwareStore(
  path: string,
  demoDatabase: boolean,
  now: DateTime,
  options: BotStoreOptions,
): BotStore {
  const store = openBotStore(path, options);
  if (!demoDatabase) return store;
  const watermark = latestWatermark(store.db);
  if (!watermark || watermark <= now) return store;
  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  options.logger.info(
    `the demo database ${path} had handled posts up to ${watermark.toISO()}, after this demo's clock: started it afresh`,
  );
  return openBotStore(path, options);
}
