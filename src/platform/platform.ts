import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import type { Store } from './db/index.ts';
import type { EventBus } from './events.ts';

/** What every capability's service is built on: the database, the event bus and settings. */
export interface Platform {
  db: Kysely<Database>;
  store: Store;
  events: EventBus;
  config: Config;
}
