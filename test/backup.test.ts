import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { backupTo, restoreFrom } from '../src/platform/db/backup.ts';
import { openStore } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { verifyAuditChain } from '../src/platform/audit/verify.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { makeServices } from '../src/services.ts';
import { closePlatform, openPlatform } from '../src/platform/boot.ts';
import { loadConfig } from '../src/platform/config.ts';
import { engines, freshPostgresDatabase, startWorld } from './support/world.ts';
import { startServerProcess } from './support/server-process.ts';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every row of every table, in a stable order, as text. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely%' order by 1`.execute(db)).rows;
  const out: Record<string, string[]> = {};
  for (const { t } of tables) out[t] = (await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(t)} x`.execute(db)).rows.map((r) => r.j).sort();
  return out;
}

describe.each(engines())('backup and restore on %s', (engine) => {
  it('restores every table row for row, with the audit chain intact', async () => {
    const w = await startWorld(engine);
    const officer = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const photo = (await w.call(officer, 'POST', '/api/v1/photos', png, { 'content-type': 'image/png' })).json();
    for (const name of ['Ahmed Al-Masri', 'Олена Коваленко', '王小明']) {
      const r = await w.call(officer, 'POST', '/api/v1/persons', { person: { names: [{ value: name, kind: 'primary' }], birthDates: ['1985'], photos: [photo.sha256] } });
      expect(r.statusCode, r.body).toBe(201);
    }
    const file = path.join(tmp, `${engine}.vbk`);
    await backupTo(w.platform.db, file);
    const before = await snapshot(w.platform.db);
    await w.close();

    const targets = engines();
    for (const target of targets) {
      const pgdb = target === 'postgres' ? await freshPostgresDatabase() : undefined;
      const platform = await openPlatform({ ...loadConfig({}), databaseUrl: pgdb?.url }, { inMemory: true });
      await makeServices(platform).identity.seedOrganisations();
      await restoreFrom(platform.db, file);
      expect(await snapshot(platform.db)).toEqual(before);
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
      // The restored database keeps working: new ids continue after the restored ones.
      await platform.db.insertInto('events').values({ type: 'test', record_type: null, record_id: null, recipient_orgs: [], recipient_users: null, payload: '{}' }).execute();
      await closePlatform(platform);
      await pgdb?.drop();
    }
  }, 180_000);

  it('refuses to restore into a database that already holds data', async () => {
    const w = await startWorld(engine);
    await w.user('fra.officer', 'NCB-FRA', ['officer']);
    const file = path.join(tmp, `${engine}-2.vbk`);
    await backupTo(w.platform.db, file);
    await expect(restoreFrom(w.platform.db, file)).rejects.toThrow(/empty database/);
    await w.close();
  }, 120_000);
});

describe('vigil backup while the embedded server runs', () => {
  it('asks the running server for a consistent copy, and vigil restore loads it elsewhere', async () => {
    const dataDir = path.join(tmp, 'live');
    const server = await startServerProcess('start', { VIGIL_DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      const login = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fra.officer', password: 'vigil-demo-2026' }) });
      expect(login.status).toBe(200);
      const file = path.join(tmp, 'live.vbk');
      const out = await run('node', ['bin/vigil.js', 'backup', file], { env: { ...process.env, VIGIL_DATA_DIR: dataDir, DATABASE_URL: '' } });
      expect(out.stdout).toMatch(/written by the running server/);
      const restoredDir = path.join(tmp, 'restored');
      const restored = await run('node', ['bin/vigil.js', 'restore', file], { env: { ...process.env, VIGIL_DATA_DIR: restoredDir, DATABASE_URL: '' } });
      expect(restored.stdout).toMatch(/audit chain intact/);
      const store = await openStore({ dataDir: restoredDir });
      await migrateToLatest(store.db);
      const users = await store.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toContain('fra.officer');
      await store.close();
    } finally {
      await server.stop();
    }
  }, 180_000);
});
