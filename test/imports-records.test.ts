import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

// Bulk import and export of documents and notices: the same rules as their single-record paths,
// transactional batches with a per-line report, and exports of what the actor may see in full.

const doc = (number: string, over: Record<string, unknown> = {}, envelope?: Record<string, unknown>) => ({
  document: {
    number, issuingCountry: 'FRA', type: 'passport', status: 'stolen',
    holder: { names: ['Jean Dupont'], birthDate: '1980-01-02', sex: 'M', nationality: 'FRA' },
    issueDate: '2019-01-01', expiryDate: '2029-01-01', reportedOn: '2024-05-01', reportedPlace: 'Lyon', circumstances: 'Taken from a parked car',
    ...over,
  },
  ...(envelope ? { envelope } : {}),
});
const ndjson = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');

const subject = (name: string, dob: string) => ({
  names: [{ value: name, kind: 'primary', script: 'Latn' }], sex: 'male', datesOfBirth: [dob], nationalities: ['FRA'],
  identifiers: [{ type: 'passport', value: 'FR7654321', country: 'FRA' }], distinguishingMarks: [], photoRefs: [],
});
const offence = { description: 'Trafficking in human beings for forced labour', law: 'Code pénal art. 225-4-1', penaltyMax: { years: 10 }, committedIn: ['FRA'] };
const red = (name: string, dob: string) => ({
  kind: 'red', subject: subject(name, dob), offence, extraditionIntent: true,
  legalBasis: { kind: 'arrest_warrant', reference: 'MA-2025/7', issuingAuthority: 'Tribunal judiciaire de Lyon', dateIssued: '2025-01-10' },
});
const diffusion = (name: string, recipients: string[]) => ({ kind: 'diffusion', purpose: 'locate', recipients, message: 'Locate and report.', subject: subject(name, '1975') });

/** An export line, as far as these tests read it. */
interface ExportLine {
  owner: string; status?: string; envelope: Record<string, unknown>;
  document: { number: string; issuingCountry: string; type: string };
  notice: { subject?: { names: { value: string }[] } };
}
const lines = (body: string) => body.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ExportLine);

describe.each(engines())('bulk import and export of documents and notices on %s', (engine) => {
  let w: World;
  let fra: TestUser;
  let ita: TestUser;
  let sg: TestUser;
  let reviewer: TestUser;
  let partner: TestUser;
  let ngoAdmin: TestUser;

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    sg = await w.user('sg.officer', 'SECRETARIAT', ['officer']);
    reviewer = await w.user('sg.reviewer', 'SECRETARIAT', ['reviewer']);
    partner = await w.user('ngo.partner', 'NGO-SHELTER', ['partner']);
    ngoAdmin = await w.user('ngo.admin', 'NGO-SHELTER', ['admin']);
  });
  afterAll(async () => { await w?.close(); });

  const post = (user: TestUser, kind: string, body: string, type = 'application/x-ndjson', query = '') =>
    w.call(user, 'POST', `/api/v1/imports/${kind}${query}`, body, { 'content-type': type });
  const countOf = async (table: 'documents' | 'notices') => Number((await w.platform.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audits = (action: string) => w.platform.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  describe('documents', () => {
    it('imports NDJSON in batches: one audit entry and one event a batch, records as reportDocument makes them', async () => {
      const before = (await audits('document.import')).length;
      const r = await post(fra, 'documents', ndjson(doc('FR1000001'), doc('FR1000002', { status: 'lost', holder: null }), doc('FR1000003', { type: 'identity_card' }), doc('fr 100-0004')), 'application/x-ndjson', '?batchSize=2');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ kind: 'documents', lines: 4, stored: 4, errors: [], batches: [{ from: 1, to: 2, stored: 2, errors: 0 }, { from: 3, to: 4, stored: 2, errors: 0 }] });
      const entries = (await audits('document.import')).slice(before);
      expect(entries.map((a) => [a.username, a.outcome, a.record_ids.length])).toEqual([['fra.officer', 'ok', 2], ['fra.officer', 'ok', 2]]);
      const events = await w.platform.db.selectFrom('events').select('payload').where('type', '=', 'document.imported').execute();
      expect(events).toHaveLength(2);
      const found = (await w.call(ita, 'GET', '/api/v1/documents?number=FR1000004')).json();
      expect(found.items).toHaveLength(1);
      expect(found.items[0]).toMatchObject({ number: 'fr 100-0004', numberNormalised: 'FR1000004', status: 'stolen', holder: { names: ['Jean Dupont'], birthDate: '1980-01-02' }, envelope: { owner: 'NCB-FRA', subject: 'other' } });
      const history = (await w.call(fra, 'GET', `/api/v1/documents/${found.items[0].id}/history`)).json();
      expect(history[0]).toMatchObject({ version: 1, change: 'imported stolen' });
      const check = (await w.call(ita, 'POST', '/api/v1/documents/check', { number: 'FR1000001', issuingCountry: 'FRA' })).json();
      expect(check.hit).toBe(true);
    });

    it('imports CSV with holder and envelope columns', async () => {
      const text = csv([
        ['number', 'issuing_country', 'type', 'status', 'holder_names', 'holder_birth_date', 'holder_sex', 'holder_nationality', 'issue_date', 'expiry_date', 'reported_on', 'reported_place', 'circumstances', 'audience', 'audience_orgs', 'tlp', 'subject'],
        ['FR2000001', 'FRA', 'passport', 'stolen', 'Amina Yusuf|Amina Youssouf', '1990-04', 'F', 'NGA', '2020-02-01', '2030-01-31', '2025-01-05', 'Marseille', 'Burglary, "several" documents', 'listed', 'NCB-ITA', 'AMBER', 'victim'],
        ['FR2000002', 'fra', 'visa', 'revoked', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ]);
      const r = await post(fra, 'documents', text, 'text/csv');
      expect(r.json()).toMatchObject({ lines: 2, stored: 2, errors: [] });
      const one = (await w.call(ita, 'GET', '/api/v1/documents?number=FR2000001')).json().items[0];
      expect(one).toMatchObject({
        holder: { names: ['Amina Yusuf', 'Amina Youssouf'], birthDate: '1990-04', sex: 'F', nationality: 'NGA' }, issueDate: '2020-02-01', expiryDate: '2030-01-31',
        reportedOn: '2025-01-05', reportedPlace: 'Marseille', circumstances: 'Burglary, "several" documents',
        envelope: { owner: 'NCB-FRA', audience: 'listed', audienceOrgs: ['NCB-ITA'], tlp: 'AMBER', subject: 'victim' },
      });
      const two = (await w.call(fra, 'GET', '/api/v1/documents?number=FR2000002')).json().items[0];
      expect(two).toMatchObject({ issuingCountry: 'FRA', type: 'visa', status: 'revoked', holder: null, envelope: { audience: 'all' } });
    });

    it('stores nothing of a batch with errors, reports every error with line and field, and keeps earlier batches', async () => {
      const before = await countOf('documents');
      const text = ndjson(
        doc('FR3000001'), doc('FR3000002'), // batch 1: clean
        doc('FR3000003', { issuingCountry: 'ZZZ' }), doc('FR3000004', { issueDate: '2021-02-30', holder: { names: ['X'], birthDate: '1990-13' } }), // batch 2
        { document: { issuingCountry: 'FRA', type: 'passport' } }, '{not json', // batch 3: missing fields, broken line
        { ...doc('FR3000007'), shoeSize: 43 }, doc('FR3000008', { type: 'banknote', status: 'misplaced' }), // batch 4
      );
      const report = (await post(fra, 'documents', text, 'application/x-ndjson', '?batchSize=2')).json();
      expect(report.stored).toBe(2);
      expect(report.batches.map((b: { stored: number; errors: number }) => [b.stored, b.errors])).toEqual([[2, 0], [0, 3], [0, 3], [0, 3]]);
      expect(report.errors).toEqual([
        expect.objectContaining({ line: 3, field: 'document.issuingCountry', message: expect.stringContaining('ZZZ') }),
        expect.objectContaining({ line: 4, field: 'document.issueDate', message: expect.stringContaining('calendar date') }),
        expect.objectContaining({ line: 4, field: 'document.holder.birthDate' }),
        expect.objectContaining({ line: 5, field: 'document.number', message: 'required' }),
        expect.objectContaining({ line: 5, field: 'document.status', message: 'required' }),
        expect.objectContaining({ line: 6, field: 'line', message: expect.stringMatching(/JSON/) }),
        expect.objectContaining({ line: 7, field: 'shoeSize', message: 'unknown field' }),
        expect.objectContaining({ line: 8, field: 'document.type' }),
        expect.objectContaining({ line: 8, field: 'document.status' }),
      ]);
      expect(await countOf('documents')).toBe(before + 2);
      expect((await w.call(fra, 'GET', '/api/v1/documents?number=FR3000001')).json().total).toBe(1);
      expect((await w.call(fra, 'GET', '/api/v1/documents?number=FR3000007')).json().total).toBe(0);
      const failed = (await audits('document.import')).filter((a) => a.outcome === 'failed');
      expect(failed.length).toBeGreaterThanOrEqual(1);
    });

    it('refuses per line a status for another country\'s document; the secretariat records it for the issuing NCB', async () => {
      const before = await countOf('documents');
      const text = ndjson(doc('IT4000001', { issuingCountry: 'ITA' }), doc('FR4000002'), doc('IT4000003', { issuingCountry: 'ITA' }));
      const report = (await post(ita, 'documents', text)).json();
      expect(report.stored).toBe(0);
      expect(report.errors).toEqual([expect.objectContaining({ line: 2, field: 'document.status', message: expect.stringContaining('only FRA\'s national central bureau') })]);
      expect(await countOf('documents')).toBe(before);
      const again = (await post(ita, 'documents', ndjson(doc('IT4000001', { issuingCountry: 'ITA' })))).json();
      expect(again).toMatchObject({ stored: 1, errors: [] });
      const bySg = (await post(sg, 'documents', ndjson(doc('FR4000004'), doc('DE4000005', { issuingCountry: 'DEU' })))).json();
      expect(bySg).toMatchObject({ stored: 2, errors: [] });
      const owners = (await w.call(sg, 'GET', '/api/v1/documents?number=FR4000004')).json().items.map((d: { envelope: { owner: string } }) => d.envelope.owner);
      expect(owners).toEqual(['NCB-FRA']);
      const entry = (await audits('document.import')).at(-1)!;
      expect(entry).toMatchObject({ username: 'sg.officer', query: { onBehalfOf: expect.arrayContaining(['NCB-FRA', 'NCB-DEU']) } });
    });

    it('names the existing record of a duplicate, and reports repeats within the file across batches', async () => {
      const existing = (await w.call(fra, 'GET', '/api/v1/documents?number=FR1000001')).json().items[0];
      const text = ndjson(doc('FR5000001'), doc('FR-1000001'), doc('FR5000003'), doc('FR 5000001'), doc('FR5000003', { type: 'visa', status: 'revoked' }));
      const report = (await post(fra, 'documents', text, 'application/x-ndjson', '?batchSize=3')).json();
      expect(report.stored).toBe(0);
      expect(report.errors).toEqual([
        expect.objectContaining({ line: 2, field: 'document.number', message: expect.stringContaining(existing.id) }),
        expect.objectContaining({ line: 4, field: 'document.number', message: 'the same document as line 1 of this file' }),
      ]);
    });

    it('exports live records the actor may see in full, audited per page, leaving out owner-only and cancelled records of others', async () => {
      await w.call(fra, 'POST', '/api/v1/documents', { document: { number: 'FR6000001', issuingCountry: 'FRA', type: 'passport', status: 'stolen' }, envelope: { audience: 'owner' } });
      const cancelled = (await w.call(fra, 'POST', '/api/v1/documents', { document: { number: 'FR6000002', issuingCountry: 'FRA', type: 'passport', status: 'lost' } })).json();
      await w.call(fra, 'POST', `/api/v1/documents/${cancelled.id}/cancel`, { reason: 'recovered' });
      const numbers = (body: string) => lines(body).map((l) => l.document.number as string);
      const mine = await w.call(fra, 'GET', '/api/v1/exports/documents');
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['content-type']).toContain('application/x-ndjson');
      const theirs = await w.call(ita, 'GET', '/api/v1/exports/documents');
      expect(numbers(mine.body)).toContain('FR6000001');
      expect(numbers(mine.body)).not.toContain('FR6000002');
      expect(numbers(theirs.body)).not.toContain('FR6000001');
      expect(numbers(theirs.body)).toEqual(expect.arrayContaining(['FR1000001', 'FR2000001', 'IT4000001']));
      // The owner-only record still answers a check with "it exists, contact NCB-FRA": that is not enough to export it.
      const check = (await w.call(ita, 'POST', '/api/v1/documents/check', { number: 'FR6000001', issuingCountry: 'FRA' })).json();
      expect(check.matches[0]).toMatchObject({ visibility: 'existence' });
      const filtered = lines((await w.call(ita, 'GET', '/api/v1/exports/documents?owner=NCB-ITA')).body);
      expect(filtered.every((l) => l.owner === 'NCB-ITA')).toBe(true);
      const entries = (await audits('document.export')).filter((a) => a.username === 'ita.officer');
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(entries[0].record_ids).toHaveLength(lines(theirs.body).length);
    });
  });

  describe('notices', () => {
    it('imports NDJSON and CSV as drafts only, never publishing or sending, whatever the file says', async () => {
      const eventsBefore = Number((await w.platform.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', 'like', 'notice.%').executeTakeFirstOrThrow()).n);
      const nd = ndjson(
        { notice: red('Lucien Marchetti', '1980-05-02'), envelope: { tlp: 'AMBER' }, status: 'published', reference: 'A-1/2025' },
        { notice: diffusion('Paolo Conte', ['NCB-ITA']) },
      );
      const r = await post(fra, 'notices', nd);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ kind: 'notices', lines: 2, stored: 2, errors: [] });
      const table = csv([
        ['kind', 'remarks', 'public_extract_agreed', 'content', 'audience', 'tlp'],
        ['yellow', 'Family informed', 'yes', JSON.stringify({ subject: subject('Awa Diallo', '2009'), lastSeen: { on: '2025-03-14', place: { country: 'NER', locality: 'Agadez' } }, circumstances: 'Left a centre with a stranger.' }), 'all', 'GREEN'],
      ]);
      const c = await post(fra, 'notices', table, 'text/csv');
      expect(c.json()).toMatchObject({ stored: 1, errors: [] });
      const mine = (await w.call(fra, 'GET', '/api/v1/notices?owner=NCB-FRA')).json();
      expect(mine.items.map((n: { status: string }) => n.status)).toEqual(['draft', 'draft', 'draft']);
      expect(mine.items.every((n: { reference: string | null }) => n.reference === null)).toBe(true);
      const yellow = mine.items.find((n: { kind: string }) => n.kind === 'yellow');
      expect(yellow).toMatchObject({ content: { remarks: 'Family informed', publicExtractAgreed: true }, envelope: { tlp: 'GREEN', subject: 'missing' } });
      const dif = mine.items.find((n: { kind: string }) => n.kind === 'diffusion');
      expect(dif).toMatchObject({ recipients: ['NCB-ITA'], envelope: { audience: 'listed', audienceOrgs: ['NCB-ITA'] } });
      // Nobody was alerted: not ITA of the diffusion, not the secretariat, not the audience.
      const eventsAfter = Number((await w.platform.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', 'like', 'notice.%').executeTakeFirstOrThrow()).n);
      expect(eventsAfter).toBe(eventsBefore);
      expect((await w.call(ita, 'GET', `/api/v1/notices/${dif.id}`)).statusCode).toBe(404);
      const history = (await w.call(fra, 'GET', `/api/v1/notices/${yellow.id}/history`)).json();
      expect(history).toEqual([expect.objectContaining({ action: 'import', from: null, to: 'draft', username: 'fra.officer' })]);
      // The owner takes the draft through the normal lifecycle.
      const redDraft = mine.items.find((n: { kind: string }) => n.kind === 'red');
      const submitted = await w.call(fra, 'POST', `/api/v1/notices/${redDraft.id}/submit`);
      expect(submitted.json()).toMatchObject({ status: 'submitted' });
      const entries = (await audits('notice.import')).filter((a) => a.outcome === 'ok');
      expect(entries.map((a) => a.record_ids.length)).toEqual([2, 1]);
    });

    it('checks content against its kind\'s schema, reporting every problem per line and field, and stores nothing of that batch', async () => {
      const before = await countOf('notices');
      const { offence: _offence, ...noOffence } = red('Marc Vidal', '1970');
      const nd = ndjson(
        { notice: red('Good Line', '1981') },
        { notice: noOffence },
        { notice: { ...red('Extra Field', '1982'), status: 'published' } },
        { notice: { kind: 'scarlet' } },
        { notice: diffusion('Nobody Known', ['NCB-XXX', 'NGO-SHELTER']) },
        { notice: red('Bad Envelope', '1983'), envelope: { audience: 'listed' } },
      );
      const report = (await post(fra, 'notices', nd)).json();
      expect(report.stored).toBe(0);
      expect(report.errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'notice.offence', message: 'required' }),
        expect.objectContaining({ line: 3, field: 'notice.status', message: expect.stringContaining('unknown field') }),
        expect.objectContaining({ line: 4, field: 'notice.kind' }),
        expect.objectContaining({ line: 5, field: 'notice.recipients.0', message: expect.stringContaining('unknown organisation') }),
        expect.objectContaining({ line: 5, field: 'notice.recipients.1', message: expect.stringContaining('not a police organisation') }),
        expect.objectContaining({ line: 6, field: 'envelope.audienceOrgs' }),
      ]));
      expect(report.errors.some((e: { line: number }) => e.line === 1)).toBe(false);
      const table = csv([
        ['kind', 'public_extract_agreed', 'content'],
        ['red', 'perhaps', JSON.stringify(red('Csv One', '1990'))],
        ['blue', '', '{"subject": '],
        ['blue', '', JSON.stringify({ kind: 'red' })],
      ]);
      const c = (await post(fra, 'notices', table, 'text/csv')).json();
      expect(c.stored).toBe(0);
      expect(c.errors).toEqual([
        expect.objectContaining({ line: 2, field: 'public_extract_agreed' }),
        expect.objectContaining({ line: 3, field: 'content', message: expect.stringContaining('JSON') }),
        expect.objectContaining({ line: 4, field: 'kind' }),
      ]);
      expect(await countOf('notices')).toBe(before);
    });

    it('exports what the actor may see as a member: others\' drafts and requests under review stay out, even for reviewers', async () => {
      const itaRed = (await w.call(ita, 'POST', '/api/v1/notices', { notice: red('Gino Rossi', '1966'), envelope: { audience: 'owner' } })).json();
      await w.call(ita, 'POST', `/api/v1/notices/${itaRed.id}/submit`);
      const titles = (body: string) => lines(body).map((l) => l.notice.subject?.names[0].value as string | undefined);
      expect(titles((await w.call(ita, 'GET', '/api/v1/exports/notices')).body)).toEqual(['Gino Rossi']);
      expect(titles((await w.call(fra, 'GET', '/api/v1/exports/notices')).body)).not.toContain('Gino Rossi');
      // The reviewer may open the submitted request to review it, but not take it away in bulk.
      const sgAnalyst = await w.user('sg.reviewer.analyst', 'SECRETARIAT', ['reviewer', 'analyst']);
      expect((await w.call(sgAnalyst, 'GET', `/api/v1/notices/${itaRed.id}`)).statusCode).toBe(200);
      const bySecretariat = await w.call(sgAnalyst, 'GET', '/api/v1/exports/notices');
      expect(bySecretariat.statusCode).toBe(200);
      expect(titles(bySecretariat.body)).not.toContain('Gino Rossi');
      const entries = await audits('notice.export');
      expect(entries.map((a) => a.username)).toEqual(expect.arrayContaining(['ita.officer', 'fra.officer']));
    });
  });

  describe('access', () => {
    it('refuses partners: no export and no import of police data, as problem documents', async () => {
      for (const path of ['/api/v1/exports/documents', '/api/v1/exports/notices']) {
        for (const user of [partner, ngoAdmin]) {
          const r = await w.call(user, 'GET', path);
          expect(r.statusCode, `${user.username} ${path}`).toBe(403);
          expect(r.headers['content-type']).toContain('application/problem+json');
        }
      }
      expect((await post(ngoAdmin, 'documents', ndjson(doc('FR7000001')))).statusCode).toBe(403);
      expect((await post(ngoAdmin, 'notices', ndjson({ notice: red('No One', '1990') }))).statusCode).toBe(403);
      expect((await post(reviewer, 'notices', ndjson({ notice: red('No One', '1990') }))).statusCode).toBe(403);
      const refused = (await audits('document.export')).filter((a) => a.outcome === 'refused');
      expect(refused.map((a) => a.username)).toContain('ngo.admin');
    });

    it('answers bad input with problem documents', async () => {
      for (const r of [
        await w.call(fra, 'GET', '/api/v1/exports/documents?status=misplaced'),
        await w.call(fra, 'GET', '/api/v1/exports/notices?kind=scarlet'),
        await post(fra, 'vehicles', '{}'),
        await post(fra, 'documents', ndjson(doc('FR8000001')), 'application/x-ndjson', '?batchSize=0'),
      ]) {
        expect(r.statusCode, r.body).toBe(400);
        expect(r.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  it('round-trips: an export from one world imports into another and exports the same records', async () => {
    const other = await startWorld(engine);
    try {
      const fra2 = await other.user('fra.officer', 'NCB-FRA', ['officer']);
      const docs = (await w.call(fra, 'GET', '/api/v1/exports/documents?owner=NCB-FRA')).body;
      const notices = (await w.call(fra, 'GET', '/api/v1/exports/notices?owner=NCB-FRA')).body;
      expect(lines(docs).length).toBeGreaterThan(5);
      expect(lines(notices).map((l) => l.status)).toContain('submitted');
      const call = (kind: string, body: string) => other.call(fra2, 'POST', `/api/v1/imports/${kind}`, body, { 'content-type': 'application/x-ndjson' });
      expect((await call('documents', docs)).json()).toMatchObject({ stored: lines(docs).length, errors: [] });
      expect((await call('notices', notices)).json()).toMatchObject({ stored: lines(notices).length, errors: [] });
      const key = (l: ExportLine) => `${l.document.issuingCountry}|${l.document.type}|${l.document.number}`;
      const byKey = (body: string) => new Map(lines(body).map((l) => [key(l), { document: l.document, envelope: l.envelope }]));
      const docsAgain = (await other.call(fra2, 'GET', '/api/v1/exports/documents')).body;
      expect(byKey(docsAgain)).toEqual(byKey(docs));
      const strip = (body: string) => lines(body).map((l) => ({ notice: l.notice, envelope: l.envelope })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const noticesAgain = (await other.call(fra2, 'GET', '/api/v1/exports/notices')).body;
      expect(strip(noticesAgain)).toEqual(strip(notices));
      expect(lines(noticesAgain).every((l) => l.status === 'draft' && l.owner === 'NCB-FRA')).toBe(true);
    } finally {
      await other.close();
    }
  });
});
