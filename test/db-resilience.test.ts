import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { VigilEvent } from '../src/platform/events.ts';
import { startWorld, type World } from './support/world.ts';

// A PostgreSQL server that ends connections (restart, failover, an administrator) must not take
// the API down: the pool replaces the dead connections and the event listener reconnects.
describe.skipIf(!process.env.VIGIL_TEST_DATABASE_URL)('when PostgreSQL ends every connection', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld('postgres'); }, 120_000);
  afterAll(async () => { await w?.close(); });

  const terminateAll = async () => {
    const database = new URL(w.config.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.VIGIL_TEST_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query('select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    await admin.end();
    return rows.length;
  };

  const published = async (seen: VigilEvent[], marker: string, ms: number): Promise<boolean> => {
    await w.platform.events.publish(w.platform.db, { type: 'test.ping', recordType: 'test', recordId: null, recipientOrgs: [], payload: { marker, transient: true } });
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      if (seen.some((e) => e.payload.marker === marker)) return true;
    }
    return false;
  };

  it('keeps serving queries and delivering events once the connections are back', async () => {
    const seen: VigilEvent[] = [];
    const unsubscribe = w.platform.events.subscribe((e) => { seen.push(e); });
    try {
      // Several pooled connections and the listener are open before the server ends them.
      await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(w.platform.db)));
      expect(await published(seen, 'before', 5000)).toBe(true);
      expect(await terminateAll()).toBeGreaterThanOrEqual(2);
      // The pool learns of dead idle connections from the server's message; give it a moment.
      await new Promise((r) => setTimeout(r, 300));
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(w.platform.db);
      expect(rows[0].n).toBeGreaterThan(100);
      expect(await published(seen, 'after', 10_000)).toBe(true);
      const res = await w.call(null, 'GET', '/readyz');
      expect(res.statusCode).toBe(200);
    } finally {
      unsubscribe();
    }
  }, 60_000);
});
