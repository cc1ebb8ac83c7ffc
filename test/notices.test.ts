import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../src/platform/access/actor.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

// ---- fixtures ------------------------------------------------------------------------------------

const person = (name: string, dob: string) => ({
  names: [{ value: name, kind: 'primary', script: 'Latn' }], sex: 'male', datesOfBirth: [dob], nationalities: ['ITA'],
  identifiers: [{ type: 'passport', value: 'YA1234567', country: 'ITA' }], distinguishingMarks: ['scar on left hand'], photoRefs: [],
});
const offence = { description: 'Trafficking in human beings for sexual exploitation of four women', law: 'Code pénal art. 225-4-1', penaltyMax: { years: 10 }, committedOn: '2023-11', committedIn: ['FRA'] };
const warrant = { kind: 'arrest_warrant', reference: 'MA-2024/118', issuingAuthority: 'Tribunal judiciaire de Paris', dateIssued: '2024-02-12' };
const red = (name: string, dob: string, over: Record<string, unknown> = {}) =>
  ({ kind: 'red', subject: person(name, dob), offence, legalBasis: warrant, extraditionIntent: true, ...over });
const yellow = (name: string, dob: string, over: Record<string, unknown> = {}) => ({
  kind: 'yellow', subject: person(name, dob), lastSeen: { on: '2025-03-14', place: { country: 'NER', locality: 'Agadez' } },
  circumstances: 'Left a reception centre with an unknown man promising work in Europe.', ...over,
});
const diffusion = (name: string, dob: string, recipients: string[]) => ({
  kind: 'diffusion', purpose: 'locate', recipients, message: 'Please locate this man and report his whereabouts.', subject: person(name, dob),
});

// ---- a server-sent-events client -----------------------------------------------------------------

interface Received { type: string; data: { id: number; type: string; recordId: string | null; payload: Record<string, unknown> } }

/** Reads /api/v1/events as a browser would; resolves once the stream is subscribed. */
async function openEvents(baseUrl: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const received: Received[] = [];
  let buffer = '';
  let connected = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.startsWith(': connected')) connected = true;
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) received.push({ type, data: JSON.parse(data) as Received['data'] });
        }
      }
    } catch { /* aborted */ }
  })();
  const until = async <T>(probe: () => T | undefined, ms: number): Promise<T | undefined> => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      const v = probe();
      if (v !== undefined) return v;
    }
    return probe();
  };
  await until(() => (connected ? true : undefined), 5000);
  return {
    received,
    /** The first event of that type about that record, waiting up to `ms`. */
    next: (type: string, recordId: string, ms = 5000) => until(() => received.find((e) => e.type === type && e.data.recordId === recordId), ms),
    close: () => abort.abort(),
  };
}

// ---- tests -----------------------------------------------------------------------------------------

describe.each(engines())('notices and diffusions on %s', (engine) => {
  let w: World;
  let baseUrl: string;
  let fra: TestUser; let ita: TestUser; let esp: TestUser; let deu: TestUser;
  let reviewer: TestUser; let itaReviewer: TestUser; let fraReviewer: TestUser; let sgAdmin: TestUser; let partner: TestUser;
  const streams: { close: () => void }[] = [];

  beforeAll(async () => {
    w = await startWorld(engine);
    baseUrl = await w.api.listen({ port: 0, host: '127.0.0.1' });
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    esp = await w.user('esp.officer', 'NCB-ESP', ['officer', 'analyst']);
    deu = await w.user('deu.officer', 'NCB-DEU', ['officer']);
    reviewer = await w.user('sg.reviewer', 'SECRETARIAT', ['reviewer']);
    itaReviewer = await w.user('ita.reviewer', 'NCB-ITA', ['reviewer']);
    fraReviewer = await w.user('fra.reviewer', 'NCB-FRA', ['reviewer']);
    sgAdmin = await w.user('sg.admin', 'SECRETARIAT', ['admin']);
    partner = await w.user('ngo.partner', 'NGO-SHELTER', ['partner']);
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await w?.close();
  });

  const create = async (notice: object, envelope?: object, by = fra) => {
    const r = await w.call(by, 'POST', '/api/v1/notices', { notice, ...(envelope ? { envelope } : {}) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const act = (user: TestUser, id: string, action: string, body?: object) => w.call(user, 'POST', `/api/v1/notices/${id}/${action}`, body);
  const ok = async (user: TestUser, id: string, action: string, body?: object) => {
    const r = await act(user, id, action, body);
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    return r.json();
  };
  /** A request of France's, submitted and taken under review. */
  const underReview = async (notice: object, envelope?: object) => {
    const id = await create(notice, envelope);
    await ok(fra, id, 'submit');
    await ok(reviewer, id, 'take-under-review');
    return id;
  };
  const published = async (notice: object, envelope?: object) => {
    const id = await underReview(notice, envelope);
    await ok(reviewer, id, 'publish');
    return id;
  };
  const status = async (id: string) => (await w.call(fra, 'GET', `/api/v1/notices/${id}`)).json().status as string;
  const inbox = async (user: TestUser) => (await w.call(user, 'GET', '/api/v1/inbox?limit=500')).json().items as { type: string; recordId: string }[];
  const refusals = (action: string, id: string) => w.platform.db.selectFrom('audit_log').select('username')
    .where('action', '=', action).where('outcome', '=', 'refused').where(sql<boolean>`${id} = any(record_ids)`).execute();

  it('runs submission → review → refusal with reasons → revision → resubmission → publication, alerting another country live', async () => {
    const itaStream = await openEvents(baseUrl, ita.token);
    streams.push(itaStream);
    const draft = (await w.call(fra, 'POST', '/api/v1/notices', { notice: red('Lucien Marchetti', '1981-05-02', { extraditionIntent: false }) })).json();
    expect(draft).toMatchObject({ status: 'draft', kind: 'red', title: 'Red notice: Lucien Marchetti', reference: null, actions: ['submit', 'withdraw'] });
    expect(draft.envelope).toMatchObject({ owner: 'NCB-FRA', audience: 'all', subject: 'suspect' });
    const id = draft.id as string;
    // A draft is the owner's alone.
    expect((await w.call(ita, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);
    expect((await w.call(reviewer, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);

    await ok(fra, id, 'submit');
    expect((await w.call(reviewer, 'GET', '/api/v1/notices/review-queue')).json().items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await inbox(reviewer)).some((e) => e.type === 'notice.submitted' && e.recordId === id)).toBe(true);
    expect((await ok(reviewer, id, 'take-under-review')).actions).toEqual(['publish', 'refuse']);

    // The checklist shows what is wrong; a refusal must say why.
    const checklist = (await w.call(reviewer, 'POST', `/api/v1/notices/${id}/checklist`, {})).json();
    expect(checklist.canPublish).toBe(false);
    expect(checklist.checks.find((c: { rule: string }) => c.rule === 'extradition')).toMatchObject({ passed: false, blocking: true });
    expect((await act(reviewer, id, 'refuse', { reasons: [] })).statusCode).toBe(400);
    expect((await act(reviewer, id, 'refuse', { reasons: ['  '] })).statusCode).toBe(400);
    const refused = await ok(reviewer, id, 'refuse', { reasons: ['France must undertake to request extradition.'] });
    expect(refused).toMatchObject({ status: 'refused', decisionReasons: ['France must undertake to request extradition.'] });
    const owned = (await w.call(fra, 'GET', `/api/v1/notices/${id}`)).json();
    expect(owned).toMatchObject({ status: 'refused', decisionReasons: ['France must undertake to request extradition.'], actions: ['revise'] });
    expect((await inbox(fra)).some((e) => e.type === 'notice.refused' && e.recordId === id)).toBe(true);
    expect((await inbox(ita)).some((e) => e.recordId === id)).toBe(false);

    // A refused request is corrected as a draft and submitted again.
    expect((await w.call(fra, 'PATCH', `/api/v1/notices/${id}`, { notice: red('Lucien Marchetti', '1981-05-02') })).statusCode).toBe(409);
    await ok(fra, id, 'revise');
    const revised = await w.call(fra, 'PATCH', `/api/v1/notices/${id}`, { notice: red('Lucien Marchetti', '1981-05-02'), envelope: { tlp: 'GREEN' } });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json().envelope.tlp).toBe('GREEN');
    await ok(fra, id, 'submit');
    await ok(reviewer, id, 'take-under-review');
    expect(itaStream.received.filter((e) => e.data.recordId === id)).toEqual([]);
    const pub = await ok(reviewer, id, 'publish');
    expect(pub).toMatchObject({ status: 'published', decisionReasons: [] });
    expect(pub.reference).toMatch(/^A-\d+\/\d{4}$/);
    expect(pub.publishedAt).toBeTruthy();

    // Italy's open SSE stream gets the alert, and its inbox keeps it.
    const alert = await itaStream.next('notice.published', id);
    expect(alert?.data.payload).toMatchObject({ id, kind: 'red', reference: pub.reference, title: 'Red notice: Lucien Marchetti', owner: 'NCB-FRA' });
    expect((await inbox(ita)).some((e) => e.type === 'notice.published' && e.recordId === id)).toBe(true);
    expect((await w.call(ita, 'GET', `/api/v1/notices/${id}`)).json().status).toBe('published');

    const history = (await w.call(fra, 'GET', `/api/v1/notices/${id}/history`)).json() as { action: string; from: string | null; to: string; username: string; reasons: string[] }[];
    expect(history.map((h) => `${h.action}:${h.from}->${h.to}`)).toEqual([
      'create:null->draft', 'submit:draft->submitted', 'take_under_review:submitted->under_review', 'refuse:under_review->refused',
      'revise:refused->draft', 'edit:draft->draft', 'submit:draft->submitted', 'take_under_review:submitted->under_review', 'publish:under_review->published',
    ]);
    expect(history[3]).toMatchObject({ username: 'sg.reviewer', reasons: ['France must undertake to request extradition.'] });
    const audited = await w.platform.db.selectFrom('audit_log').select('action').where(sql<boolean>`${id} = any(record_ids)`).execute();
    expect(new Set(audited.map((a) => a.action))).toEqual(new Set(['notice.create', 'notice.read', 'notice.submit', 'notice.review_queue', 'notice.take_under_review',
      'notice.checklist', 'notice.refuse', 'notice.revise', 'notice.update', 'notice.publish', 'notice.history']));
  });

  it('never publishes a Red notice without a legal basis', async () => {
    const { legalBasis: _none, ...withoutWarrant } = red('Ostap Hrytsenko', '1977-10-30');
    const id = await underReview(withoutWarrant);
    const r = await act(reviewer, id, 'publish', { justification: 'Urgent: the person is about to cross the border.' });
    expect(r.statusCode).toBe(409);
    expect(r.json().failedChecks.map((c: { rule: string }) => c.rule)).toEqual(['legal_basis']);
    expect(r.json().detail).toContain('legal_basis');
    expect(await status(id)).toBe('under_review');
    expect(await refusals('notice.publish', id)).toHaveLength(1);
  });

  it('publishes a request with a political, military, religious or racial character only on a written justification', async () => {
    const id = await underReview(red('Anatol Brânzei', '1969-12-01', {
      offence: { ...offence, description: 'Murder of two smugglers; also charged with desertion from the army' },
    }));
    const bare = await act(reviewer, id, 'publish');
    expect(bare.statusCode).toBe(409);
    expect(bare.json().failedChecks.map((c: { rule: string }) => c.rule)).toEqual(['neutrality']);
    expect((await act(reviewer, id, 'publish', { justification: 'fine' })).statusCode).toBe(409);
    await ok(reviewer, id, 'publish', { justification: 'The murders are ordinary-law crimes that clearly predominate over the desertion charge.' });
    const row = await w.platform.db.selectFrom('notices').select(['review_justification', 'review_checks']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.review_justification).toContain('predominate');
    expect(JSON.stringify(row.review_checks)).toContain('justification');
  });

  it('lets only the secretariat\'s reviewers take up, publish or refuse a request', async () => {
    const id = await create(red('Radu Ciobanu', '1975-01-09'));
    expect((await act(reviewer, id, 'take-under-review')).statusCode).toBe(404); // a draft is not theirs to see
    await ok(fra, id, 'submit');
    expect((await act(fra, id, 'take-under-review')).statusCode).toBe(403);
    expect((await act(itaReviewer, id, 'take-under-review')).statusCode).toBe(404); // a national reviewer is not the secretariat
    await ok(reviewer, id, 'take-under-review');
    expect((await act(ita, id, 'publish')).statusCode).toBe(403);
    expect((await act(fra, id, 'publish')).statusCode).toBe(403);
    expect((await act(sgAdmin, id, 'publish')).statusCode).toBe(403);
    expect((await act(itaReviewer, id, 'publish')).statusCode).toBe(404);
    // The requesting country's own reviewer sees its request but is not the secretariat.
    expect((await w.call(fraReviewer, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(200);
    expect((await act(fraReviewer, id, 'publish')).statusCode).toBe(403);
    expect((await refusals('notice.publish', id)).map((r) => r.username).sort()).toEqual(['fra.reviewer', 'ita.reviewer']);
    expect((await act(itaReviewer, id, 'refuse', { reasons: ['no'] })).statusCode).toBe(404);
    expect((await w.call(itaReviewer, 'GET', '/api/v1/notices/review-queue')).statusCode).toBe(403);
    // A secretariat reviewer may not act on a step that is the owner's.
    expect((await act(reviewer, id, 'withdraw')).statusCode).toBe(403);
    expect(await status(id)).toBe('under_review');
    expect((await refusals('notice.take_under_review', id)).map((r) => r.username).sort()).toEqual(['ita.reviewer', 'sg.reviewer']);
    const byRoute = await w.platform.db.selectFrom('audit_log').select('username').where('action', '=', 'route POST /api/v1/notices/:id/publish').where('outcome', '=', 'refused').execute();
    expect(byRoute.map((r) => r.username).sort()).toEqual(['fra.officer', 'ita.officer', 'sg.admin']);
  });

  it('shows a restricted request under review to the secretariat\'s reviewers, then follows the owner\'s audience', async () => {
    const envelope = { audience: 'listed', audienceOrgs: ['NCB-ITA'], deniedOrgs: ['SECRETARIAT'] };
    const id = await create(red('Émile Fournier', '1983-08-17'), envelope);
    await ok(fra, id, 'submit');
    const sees = async (u: TestUser) => {
      const get = (await w.call(u, 'GET', `/api/v1/notices/${id}`)).statusCode;
      const listed = (await w.call(u, 'GET', '/api/v1/notices?limit=500')).json().items.some((n: { id: string }) => n.id === id);
      const counted = (await w.call(u, 'GET', '/api/v1/notices/count?q=emile fournier')).json().total;
      expect(get === 200, `get vs list for ${u.username}`).toBe(listed);
      expect(counted, `count for ${u.username}`).toBe(listed ? 1 : 0);
      return listed;
    };
    expect(await sees(reviewer)).toBe(true);
    expect(await sees(ita)).toBe(false);
    expect(await sees(esp)).toBe(false);
    await ok(reviewer, id, 'take-under-review');
    expect(await sees(reviewer)).toBe(true);
    expect(await sees(itaReviewer)).toBe(false);
    await ok(reviewer, id, 'publish');
    expect(await sees(reviewer)).toBe(false); // denied by the owner once the review is over
    expect(await sees(ita)).toBe(true);
    expect(await sees(esp)).toBe(false);
    expect(await sees(deu)).toBe(false);
    expect(await sees(fra)).toBe(true);
    const event = (await w.platform.db.selectFrom('events').selectAll().where('record_id', '=', id).where('type', '=', 'notice.published').executeTakeFirstOrThrow());
    expect(event.recipient_orgs?.sort()).toEqual(['NCB-FRA', 'NCB-ITA']);
  });

  it('filters lists, counts and gets by audience and deny list, and keeps partners out', async () => {
    const open = await published(yellow('Adaeze Nwosu', '2007-02'), { audience: 'all', deniedOrgs: ['NCB-DEU'] });
    for (const [u, seen] of [[ita, true], [esp, true], [deu, false], [reviewer, true]] as const) {
      expect((await w.call(u, 'GET', `/api/v1/notices/${open}`)).statusCode, u.username).toBe(seen ? 200 : 404);
      const list = (await w.call(u, 'GET', '/api/v1/notices?kind=yellow&q=nwosu')).json();
      expect(list.items.map((n: { id: string }) => n.id), u.username).toEqual(seen ? [open] : []);
      expect(list.total).toBe(seen ? 1 : 0);
      expect((await inbox(u)).some((e) => e.recordId === open), `inbox of ${u.username}`).toBe(seen);
    }
    expect((await w.call(partner, 'GET', '/api/v1/notices')).statusCode).toBe(403);
    expect((await w.call(partner, 'GET', `/api/v1/notices/${open}`)).statusCode).toBe(403);
    expect((await inbox(partner)).some((e) => e.recordId === open)).toBe(false);
    expect((await w.call(deu, 'GET', `/api/v1/notices/${open}/history`)).statusCode).toBe(404);
    expect((await refusals('notice.read', open)).map((r) => r.username)).toEqual(['deu.officer']);
  });

  it('cancels a published notice and tells its audience; the secretariat must give reasons', async () => {
    const id = await published(red('Yannick Dubreuil', '1979-06-11'));
    expect((await act(ita, id, 'cancel')).statusCode).toBe(403);
    expect((await act(reviewer, id, 'cancel', {})).statusCode).toBe(400);
    const cancelled = await ok(fra, id, 'cancel', { reasons: ['Arrested in Lyon on 2 May.'] });
    expect(cancelled.status).toBe('cancelled');
    expect((await inbox(ita)).some((e) => e.type === 'notice.cancelled' && e.recordId === id)).toBe(true);
    expect((await act(fra, id, 'cancel')).statusCode).toBe(409);

    const other = await published(red('Gaspard Lemaire', '1988-03-23'));
    await ok(reviewer, other, 'cancel', { reasons: ['The warrant was quashed on appeal.'] });
    expect((await w.call(fra, 'GET', `/api/v1/notices/${other}`)).json()).toMatchObject({ status: 'cancelled', decisionReasons: ['The warrant was quashed on appeal.'] });
    // A draft is withdrawn, not cancelled.
    const draft = await create(red('Hugo Barbier', '1990-01-01'));
    expect((await act(fra, draft, 'cancel')).statusCode).toBe(409);
    expect((await ok(fra, draft, 'withdraw')).status).toBe('withdrawn');
  });

  it('expires notices at their review date, run by the retention sweep as a system actor', async () => {
    const id = await published(red('Bastien Morel', '1972-09-14'));
    await expect(w.services.notices.expireDueNotices({ userId: reviewer.userId, username: 'sg.reviewer', orgId: 'SECRETARIAT', orgKind: 'secretariat', country: null, roles: ['reviewer'] }))
      .rejects.toMatchObject({ code: 'forbidden' });
    expect(await w.services.notices.expireDueNotices(systemActor('retention'))).not.toContain(id);
    await w.platform.db.updateTable('notices').set({ review_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect(await w.services.notices.expireDueNotices(systemActor('retention'))).toEqual([id]);
    expect(await status(id)).toBe('expired');
    const last = (await w.call(fra, 'GET', `/api/v1/notices/${id}/history`)).json().at(-1);
    expect(last).toMatchObject({ action: 'expire', from: 'published', to: 'expired', username: 'system:retention' });
    expect((await inbox(fra)).some((e) => e.type === 'notice.expired' && e.recordId === id)).toBe(true);
    expect(await w.services.notices.expireDueNotices(systemActor('retention'))).toEqual([]);
  });

  it('sends a diffusion straight to the members it chooses, then reviews it', async () => {
    const espStream = await openEvents(baseUrl, esp.token);
    streams.push(espStream);
    const bad = await w.call(fra, 'POST', '/api/v1/notices', { notice: diffusion('Marek Zielinski', '1985-11-30', ['NCB-ESP']), envelope: { audience: 'all' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('envelope.audience');
    expect((await w.call(fra, 'POST', '/api/v1/notices', { notice: diffusion('Marek Zielinski', '1985-11-30', ['NGO-SHELTER']) })).statusCode).toBe(400);

    const id = await create(diffusion('Marek Zielinski', '1985-11-30', ['NCB-ESP', 'NCB-ESP']));
    const sent = await ok(fra, id, 'send');
    expect(sent).toMatchObject({ status: 'sent', recipients: ['NCB-ESP'], envelope: { audience: 'listed', audienceOrgs: ['NCB-ESP'] } });
    expect(sent.reference).toMatch(/^DIF-\d+\/\d{4}$/);
    expect((await espStream.next('notice.sent', id))?.data.payload).toMatchObject({ kind: 'diffusion', owner: 'NCB-FRA' });
    expect((await w.call(esp, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(200);
    for (const u of [ita, deu]) {
      expect((await w.call(u, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);
      expect((await inbox(u)).some((e) => e.recordId === id)).toBe(false);
    }
    // The secretariat reviews it afterwards.
    expect((await w.call(reviewer, 'GET', '/api/v1/notices/review-queue?kind=diffusion')).json().items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await act(reviewer, id, 'publish')).statusCode).toBe(409);
    expect((await ok(reviewer, id, 'confirm')).status).toBe('reviewed_ok');
    expect((await w.call(reviewer, 'GET', `/api/v1/notices/${id}`)).statusCode).toBe(404);

    const wrong = await create(diffusion('Piotr Nowak', '1991-04-04', ['NCB-ESP', 'NCB-ITA']));
    await ok(fra, wrong, 'send');
    await ok(reviewer, wrong, 'refuse', { reasons: ['The request concerns a purely military offence.'] });
    for (const u of [esp, ita, fra]) expect((await inbox(u)).some((e) => e.type === 'notice.refused' && e.recordId === wrong), u.username).toBe(true);
    expect((await w.call(esp, 'GET', `/api/v1/notices/${wrong}`)).json().status).toBe('refused');
  });

  it('shows the reviewer possible duplicates of published notices and blocks them until acknowledged', async () => {
    const first = await published(red('Kwame Mensah', '1979-04'));
    const second = await underReview(red('Kwame Mensah Boateng', '1979-04-02'));
    const checklist = (await w.call(reviewer, 'POST', `/api/v1/notices/${second}/checklist`)).json();
    expect(checklist.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([first]);
    expect(checklist.possibleDuplicates[0]).toMatchObject({ owner: 'NCB-FRA', title: 'Red notice: Kwame Mensah', datesOfBirth: ['1979-04'] });
    const blocked = await act(reviewer, second, 'publish');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().failedChecks.map((c: { rule: string }) => c.rule)).toEqual(['duplicates']);
    await ok(reviewer, second, 'publish', { acknowledgedDuplicates: [first] });
    expect((await w.call(fra, 'POST', `/api/v1/notices/${second}/checklist`)).statusCode).toBe(403);
  });

  it('serves a public extract of Red and Yellow notices only where the owner agreed', async () => {
    const agreed = await published(red('Corentin Vasseur', '1980-07-07', { publicExtractAgreed: true }));
    const notAgreed = await published(red('Damien Rigaud', '1981-07-07'));
    const pending = await underReview(yellow('Blessing Okafor', '2008-03', { publicExtractAgreed: true }));

    const extract = await w.call(null, 'GET', `/api/v1/notices/public/${agreed}`);
    expect(extract.statusCode, extract.body).toBe(200);
    expect(extract.json()).toMatchObject({ id: agreed, kind: 'red', requestedBy: 'NCB-FRA', names: [{ value: 'Corentin Vasseur', script: 'Latn' }], charges: offence.description });
    for (const secret of ['identifiers', 'legalBasis', 'offence', 'envelope', 'content']) expect(extract.json()).not.toHaveProperty(secret);
    expect(extract.body).not.toContain('YA1234567');
    expect((await w.call(null, 'GET', `/api/v1/notices/public/${notAgreed}`)).statusCode).toBe(404);
    expect((await w.call(null, 'GET', `/api/v1/notices/public/${pending}`)).statusCode).toBe(404);
    const listed = (await w.call(null, 'GET', '/api/v1/notices/public')).json().map((e: { id: string }) => e.id);
    expect(listed).toContain(agreed);
    expect(listed).not.toContain(notAgreed);
    expect(listed).not.toContain(pending);
    const audit = await w.platform.db.selectFrom('audit_log').select(['username', 'outcome']).where('action', '=', 'notice.public_read').where(sql<boolean>`${notAgreed} = any(record_ids)`).execute();
    expect(audit).toEqual([{ username: 'public', outcome: 'refused' }]);

    const purple = { kind: 'purple', publicExtractAgreed: true, modusOperandi: { crimeType: 'migrant smuggling', method: 'false floor in lorries', route: ['TUR', 'BGR'], indicators: ['fresh welds'] } };
    const r = await w.call(fra, 'POST', '/api/v1/notices', { notice: purple });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['notice.publicExtractAgreed']);
  });

  it('rejects malformed content naming the field, and refuses requests from non-officers', async () => {
    const { lastSeen: _missing, ...incomplete } = yellow('Amina Yusuf', '2006-01');
    const r = await w.call(fra, 'POST', '/api/v1/notices', { notice: incomplete });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().errors)).toContain('lastSeen');
    const svc = w.services.notices.createNotice({ userId: fra.userId, username: 'fra.officer', orgId: 'NCB-FRA', orgKind: 'ncb', country: 'FRA', roles: ['officer'] },
      { notice: { ...red('Amina Yusuf', '2006-01'), subject: { names: 'not a list' } } as never });
    await expect(svc).rejects.toMatchObject({ code: 'invalid', details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'notice.subject.names', message: 'must be array' })]) } });
    expect((await w.call(esp, 'POST', '/api/v1/notices', { notice: red('X', '1990') })).statusCode).toBe(201);
    expect((await w.call(reviewer, 'POST', '/api/v1/notices', { notice: red('X', '1990') })).statusCode).toBe(403);
    expect((await w.call(partner, 'POST', '/api/v1/notices', { notice: red('X', '1990') })).statusCode).toBe(403);
  });
});
