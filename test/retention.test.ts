import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

interface QueueItem { recordType: string; id: string; title: string; subject: string; reviewAt: string; overdue: boolean; status?: string }

const DAY = 86400_000;
const FIVE_YEARS = 5 * 365.25 * DAY;

const passport = (number: string) => ({
  number, issuingCountry: 'FRA', type: 'passport', status: 'stolen', reportedOn: '2025-06-01', holder: { names: ['Retention Holder'], birthDate: '1980-01-01' },
});
const red = (name: string, dob: string) => ({
  kind: 'red', extraditionIntent: true,
  subject: { names: [{ value: name, kind: 'primary', script: 'Latn' }], sex: 'male', datesOfBirth: [dob], nationalities: ['FRA'], identifiers: [], distinguishingMarks: [], photoRefs: [] },
  offence: { description: 'Smuggling of migrants across the Mediterranean for profit', law: 'CESEDA art. L823-1', penaltyMax: { years: 10 } },
  legalBasis: { kind: 'arrest_warrant', reference: 'MA-2025/77', issuingAuthority: 'Tribunal judiciaire de Marseille', dateIssued: '2025-01-15' },
});

describe.each(engines())('retention on %s', (engine) => {
  let w: World;
  let fra: TestUser;
  let ita: TestUser;
  let itaFront: TestUser;
  let reviewer: TestUser;
  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    itaFront = await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    reviewer = await w.user('sg.reviewer', 'SECRETARIAT', ['reviewer']);
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('gives every record a review date five years ahead by default', async () => {
    const p = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Five Years', kind: 'primary' }] } })).json();
    const years = (new Date(p.envelope.reviewAt).getTime() - Date.now()) / (365.25 * 86400_000);
    expect(years).toBeGreaterThan(4.99);
    expect(years).toBeLessThan(5.01);
  });

  it('queues records six months ahead, hides overdue ones from others until renewed with a justification', async () => {
    const soon = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Review Soon', kind: 'primary' }] }, envelope: { reviewAt: new Date(Date.now() + 90 * 86400_000).toISOString() } })).json();
    const past = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Review Past', kind: 'primary' }] } })).json();
    await w.platform.db.updateTable('persons').set({ review_at: new Date(Date.now() - 86400_000) }).where('id', '=', past.id).execute();

    const queue = (await w.call(fra, 'GET', '/api/v1/retention/queue')).json() as { id: string; overdue: boolean }[];
    expect(queue.map((q) => q.id)).toEqual([past.id, soon.id]);
    expect(queue[0].overdue).toBe(true);
    expect((await w.call(ita, 'GET', '/api/v1/retention/queue')).json()).toEqual([]);

    expect((await w.call(ita, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(404);
    const listed = (await w.call(ita, 'GET', '/api/v1/persons?q=review')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([soon.id]);
    expect((await w.call(fra, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(200);

    expect((await w.call(fra, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: ' ' })).statusCode).toBe(400);
    expect((await w.call(ita, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: 'not mine to renew' })).statusCode).toBe(404);
    const renewed = await w.call(fra, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: 'Investigation 2024/117 still open; court date set.' });
    expect(renewed.statusCode).toBe(200);
    expect((await w.call(ita, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(200);
    const history = (await w.call(fra, 'GET', `/api/v1/persons/${past.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ reason: 'Investigation 2024/117 still open; court date set.', change: expect.stringMatching(/^renewed until/) });
  });

  // ---- documents and notices -------------------------------------------------------------------

  const documentOf = async (number: string, envelope?: object) => {
    const r = await w.call(fra, 'POST', '/api/v1/documents', { document: passport(number), ...(envelope ? { envelope } : {}) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const draftOf = async (name: string, dob: string, envelope?: object) => {
    const r = await w.call(fra, 'POST', '/api/v1/notices', { notice: red(name, dob), ...(envelope ? { envelope } : {}) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const publishedOf = async (name: string, dob: string) => {
    const id = await draftOf(name, dob);
    for (const [who, step] of [[fra, 'submit'], [reviewer, 'take-under-review'], [reviewer, 'publish']] as const) {
      const r = await w.call(who, 'POST', `/api/v1/notices/${id}/${step}`);
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  };
  const overdue = async (table: 'documents' | 'notices', id: string, days = 1) => {
    await w.platform.db.updateTable(table).set({ review_at: new Date(Date.now() - days * DAY) }).where('id', '=', id).execute();
  };
  const queueOf = async (u: TestUser) => {
    const r = await w.call(u, 'GET', '/api/v1/retention/queue');
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as QueueItem[];
  };
  const refusals = (action: string, username: string) => w.platform.db.selectFrom('audit_log').select(['record_ids', 'outcome'])
    .where('action', '=', action).where('username', '=', username).where('outcome', '=', 'refused').execute();

  it('queues the owner\'s documents and notices with persons, sorted by review date, and nobody else\'s', async () => {
    const soonDoc = await documentOf('RQ1000001', { reviewAt: new Date(Date.now() + 60 * DAY).toISOString() });
    const pastDoc = await documentOf('RQ1000002');
    await overdue('documents', pastDoc);
    const laterDoc = await documentOf('RQ1000003', { reviewAt: new Date(Date.now() + 300 * DAY).toISOString() });
    const farDoc = await documentOf('RQ1000004');
    const cancelledDoc = await documentOf('RQ1000005', { reviewAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect((await w.call(fra, 'POST', `/api/v1/documents/${cancelledDoc}/cancel`, { reason: 'recovered by the holder' })).statusCode).toBe(200);
    const draft = await draftOf('Queued Draftman', '1971-03-04', { reviewAt: new Date(Date.now() + 120 * DAY).toISOString() });
    const published = await publishedOf('Queued Publishedson', '1972-05-06');
    await overdue('notices', published, 2);
    const withdrawn = await draftOf('Queued Withdrawnski', '1973-07-08', { reviewAt: new Date(Date.now() + 10 * DAY).toISOString() });
    expect((await w.call(fra, 'POST', `/api/v1/notices/${withdrawn}/withdraw`)).statusCode).toBe(200);

    const queue = await queueOf(fra);
    const mine = queue.filter((q) => q.recordType !== 'person');
    expect(mine.map((q) => q.id)).toEqual([published, pastDoc, soonDoc, draft]);
    expect(queue.map((q) => q.reviewAt)).toEqual([...queue.map((q) => q.reviewAt)].sort());
    expect(mine[0]).toMatchObject({ recordType: 'notice', title: 'Red notice: Queued Publishedson', subject: 'suspect', overdue: true, status: 'published' });
    expect(mine[1]).toMatchObject({ recordType: 'document', title: 'FRA passport RQ1000002', subject: 'other', overdue: true, status: 'stolen' });
    expect(mine[2]).toMatchObject({ recordType: 'document', overdue: false });
    expect(mine[3]).toMatchObject({ recordType: 'notice', status: 'draft', overdue: false });
    // Beyond six months, cancelled, withdrawn: not in the queue.
    for (const id of [laterDoc, farDoc, cancelledDoc, withdrawn]) expect(queue.map((q) => q.id)).not.toContain(id);
    expect(await queueOf(ita)).toEqual([]);
    // Each capability audits what it listed.
    const audited = await w.platform.db.selectFrom('audit_log').select(['action', 'record_ids']).where('username', '=', 'fra.officer')
      .where('action', 'in', ['document.review_queue', 'notice.retention_queue']).orderBy('seq', 'desc').limit(2).execute();
    expect(audited.flatMap((a) => a.record_ids)).toEqual(expect.arrayContaining([pastDoc, soonDoc, published, draft]));
  });

  it('hides an overdue document from other countries in checks and lists, whatever its audience, until renewed', async () => {
    const open = await documentOf('RV2000001');
    const ownerOnly = await documentOf('RV2000002', { audience: 'owner' });
    const check = async (number: string) => (await w.call(itaFront, 'POST', '/api/v1/documents/check', { number, issuingCountry: 'FRA' })).json();
    // Before the review date: in full, or only that it exists.
    expect((await check('RV2000001')).matches[0]).toMatchObject({ reference: open, visibility: 'full' });
    expect((await check('RV2000002')).matches[0]).toMatchObject({ reference: ownerOnly, visibility: 'existence' });
    const hitsBefore = (await w.platform.db.selectFrom('hits').select('id').where('record_id', 'in', [open, ownerOnly]).execute()).length;

    await overdue('documents', open);
    await overdue('documents', ownerOnly);
    for (const [number, id] of [['RV2000001', open], ['RV2000002', ownerOnly]]) {
      expect(await check(number)).toMatchObject({ hit: false, matches: [] });
      expect((await w.call(itaFront, 'GET', `/api/v1/documents?number=${number}`)).json()).toEqual({ total: 0, items: [] });
      expect((await w.call(itaFront, 'GET', `/api/v1/documents/count?number=${number}`)).json()).toEqual({ total: 0 });
      expect((await w.call(itaFront, 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(404);
      expect((await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen' })).statusCode).toBe(404);
      // The owner still sees it, and finds it in its own checks.
      expect((await w.call(fra, 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(200);
      expect((await w.call(fra, 'POST', '/api/v1/documents/check', { number, issuingCountry: 'FRA' })).json().hit).toBe(true);
    }
    // A record hidden from the checker raises no hit.
    expect((await w.platform.db.selectFrom('hits').select('id').where('record_id', 'in', [open, ownerOnly]).execute()).length).toBe(hitsBefore);

    const renewed = await w.call(fra, 'POST', `/api/v1/documents/${open}/renew`, { justification: 'Holder still abroad; passport may be used by an impostor.' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const years = (new Date(renewed.json().envelope.reviewAt).getTime() - Date.now()) / FIVE_YEARS;
    expect(years).toBeGreaterThan(0.999);
    expect(years).toBeLessThan(1.001);
    expect((await check('RV2000001')).matches[0]).toMatchObject({ reference: open, visibility: 'full' });
    expect((await w.call(itaFront, 'GET', '/api/v1/documents?number=RV2000001')).json().total).toBe(1);
    // Renewal to a date the owner chooses, within five years.
    const until = new Date(Date.now() + 400 * DAY).toISOString();
    const chosen = await w.call(fra, 'POST', `/api/v1/documents/${ownerOnly}/renew`, { justification: 'Court case pending until next year.', reviewAt: until });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(new Date(chosen.json().envelope.reviewAt).toISOString()).toBe(until);
    expect((await check('RV2000002')).matches[0]).toMatchObject({ reference: ownerOnly, visibility: 'existence' });

    const history = (await w.call(fra, 'GET', `/api/v1/documents/${open}/history`)).json();
    expect(history.at(-1)).toMatchObject({ reason: 'Holder still abroad; passport may be used by an impostor.', change: expect.stringMatching(/^renewed until \d{4}-\d{2}-\d{2}$/) });
    const audit = (await w.platform.db.selectFrom('audit_log').select(['record_ids', 'query', 'outcome', 'username']).where('action', '=', 'document.renew').execute())
      .filter((a) => a.record_ids.includes(open));
    expect(audit).toEqual([{ record_ids: [open], username: 'fra.officer', outcome: 'ok', query: expect.objectContaining({ justification: 'Holder still abroad; passport may be used by an impostor.' }) }]);
  });

  it('refuses a document renewal without a justification or beyond five years, naming the field; a non-owner is refused and audited', async () => {
    const id = await documentOf('RV3000001');
    const missing = await w.call(fra, 'POST', `/api/v1/documents/${id}/renew`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.justification']);
    const blank = await w.call(fra, 'POST', `/api/v1/documents/${id}/renew`, { justification: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(blank.json().errors).toEqual([{ field: 'justification', message: expect.stringMatching(/why/) }]);
    const tooFar = await w.call(fra, 'POST', `/api/v1/documents/${id}/renew`, { justification: 'keep', reviewAt: new Date(Date.now() + FIVE_YEARS + 30 * DAY).toISOString() });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().errors).toEqual([{ field: 'reviewAt', message: expect.stringMatching(/at most 5 years/) }]);
    const past = await w.call(fra, 'POST', `/api/v1/documents/${id}/renew`, { justification: 'keep', reviewAt: new Date(Date.now() - DAY).toISOString() });
    expect(past.json().errors[0].field).toBe('reviewAt');
    expect((await w.call(fra, 'GET', `/api/v1/documents/${id}/history`)).json()).toHaveLength(1);

    // Italy may see the record but not renew it; once overdue it may not even see it.
    const visible = await w.call(ita, 'POST', `/api/v1/documents/${id}/renew`, { justification: 'not mine to keep' });
    expect(visible.statusCode).toBe(403);
    await overdue('documents', id);
    expect((await w.call(ita, 'POST', `/api/v1/documents/${id}/renew`, { justification: 'not mine to keep' })).statusCode).toBe(404);
    expect((await refusals('document.renew', 'ita.officer')).filter((r) => r.record_ids.includes(id))).toHaveLength(2);
    const frontline = await w.call(await w.user('fra.frontline', 'NCB-FRA', ['frontline']), 'POST', `/api/v1/documents/${id}/renew`, { justification: 'frontline cannot' });
    expect(frontline.statusCode).toBe(403);
  });

  it('hides an overdue notice from other countries in lists and screening until renewed; renewal is kept in its history', async () => {
    const id = await publishedOf('Renato Scadutini', '1968-09-10');
    const screened = async () => (await w.call(itaFront, 'POST', '/api/v1/screening/person', { names: ['Renato Scadutini'], birthDates: ['1968-09-10'] })).json()
      .hits.find((h: { recordType: string }) => h.recordType === 'notice') as { recordId: string } | undefined;
    let found;
    for (let i = 0; i < 40 && !found; i++) { found = await screened(); if (!found) await new Promise((r) => setTimeout(r, 50)); }
    expect(found).toMatchObject({ recordId: id });
    const listed = async () => (await w.call(ita, 'GET', '/api/v1/notices?q=Scadutini')).json().items.map((n: { id: string }) => n.id);
    expect(await listed()).toEqual([id]);
    // Italy sees the notice but does not keep it: only its owner does.
    expect((await w.call(ita, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'not ours' })).statusCode).toBe(403);

    await overdue('notices', id);
    expect(await listed()).toEqual([]);
    expect((await w.call(ita, 'GET', '/api/v1/notices/count?q=Scadutini')).json()).toEqual({ total: 0 });
    expect((await w.call(ita, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);
    expect(await screened()).toBeUndefined();
    expect((await w.call(fra, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(200);

    expect((await w.call(fra, 'POST', `/api/v1/notices/${id}/renew`, {})).json().errors[0].field).toBe('body.justification');
    const blank = await w.call(fra, 'POST', `/api/v1/notices/${id}/renew`, { justification: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(blank.json().errors[0].field).toBe('justification');
    expect((await w.call(ita, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'not ours' })).statusCode).toBe(404);
    expect((await w.call(reviewer, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'secretariat cannot' })).statusCode).toBe(403);
    expect(await refusals('route POST /api/v1/notices/:id/renew', 'sg.reviewer')).toHaveLength(1);
    const sgOfficer = await w.user('sg.officer', 'SECRETARIAT', ['officer']);
    expect((await w.call(sgOfficer, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'not the owner either' })).statusCode).toBe(404);
    expect((await refusals('notice.renew', 'ita.officer')).map((r) => r.record_ids)).toEqual([[id], [id]]);
    expect((await refusals('notice.renew', 'sg.officer')).map((r) => r.record_ids)).toEqual([[id]]);

    const renewed = await w.call(fra, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'Warrant still in force; subject believed in Libya.' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ status: 'published', id });
    expect(new Date(renewed.json().envelope.reviewAt).getTime()).toBeGreaterThan(Date.now() + FIVE_YEARS - DAY);
    expect(await listed()).toEqual([id]);
    expect(await screened()).toMatchObject({ recordId: id });
    const history = (await w.call(fra, 'GET', `/api/v1/notices/${id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'renew', from: 'published', to: 'published', username: 'fra.officer', reasons: ['Warrant still in force; subject believed in Libya.', expect.stringMatching(/^review date \d{4}-\d{2}-\d{2}$/)] });
    expect((await queueOf(fra)).map((q) => q.id)).not.toContain(id);
  });

  it('lets the sweep expire an overdue notice nobody renewed; an expired notice leaves the queue and is not renewed', async () => {
    const id = await publishedOf('Ottavio Dimenticato', '1969-11-12');
    await overdue('notices', id);
    expect((await queueOf(fra)).find((q) => q.id === id)).toMatchObject({ overdue: true, status: 'published' });
    expect(await w.services.retention.sweep()).toContain(id);
    expect((await queueOf(fra)).map((q) => q.id)).not.toContain(id);
    const late = await w.call(fra, 'POST', `/api/v1/notices/${id}/renew`, { justification: 'too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/expired.*request a new one/);
  });
});
