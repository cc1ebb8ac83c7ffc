import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTd3Mrz } from '../src/documents/mrz.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';
import { openSse } from './support/sse.ts';

describe.each(engines())('screening and hits on %s', (engine) => {
  let w: World;
  let base: string;
  let fra: TestUser;
  let ita: TestUser;
  let itaFront: TestUser;
  let deu: TestUser;
  let visibleId: string;

  const screen = (u: TestUser, body: object, use = 'frontline') => w.call(u, 'POST', `/api/v1/screening/person?use=${use}`, body);

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    itaFront = await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    deu = await w.user('deu.officer', 'NCB-DEU', ['officer']);
    const visible = await w.call(fra, 'POST', '/api/v1/persons', {
      person: { names: [{ value: 'Mohammed Al-Rashid', kind: 'primary' }, { value: 'محمد الرشيد', kind: 'original_script', script: 'Arab' }], birthDates: ['1984-07-12'], nationalities: ['SYR'], sex: 'M', identifiers: [{ kind: 'passport', value: 'N0123456', country: 'SYR' }] },
      envelope: { subject: 'suspect', deniedOrgs: ['NCB-DEU'] },
    });
    expect(visible.statusCode, visible.body).toBe(201);
    visibleId = visible.json().id;
    await w.call(fra, 'POST', '/api/v1/persons', {
      person: { names: [{ value: 'Oksana Kovalenko', kind: 'primary' }], birthDates: ['1999'], nationalities: ['UKR'], sex: 'F' },
      envelope: { subject: 'victim', audience: 'owner' },
    });
    // The index learns of new records from events, asynchronously (within a second, as the next
    // tests check): wait until both are screened, so no test races the event from this setup.
    // An owner's own screening does not raise a hit.
    for (const until = Date.now() + 5000; Date.now() < until;) {
      const seen = await Promise.all(['Mohammed Al-Rashid', 'Oksana Kovalenko'].map(async (name) => (await screen(fra, { names: [name] }, 'analyst')).json().hits.length > 0));
      if (seen.every(Boolean)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    base = await w.api.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('finds a record across scripts and spellings, explains the score, and tells the owner at once', async () => {
    const sse = await openSse(`${base}/api/v1/events`, fra.token);
    try {
      const r = await screen(itaFront, { names: ['Muhammad Alrasheed'], birthDates: ['1984-12-07'], nationalities: ['SYR'] }, 'frontline');
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.outcome).toBe('hit');
      expect(body.action).toMatch(/Contact/);
      const hit = body.hits[0];
      expect(hit).toMatchObject({ recordId: visibleId, owner: 'NCB-FRA', disclosure: 'full', subject: 'suspect' });
      expect(JSON.stringify(hit.explanation)).toMatch(/dob/);
      expect(hit.hitId).toBeTruthy();
      const alert = await sse.waitFor('hit.created', (d) => d.recordId === `${hit.hitId}`);
      expect((alert.payload as { querierOrg: string }).querierOrg).toBe('NCB-ITA');

      // The two countries talk it through on the hit, and the owner confirms it.
      expect((await w.call(ita, 'POST', `/api/v1/hits/${hit.hitId}/messages`, { body: 'Traveller at Fiumicino now, please advise.' })).statusCode).toBe(201);
      await sse.waitFor('hit.message', (d) => d.recordId === hit.hitId);
      const reply = await w.call(fra, 'POST', `/api/v1/hits/${hit.hitId}/messages`, { body: 'Confirmed wanted; arrest warrant follows.' });
      expect(reply.statusCode).toBe(201);
      expect((await w.call(ita, 'POST', `/api/v1/hits/${hit.hitId}/resolve`, { status: 'confirmed' })).statusCode).toBe(403);
      const resolved = await w.call(fra, 'POST', `/api/v1/hits/${hit.hitId}/resolve`, { status: 'confirmed' });
      expect(resolved.json()).toMatchObject({ status: 'confirmed', side: 'owner', overdue: false });
      const thread = (await w.call(ita, 'GET', `/api/v1/hits/${hit.hitId}`)).json();
      expect(thread.messages.map((m: { orgId: string }) => m.orgId)).toEqual(['NCB-ITA', 'NCB-FRA']);
      expect((await w.call(deu, 'GET', `/api/v1/hits/${hit.hitId}`)).statusCode).toBe(404);
      const inbox = (await w.call(fra, 'GET', '/api/v1/inbox')).json();
      expect(inbox.items.map((i: { type: string }) => i.type)).toEqual(expect.arrayContaining(['hit.created', 'hit.message']));
    } finally { sse.close(); }
  });

  it('answers a hit on a withheld record with who to contact and no details', async () => {
    const r = (await screen(itaFront, { names: ['Oksana Kovalenko'], birthDates: ['1999'] })).json();
    expect(r.outcome).toBe('hit');
    expect(r.hits[0]).toMatchObject({ disclosure: 'existence', recordId: null, person: null, explanation: null, ownerName: expect.stringMatching(/France/) });
    expect(JSON.stringify(r)).not.toMatch(/victim|Kovalenko.*1999-/);
    const hit = (await w.call(ita, 'GET', `/api/v1/hits/${r.hits[0].hitId}`)).json();
    expect(hit.explanation).toBeNull();
  });

  it('tells a denied organisation nothing, and partners may not screen', async () => {
    const r = (await screen(deu, { names: ['Mohammed Al-Rashid'], birthDates: ['1984-07-12'] })).json();
    expect(r.outcome).toBe('no_hit');
    const partner = await w.user('ngo.partner', 'NGO-SHELTER', ['partner']);
    expect((await screen(partner, { names: ['Mohammed Al-Rashid'] })).statusCode).toBe(403);
  });

  it('screens a raw MRZ and finds the holder by document number too', async () => {
    const mrz = buildTd3Mrz({ issuingState: 'SYR', documentNumber: 'N0123456', nationality: 'SYR', lastName: 'ALRASHID', firstNames: 'MOHAMMED', birthDate: '1984-07-12', sex: 'male', expirationDate: '2030-01-01' });
    const r = (await screen(itaFront, { mrz })).json();
    expect(r.mrz.valid).toBe(true);
    expect(r.hits[0].recordId).toBe(visibleId);
    const byNumber = (await screen(itaFront, { documentNumber: 'n 0123456' })).json();
    expect(byNumber.hits.map((h: { recordId: string }) => h.recordId)).toContain(visibleId);
  });

  it('does not raise a pair marked false positive again for the same query', async () => {
    const q = { names: ['Mohamed Rashid'], birthDates: ['1984'], nationalities: ['SYR'] };
    const first = (await screen(deu.orgId === 'x' ? deu : ita, q)).json();
    const hitId = first.hits[0].hitId;
    expect((await w.call(fra, 'POST', `/api/v1/hits/${hitId}/resolve`, { status: 'false_positive' })).statusCode).toBe(200);
    const again = (await screen(ita, q)).json();
    expect(again.hits[0].recordId).toBe(visibleId);
    expect(again.hits[0].hitId).toBeNull();
  });

  it('sees a new person within a second, and a deleted one disappears', async () => {
    const created = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Zbigniew Brzęczyszczykiewicz', kind: 'primary' }] } })).json();
    const until = Date.now() + 1000;
    let found = false;
    while (!found && Date.now() < until) {
      found = (await screen(ita, { names: ['Zbigniew Brzeczyszczykiewicz'] })).json().hits.some((h: { recordId: string }) => h.recordId === created.id);
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toBe(true);
    await w.call(fra, 'DELETE', `/api/v1/persons/${created.id}`, { reason: 'duplicate' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await screen(ita, { names: ['Zbigniew Brzeczyszczykiewicz'] })).json().hits).toEqual([]);
  });

  it('refuses bad queries with a clear message and audits every screening with its purpose', async () => {
    const empty = await screen(ita, { names: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('names');
    const punctuation = await screen(ita, { names: ['?!.'] });
    expect(punctuation.json().errors[0]).toMatchObject({ field: 'names.0' });
    expect((await screen(ita, { names: ['A B'], birthDates: ['3021-01-01'] })).json().errors[0].field).toBe('birthDates.0');
    await w.call(ita, 'POST', '/api/v1/screening/person', { names: ['Someone Else'] }, { 'x-vigil-purpose': 'border check, flight AZ123' });
    const audit = await w.platform.db.selectFrom('audit_log').select(['purpose']).where('action', '=', 'screening.person').where('username', '=', 'ita.officer').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.purpose).toBe('border check, flight AZ123');
  });

  it('finds the subject of a published notice, and drops it when the notice is cancelled', async () => {
    const reviewer = await w.user('sg.reviewer', 'SECRETARIAT', ['reviewer']);
    const notice = {
      kind: 'red', extraditionIntent: true,
      subject: { names: [{ value: 'Lucien Marchetti', kind: 'primary', script: 'Latn' }], sex: 'male', datesOfBirth: ['1979-04-02'], nationalities: ['ITA'], identifiers: [], distinguishingMarks: [], photoRefs: [] },
      offence: { description: 'Trafficking in human beings for sexual exploitation', law: 'Code pénal art. 225-4-1', penaltyMax: { years: 10 } },
      legalBasis: { kind: 'arrest_warrant', reference: 'MA-2024/118', issuingAuthority: 'Tribunal judiciaire de Paris', dateIssued: '2024-02-12' },
    };
    const id = (await w.call(fra, 'POST', '/api/v1/notices', { notice })).json().id as string;
    for (const [who, step] of [[fra, 'submit'], [reviewer, 'take-under-review'], [reviewer, 'publish']] as const) {
      const r = await w.call(who, 'POST', `/api/v1/notices/${id}/${step}`);
      expect(r.statusCode, r.body).toBe(200);
    }
    const findsIt = async () => (await screen(itaFront, { names: ['Luciano Marcheti'], birthDates: ['1979'] })).json().hits.find((h: { recordType: string }) => h.recordType === 'notice');
    let hit;
    for (let i = 0; i < 20 && !hit; i++) { hit = await findsIt(); if (!hit) await new Promise((r) => setTimeout(r, 50)); }
    expect(hit).toMatchObject({ recordId: id, notice: { kind: 'red' }, owner: 'NCB-FRA', disclosure: 'full' });
    expect((await w.call(fra, 'POST', `/api/v1/notices/${id}/cancel`, {})).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await findsIt()).toBeUndefined();
  });

  it('screens a manifest line by line, reporting broken lines and screening the rest', async () => {
    const csv = ['name,birth_date,nationality,sex', 'Mohammed Al Rashid,1984-07-12,SYR,M', '"broken,1984', '!!!,1990,FRA,M', 'Jane Nobody,1970,GBR,F'].join('\n');
    const r = await w.call(ita, 'POST', '/api/v1/screening/manifest', csv, { 'content-type': 'text/csv' });
    expect(r.statusCode).toBe(200);
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    const done = lines.at(-1);
    expect(done).toMatchObject({ done: true });
    expect(lines.some((l) => l.result?.outcome === 'hit')).toBe(true);
    expect(lines.some((l) => l.error)).toBe(true);
    expect(lines.some((l) => l.result?.outcome === 'no_hit')).toBe(true);
  });
});
