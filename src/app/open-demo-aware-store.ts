import { rmSync } from 'node:fs';
import type { DateTime } from 'luxon';
import { openBotStore, type BotStore, type BotStoreOptions } from '../storage/bot-store.ts';
import { sqlStoreOverFile } from '../storage/sql/open-sql.ts';
import { latestSqlWatermark } from '../storage/sql/tables/sql-watermarks.ts';

/**
 * Opens the bot's store. The demo's own database (the clock is set and no database was named) holds nothing
 * but demos, so when the demo clock is behind what it already handled — the README's demo run a second
 * time — it starts afresh, with one line, instead of refusing the demo. Any other database keeps the rule
 * that a set clock behind the stored progress is refused.
 */
export async function openDemoAwareStore(
  path: string,
  demoDatabase: boolean,
  now: DateTime,
  options: BotStoreOptions,
): Promise<BotStore> {
  const store = openBotStore(path, options);
  if (!demoDatabase) return store;
  // Read through the SQL layer over the file's own connection; not closed here, since closing it would
  // close that connection (the store's close does).
  const watermark = await latestSqlWatermark(sqlStoreOverFile(store.db, path));
  if (!watermark || watermark <= now) return store;
  store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  options.logger.info(
    `the demo database ${path} had handled posts up to ${watermark.toISO()}, after this demo's clock: started it afresh`,
  );
  return openBotStore(path, options);
}
