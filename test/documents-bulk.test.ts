import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocumentBulk, ROWS_PER_STATEMENT, type DocumentBulkRow } from '../src/documents/bulk.ts';
import { systemActor, type Actor } from '../src/platform/access/actor.ts';
import { verifyAuditChain } from '../src/platform/audit/verify.ts';
import { engines, startWorld, type World } from './support/world.ts';

const passport = (number: string, extra: Partial<DocumentBulkRow['document']> = {}) =>
  ({ number, issuingCountry: 'FRA', type: 'passport', status: 'stolen', issueDate: '2020-03-01', expiryDate: '2030-03-01', ...extra });

describe.each(engines())('bulk document loads on %s', (engine) => {
  let w: World;
  let bulk: ReturnType<typeof makeDocumentBulk>;
  let fra: Actor;
  let ita: Actor;
  beforeAll(async () => {
    w = await startWorld(engine);
    bulk = makeDocumentBulk(w.platform, w.services.identity, w.services.persons);
    await w.user('fra.officer', 'NCB-FRA', ['officer']);
    await w.user('ita.officer', 'NCB-ITA', ['officer']);
    await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    fra = (await w.services.identity.actorForUsername('fra.officer'))!;
    ita = (await w.services.identity.actorForUsername('ita.officer'))!;
  });
  afterAll(async () => { await w?.close(); });

  it('stores many rows in statements of a few thousand, skips repeats, and audits once', async () => {
    const count = ROWS_PER_STATEMENT + 300;
    const rows: DocumentBulkRow[] = Array.from({ length: count }, (_, i) => ({ line: i + 1, document: passport(`BK${String(i).padStart(7, '0')}`) }));
    // The same document twice in one batch (written differently), and one already on record.
    rows.push({ line: count + 1, document: passport('bk 0000007') });
    const single = await w.services.documents.reportDocument(fra, { document: passport('BK9999999') });
    rows.push({ line: count + 2, document: passport('BK9999999') });
    const before = await w.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const outcome = await bulk.reportDocumentsInBulk(fra, rows);
    expect(outcome).toMatchObject({ stored: count, errors: [], duplicates: [count + 1, count + 2] });
    expect(outcome.ids.slice(0, count).every((id) => typeof id === 'string')).toBe(true);
    expect(outcome.ids.slice(count)).toEqual([null, null]);
    const after = await w.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    const entry = await w.platform.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'document.import', username: 'fra.officer', org_id: 'NCB-FRA', result_count: count });
    expect(entry.record_ids).toHaveLength(count);

    // Each record is like one reported singly: found by a check, with its first version in the history.
    const check = await w.services.documents.checkDocument(ita, { number: 'BK0000042', issuingCountry: 'FRA' });
    expect(check.matches).toMatchObject([{ owner: 'NCB-FRA', visibility: 'full', document: { status: 'stolen', version: 1 } }]);
    const history = await w.services.documents.documentHistory(fra, outcome.ids[42]!);
    expect(history).toMatchObject([{ version: 1, changedBy: 'fra.officer', change: 'imported stolen', snapshot: { data: { numberNormalised: 'BK0000042' }, envelope: { owner: 'NCB-FRA' } } }]);
    expect(single.id).not.toBe(outcome.ids[0]);
    expect((await verifyAuditChain(w.platform.db)).ok).toBe(true);
  });

  it('stores nothing when a line breaks a rule, and names every such line', async () => {
    const outcome = await bulk.reportDocumentsInBulk(ita, [
      { line: 1, document: passport('BAD0000001') },
      { line: 2, document: passport('GOOD000001', { issuingCountry: 'ITA' }) },
      { line: 3, document: passport('BAD0000003', { issuingCountry: 'ITA', issueDate: '2020-02-30' }) },
      { line: 4, document: passport('BAD0000004', { issuingCountry: 'ITA', holder: { personId: 'not-a-uuid' } }) },
      { line: 5, document: passport('BAD0000005', { issuingCountry: 'ITA', holder: { personId: '00000000-0000-4000-8000-000000000000' } }) },
    ]);
    expect(outcome.stored).toBe(0);
    expect(outcome.errors.map((e) => `${e.line} ${e.field}`).sort()).toEqual(['1 issuingCountry', '3 issueDate', '4 holder.personId', '5 holder.personId']);
    expect(await w.platform.db.selectFrom('documents').select('id').where('number_norm', '=', 'GOOD000001').execute()).toEqual([]);
    const entry = await w.platform.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'document.import', outcome: 'failed', username: 'ita.officer' });
  });

  it('lets a system task load for the issuing country, which owns the records', async () => {
    const outcome = await bulk.reportDocumentsInBulk(systemActor('loader'), [
      { line: 1, document: passport('SYS0000001', { issuingCountry: 'NGA' }) },
      { line: 2, document: passport('SYS0000002', { issuingCountry: 'GRC', type: 'identity_card', status: 'lost' }) },
    ]);
    expect(outcome.errors).toEqual([]);
    const rows = await w.platform.db.selectFrom('documents').select(['number_norm', 'owner_org', 'created_by']).where('number_norm', 'like', 'SYS%').orderBy('number_norm').execute();
    expect(rows).toEqual([{ number_norm: 'SYS0000001', owner_org: 'NCB-NGA', created_by: null }, { number_norm: 'SYS0000002', owner_org: 'NCB-GRC', created_by: null }]);
    await expect(bulk.reportDocumentsInBulk(systemActor('loader'), [{ line: 1, document: passport('SYS0000003', { holder: { personId: '00000000-0000-4000-8000-000000000000' } }) }]))
      .rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses users who do not report documents', async () => {
    const frontline = (await w.services.identity.actorForUsername('ita.frontline'))!;
    await expect(bulk.reportDocumentsInBulk(frontline, [{ line: 1, document: passport('NOPE000001', { issuingCountry: 'ITA' }) }])).rejects.toMatchObject({ code: 'forbidden' });
  });
});
