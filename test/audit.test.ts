import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../src/platform/db/index.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { recordAudit } from '../src/platform/audit/log.ts';
import { verifyAuditChain } from '../src/platform/audit/verify.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { engines, startWorld, type World } from './support/world.ts';

const run = promisify(execFile);

describe.each(engines())('hash-chained audit log on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
    const u = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    for (let i = 0; i < 5; i++) await w.call(u, 'GET', `/api/v1/persons?q=name${i}`, undefined, { 'x-vigil-purpose': `check ${i}` });
  });
  afterAll(async () => { await w?.close(); });

  const db = () => w.platform.db;

  it('verifies an untouched log', async () => {
    const r = await verifyAuditChain(db());
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThanOrEqual(7);
  });

  it('names an altered entry', async () => {
    const row = await db().selectFrom('audit_log').select(['seq', 'purpose']).where('purpose', '=', 'check 2').executeTakeFirstOrThrow();
    await db().updateTable('audit_log').set({ purpose: 'nothing to see' }).where('seq', '=', row.seq).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: row.seq, problem: expect.stringMatching(/altered/) });
    await db().updateTable('audit_log').set({ purpose: row.purpose }).where('seq', '=', row.seq).execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('names a deleted entry, in the middle or at the end', async () => {
    const saved = await db().selectFrom('audit_log').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: 4, problem: expect.stringMatching(/missing|deleted/) });
    await db().insertInto('audit_log').values({ ...saved, query: saved.query === null ? null : JSON.stringify(saved.query) }).execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);

    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const last = await db().selectFrom('audit_log').selectAll().where('seq', '=', head.seq).executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '=', head.seq).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: head.seq, problem: expect.stringMatching(/deleted/) });
    await db().insertInto('audit_log').values({ ...last, query: last.query === null ? null : JSON.stringify(last.query) }).execute();
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('names an inserted entry', async () => {
    // Make room in the middle, as a forger would, and slip in an entry with a made-up hash.
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await sql`update audit_log set seq = seq + 1000000 where seq >= 3`.execute(db());
    await sql`update audit_log set seq = seq - 1000000 + 1 where seq >= 1000000`.execute(db());
    const two = await db().selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    await db().insertInto('audit_log').values({ ...two, seq: 3, action: 'person.read', query: null, prev_hash: two.hash, hash: 'f'.repeat(64) }).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: 3 });
    await db().deleteFrom('audit_log').where('seq', '=', 3).execute();
    await sql`update audit_log set seq = seq + 1000000 where seq >= 4`.execute(db());
    await sql`update audit_log set seq = seq - 1000000 - 1 where seq >= 1000000`.execute(db());
    expect((await verifyAuditChain(db())).ok).toBe(true);

    await recordAudit(db(), systemActor('test'), { action: 'noop' });
    const forged = await db().selectFrom('audit_log').selectAll().where('seq', '=', head.seq + 1).executeTakeFirstOrThrow();
    await db().insertInto('audit_log').values({ ...forged, seq: head.seq + 2, query: null, prev_hash: forged.hash }).execute();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: head.seq + 2, problem: expect.stringMatching(/inserted/) });
  });
});

describe('vigil audit verify (command line, embedded database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-audit-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact log and 1 naming the entry after tampering', async () => {
    const store = await openStore({ dataDir: dir });
    await migrateToLatest(store.db);
    for (let i = 0; i < 4; i++) await recordAudit(store.db, systemActor('test'), { action: `act${i}` });
    await store.close();
    const env = { ...process.env, VIGIL_DATA_DIR: dir, DATABASE_URL: '' };
    const ok = await run('node', ['bin/vigil.js', 'audit', 'verify'], { env });
    expect(ok.stdout).toMatch(/intact: 4 entries/);

    const s2 = await openStore({ dataDir: dir });
    await s2.db.updateTable('audit_log').set({ action: 'act-forged' }).where('seq', '=', 3).execute();
    await s2.close();
    const bad = await run('node', ['bin/vigil.js', 'audit', 'verify'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(1);
    expect(bad.stderr).toMatch(/entry 3/);
  }, 120_000);
});
