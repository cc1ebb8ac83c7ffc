import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { buildTd3Mrz } from '../src/documents/mrz.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';
import { openSse } from './support/sse.ts';

interface Json { [k: string]: unknown }
interface MatchJson { reference: string; owner: string; visibility: string; message: string; hitId: string | null; document?: Json }
interface CheckJson { hit: boolean; matches: MatchJson[] }

const passport = (number: string, extra: Json = {}) => ({
  number, issuingCountry: 'FRA', type: 'passport', status: 'stolen', issueDate: '2021-03-01', expiryDate: '2031-02-28',
  reportedOn: '2025-06-01', reportedPlace: 'Lyon', circumstances: 'bag stolen on a train',
  holder: { names: ['Camille Durand'], birthDate: '1990-04-12', sex: 'F', nationality: 'FRA' }, ...extra,
});

const mrzOf = (number: string) => buildTd3Mrz({
  issuingState: 'FRA', documentNumber: number, nationality: 'FRA', lastName: 'Durand', firstNames: 'Camille', birthDate: '1990-04-12', sex: 'female', expirationDate: '2031-02-28',
});

describe.each(engines())('document checks raise hits on %s', (engine) => {
  let w: World;
  let base: string;
  let fra: TestUser, fraFront: TestUser, ita: TestUser, itaFront: TestUser, espFront: TestUser, deu: TestUser;

  const reported = async (number: string, extra: Json = {}, envelope?: Json): Promise<string> => {
    const r = await w.call(fra, 'POST', '/api/v1/documents', { document: passport(number, extra), ...(envelope ? { envelope } : {}) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const check = async (user: TestUser, body: Json): Promise<CheckJson> => {
    const r = await w.call(user, 'POST', '/api/v1/documents/check', body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as CheckJson;
  };
  const hitsOn = (recordId: string) => w.platform.db.selectFrom('hits').selectAll().where('record_id', '=', recordId).execute();
  const count = async (table: 'hits' | 'events') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(w.platform.db)).rows[0].n);

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    fraFront = await w.user('fra.frontline', 'NCB-FRA', ['frontline']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    itaFront = await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    espFront = await w.user('esp.frontline', 'NCB-ESP', ['frontline']);
    deu = await w.user('deu.officer', 'NCB-DEU', ['officer']);
    base = await w.api.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('tells the owner of a stolen passport at once when another country checks it, and both follow it up on the hit', async () => {
    const id = await reported('HP1000001');
    const sse = await openSse(`${base}/api/v1/events`, fra.token);
    try {
      const answer = await check(itaFront, { mrz: mrzOf('HP1000001') });
      expect(answer.hit).toBe(true);
      const match = answer.matches[0];
      expect(match).toMatchObject({ reference: id, owner: 'NCB-FRA', visibility: 'full', hitId: expect.any(String) });
      const hitId = match.hitId!;
      expect(match.message).toContain(`NCB-FRA has been told of this check: follow it up with them on hit ${hitId}`);

      // France is told at once, live and in its inbox, with what was hit.
      const alert = await sse.waitFor('hit.created', (d) => d.recordId === hitId);
      expect(alert.payload).toMatchObject({ recordType: 'document', recordId: id, querierOrg: 'NCB-ITA', title: 'FRA passport HP1000001: stolen' });
      const inbox = (await w.call(fra, 'GET', '/api/v1/inbox')).json() as { items: { type: string; recordId: string }[] };
      expect(inbox.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'hit.created', recordId: hitId })]));
      expect((await w.call(ita, 'GET', '/api/v1/inbox')).json().items.map((i: { recordId: string }) => i.recordId)).not.toContain(hitId);

      // The owner's view names the record and what was checked: the traveller as the zone gives them.
      const owner = (await w.call(fra, 'GET', `/api/v1/hits/${hitId}`)).json();
      expect(owner).toMatchObject({
        recordType: 'document', recordId: id, side: 'owner', status: 'pending', ownerOrg: 'NCB-FRA', querierOrg: 'NCB-ITA', querierName: 'ita.frontline',
        title: 'FRA passport HP1000001: stolen', summary: expect.stringMatching(/Recorded as stolen on 2025-06-01 \(Lyon\)\. Holder: Camille Durand, born 1990-04-12/),
        query: {
          kind: 'document', via: 'mrz', documentNumber: 'HP1000001', issuingCountry: 'FRA', names: ['CAMILLE DURAND'], birthDates: ['1990-04-12'], nationalities: ['FRA'], sex: 'F',
          mrz: { valid: true, failedChecks: [], expirationDate: '2031-02-28' },
        },
        explanation: { features: [expect.objectContaining({ feature: 'document_number' })] },
      });
      const listed = (await w.call(fra, 'GET', '/api/v1/hits?side=owner')).json() as Json[];
      expect(listed.find((h) => h.id === hitId)).toMatchObject({ recordType: 'document', title: 'FRA passport HP1000001: stolen' });
      // Italy was shown the record in full, so its side names it too.
      expect((await w.call(itaFront, 'GET', '/api/v1/hits?side=querier')).json().find((h: Json) => h.id === hitId)).toMatchObject({ side: 'querier', title: 'FRA passport HP1000001: stolen' });

      // The two countries talk it through; France confirms.
      expect((await w.call(itaFront, 'POST', `/api/v1/hits/${hitId}/messages`, { body: 'Passenger at Fiumicino holding this passport, please advise.' })).statusCode).toBe(201);
      await sse.waitFor('hit.message', (d) => d.recordId === hitId);
      expect((await w.call(fra, 'POST', `/api/v1/hits/${hitId}/messages`, { body: 'It is ours and stolen: seize it; the holder is at home in Lyon.' })).statusCode).toBe(201);
      expect((await w.call(ita, 'POST', `/api/v1/hits/${hitId}/resolve`, { status: 'confirmed' })).statusCode).toBe(403);
      const resolved = await w.call(fra, 'POST', `/api/v1/hits/${hitId}/resolve`, { status: 'confirmed' });
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toMatchObject({ status: 'confirmed', side: 'owner', title: 'FRA passport HP1000001: stolen', resolvedBy: 'fra.officer' });
      await sse.waitFor('hit.resolved', (d) => d.recordId === hitId);
      const thread = (await w.call(ita, 'GET', `/api/v1/hits/${hitId}`)).json();
      expect(thread).toMatchObject({ status: 'confirmed', side: 'querier' });
      expect(thread.messages.map((m: { orgId: string }) => m.orgId)).toEqual(['NCB-ITA', 'NCB-FRA']);
      expect((await w.call(deu, 'GET', `/api/v1/hits/${hitId}`)).statusCode).toBe(404);

      const audit = await w.platform.db.selectFrom('audit_log').select(['username', 'record_ids']).where('action', '=', 'hit.raise').execute();
      expect(audit).toContainEqual({ username: 'ita.frontline', record_ids: [hitId, id] });
    } finally { sse.close(); }
  });

  it('tells the owner of a withheld record too; the checker learns only whom to contact and the hit', async () => {
    const id = await reported('HP2000001', { holder: { names: ['Secret Holder'], birthDate: '1970-01-01' } }, { audience: 'owner', tlp: 'RED' });
    const answer = await check(espFront, { number: 'hp 200 0001', issuingCountry: 'fra' });
    expect(answer.hit).toBe(true);
    expect(answer.matches).toEqual([{
      reference: id, owner: 'NCB-FRA', visibility: 'existence', hitId: expect.any(String),
      message: expect.stringMatching(/exists.*contact NCB-FRA.*NCB-FRA has been told of this check.*hit [0-9a-f-]{36}/),
    }]);
    const hitId = answer.matches[0].hitId!;
    for (const secret of ['Secret Holder', 'stolen', 'Lyon', '1970-01-01']) expect(JSON.stringify(answer)).not.toContain(secret);

    const owner = (await w.call(fra, 'GET', `/api/v1/hits/${hitId}`)).json();
    expect(owner).toMatchObject({ side: 'owner', recordType: 'document', recordId: id, querierOrg: 'NCB-ESP', title: 'FRA passport HP2000001: stolen', summary: expect.stringContaining('Secret Holder') });
    expect(owner.explanation).not.toBeNull();
    const querier = (await w.call(espFront, 'GET', `/api/v1/hits/${hitId}`)).json();
    expect(querier).toMatchObject({ side: 'querier', recordId: id, title: null, summary: null, explanation: null, status: 'pending' });
    for (const secret of ['Secret Holder', 'stolen', 'Lyon', '1970-01-01']) expect(JSON.stringify(querier)).not.toContain(secret);
    // Spain can still write to France on the hit.
    expect((await w.call(espFront, 'POST', `/api/v1/hits/${hitId}/messages`, { body: 'Who should we call?' })).statusCode).toBe(201);
  });

  it('raises nothing for one\'s own document, and nothing at all when no record matches', async () => {
    const id = await reported('HP3000001');
    const raise = vi.spyOn(w.services.hits, 'raiseHits');
    try {
      const [hits, events] = [await count('hits'), await count('events')];
      const own = await check(fraFront, { mrz: mrzOf('HP3000001') });
      expect(own.matches).toEqual([expect.objectContaining({ reference: id, visibility: 'full', hitId: null })]);
      expect(own.matches[0].message).not.toMatch(/has been told/);
      const none = await check(itaFront, { mrz: mrzOf('HP3999999') });
      expect(none).toMatchObject({ hit: false, matches: [] });
      expect((await check(itaFront, { number: 'HP3999998' })).hit).toBe(false);
      // Not even a look-up of past hits when nothing of another organisation matched.
      expect(raise).not.toHaveBeenCalled();
      expect(await count('hits')).toBe(hits);
      expect(await count('events')).toBe(events);
      expect(await hitsOn(id)).toEqual([]);
    } finally { raise.mockRestore(); }
  });

  it('keeps one open hit for repeated checks, and does not raise a pair marked false positive again', async () => {
    const id = await reported('HP4000001');
    const first = (await check(itaFront, { number: 'HP4000001', issuingCountry: 'FRA' })).matches[0].hitId;
    expect(first).toEqual(expect.any(String));
    // The same document checked again, by zone or by number alone, is the same query: no second hit.
    expect((await check(itaFront, { mrz: mrzOf('HP4000001') })).matches[0].hitId).toBe(first);
    expect((await check(ita, { number: 'hp4000001' })).matches[0].hitId).toBe(first);
    expect(await hitsOn(id)).toHaveLength(1);
    expect((await hitsOn(id))[0]).toMatchObject({ query_identity: 'document:FRA:HP4000001', record_type: 'document', owner_org: 'NCB-FRA', querier_org: 'NCB-ITA' });

    expect((await w.call(fra, 'POST', `/api/v1/hits/${first}/resolve`, { status: 'false_positive' })).statusCode).toBe(200);
    const sse = await openSse(`${base}/api/v1/events`, fra.token);
    try {
      const again = await check(itaFront, { mrz: mrzOf('HP4000001') });
      // The record is still shown: only the owner is not paged again for the same document.
      expect(again.matches[0]).toMatchObject({ reference: id, visibility: 'full', hitId: null });
      expect((await check(espFront, { number: 'HP4000001', issuingCountry: 'FRA' })).matches[0].hitId).toBeNull();
      expect(await hitsOn(id)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(sse.events.filter((e) => e.type === 'hit.created')).toEqual([]);
    } finally { sse.close(); }

    // Another document is another query.
    const other = await reported('HP4000002');
    expect((await check(itaFront, { number: 'HP4000002', issuingCountry: 'FRA' })).matches[0].hitId).toEqual(expect.any(String));
    expect(await hitsOn(other)).toHaveLength(1);
  });

  it('names a deleted record for nobody, and still shows the hit', async () => {
    const id = await reported('HP5000001');
    const hitId = (await check(itaFront, { number: 'HP5000001', issuingCountry: 'FRA' })).matches[0].hitId!;
    expect((await w.call(fra, 'DELETE', `/api/v1/documents/${id}`, { reason: 'entered in error' })).statusCode).toBe(204);
    expect((await w.call(fra, 'GET', `/api/v1/hits/${hitId}`)).json()).toMatchObject({ id: hitId, recordId: id, title: null, summary: null });
  });
});
