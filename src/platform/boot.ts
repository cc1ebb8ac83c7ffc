import type { Config } from './config.ts';
import { openStore } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { EventBus } from './events.ts';
import type { Platform } from './platform.ts';

/** Opens the database, applies migrations and starts the event bus. */
export async function openPlatform(config: Config, opts: { migrate?: boolean; inMemory?: boolean } = {}): Promise<Platform> {
  const store = await openStore({ url: config.databaseUrl, dataDir: opts.inMemory ? null : config.dataDir });
  if (opts.migrate !== false) await migrateToLatest(store.db);
  const events = new EventBus(store);
  await events.start();
  return { db: store.db, store, events, config };
}

export async function closePlatform(p: Platform): Promise<void> {
  await p.events.stop();
  await p.store.close();
}
