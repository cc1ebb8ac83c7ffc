import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

/** An open database: Kysely for queries, plus the LISTEN/NOTIFY channel that events ride on. */
export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Subscribe to a notification channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

/** Opens PostgreSQL at `url`, or the embedded PGlite in `dataDir` (or in memory when dataDir is null). */
export async function openStore(opts: { url?: string; dataDir?: string | null }): Promise<Store> {
  return opts.url ? openPostgres(opts.url) : openPGlite(opts.dataDir ?? null);
}

async function openPGlite(dataDir: string | null): Promise<Store> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, {
    extensions: { pg_trgm, fuzzystrmatch, unaccent, vector },
    // Counts and ids stay JS numbers; calendar dates stay ISO strings (no time-zone shifts).
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    async listen(channel, onPayload) {
      const stop = await client.listen(channel, onPayload);
      return async () => { await stop(); };
    },
    async close() {
      await db.destroy();
      await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<Store> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.VIGIL_DB_POOL ?? 10), types });
  // An idle connection that the server ends (a restart, a failover, an administrator) is dropped
  // by the pool and replaced on next use; without a listener its error would end the process.
  pool.on('error', (e) => { process.stderr.write(`database connection lost (the pool will reconnect): ${e.message}\n`); });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let listener: pg.Client | undefined;
  let closing = false;
  let connecting: Promise<pg.Client> | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  /** The LISTEN connection, (re)opened with every channel listened to so far. */
  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    let lost = false;
    client.on('error', (e) => {
      // A dying connection can report more than one error: reconnect once.
      if (closing || lost) return;
      lost = true;
      process.stderr.write(`event listener connection lost, reconnecting: ${e.message}\n`);
      if (listener === client) listener = undefined;
      const retry = (): void => {
        if (closing || listener) return;
        connectListener().then((c) => { listener = c; }, () => { setTimeout(retry, 1000).unref(); });
      };
      setTimeout(retry, 100).unref();
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return client;
  };
  return {
    db,
    engine: 'postgres',
    async listen(channel, onPayload) {
      let set = handlers.get(channel);
      const fresh = !set;
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      if (!listener) {
        // Concurrent first calls share one connection.
        connecting ??= connectListener().finally(() => { connecting = undefined; });
        listener = await connecting;
      } else if (fresh) await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
      set.add(onPayload);
      return async () => { set.delete(onPayload); };
    },
    async close() {
      closing = true;
      await listener?.end();
      await db.destroy();
    },
  };
}
