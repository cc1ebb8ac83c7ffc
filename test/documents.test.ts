import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTd3Mrz } from '../src/documents/mrz.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

interface Json { [k: string]: unknown }
interface MatchJson { reference: string; owner: string; visibility: string; message: string; hitId: string | null; document?: Json & { status: string; sightings?: Json[] } }
interface CheckJson { hit: boolean; matches: MatchJson[]; holder: { names: string[]; birthDates: string[]; sex: string | null; nationality: string | null } | null; mrz: { valid: boolean; format: string | null; errors: { field: string; expected?: string; found?: string }[]; fields: Json } | null; query: Json }

let serial = 0;
/** A document number no other test uses, so each test stands alone. */
const freshNumber = (prefix: string) => `${prefix}${String(++serial).padStart(7 - prefix.length + 2, '0')}`;

const passport = (number: string, extra: Json = {}) => ({
  number, issuingCountry: 'FRA', type: 'passport', status: 'stolen', issueDate: '2021-03-01', expiryDate: '2031-02-28',
  reportedOn: '2025-06-01', reportedPlace: 'Lyon', circumstances: 'bag stolen on a train',
  holder: { names: ['Camille Durand'], birthDate: '1990-04-12', sex: 'F', nationality: 'FRA' }, ...extra,
});

const mrzOf = (number: string, issuingState = 'FRA') => buildTd3Mrz({
  issuingState, documentNumber: number, nationality: issuingState, lastName: 'Durand', firstNames: 'Camille', birthDate: '1990-04-12', sex: 'female', expirationDate: '2031-02-28',
});

describe.each(engines())('travel and identity documents on %s', (engine) => {
  let w: World;
  let fra: TestUser, fraFrontline: TestUser, ita: TestUser, itaFrontline: TestUser, esp: TestUser, deu: TestUser, deuOfficer: TestUser, sg: TestUser, ngo: TestUser;

  const report = async (user: TestUser, document: Json, envelope?: Json) => w.call(user, 'POST', '/api/v1/documents', { document, ...(envelope ? { envelope } : {}) });
  const reported = async (user: TestUser, document: Json, envelope?: Json): Promise<string> => {
    const r = await report(user, document, envelope);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const check = async (user: TestUser, body: Json): Promise<CheckJson> => {
    const r = await w.call(user, 'POST', '/api/v1/documents/check', body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as CheckJson;
  };
  const countDocuments = async () => Number((await sql<{ n: number }>`select count(*)::int as n from documents`.execute(w.platform.db)).rows[0].n);

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    fraFrontline = await w.user('fra.frontline', 'NCB-FRA', ['frontline']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    itaFrontline = await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    esp = await w.user('esp.frontline', 'NCB-ESP', ['frontline']);
    deu = await w.user('deu.frontline', 'NCB-DEU', ['frontline']);
    deuOfficer = await w.user('deu.officer', 'NCB-DEU', ['officer']);
    sg = await w.user('sg.officer', 'SECRETARIAT', ['officer']);
    ngo = await w.user('ngo.partner', 'NGO-SHELTER', ['partner']);
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('documents its routes in the OpenAPI description', async () => {
    const paths = Object.keys((await w.call(null, 'GET', '/api/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/documents', '/api/v1/documents/check', '/api/v1/documents/{id}', '/api/v1/documents/{id}/reports']));
  });

  describe('who records a status', () => {
    it('lets France record a French passport stolen, and tells Italy to report it seen instead', async () => {
      const number = freshNumber('FR');
      const id = await reported(fra, passport(number));
      const doc = (await w.call(fra, 'GET', `/api/v1/documents/${id}`)).json();
      expect(doc).toMatchObject({ number, numberNormalised: number, issuingCountry: 'FRA', status: 'stolen', envelope: { owner: 'NCB-FRA' }, sightings: [] });

      const refused = await report(ita, passport(number, { status: 'lost' }));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/issuing country.*secretariat/i);
      expect(refused.json().detail).toMatch(/seen\/seized report/);
      expect(refused.json().detail).toContain(id);
      const other = await report(ita, passport(freshNumber('FR')));
      expect(other.statusCode).toBe(403);
      const audit = await w.platform.db.selectFrom('audit_log').select(['username', 'outcome']).where('action', '=', 'document.report').where('outcome', '=', 'refused').execute();
      expect(audit.filter((a) => a.username === 'ita.officer').length).toBeGreaterThanOrEqual(2);

      const seen = await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seized', observedOn: '2026-01-10', place: 'Ventimiglia border crossing', country: 'ITA', circumstances: 'presented by an impostor' });
      expect(seen.statusCode, seen.body).toBe(201);
      expect(seen.json()).toMatchObject({ kind: 'seized', reportedBy: { org: 'NCB-ITA', username: 'ita.officer' }, country: 'ITA' });
      const again = (await w.call(fra, 'GET', `/api/v1/documents/${id}`)).json();
      expect(again.status).toBe('stolen');
      expect(again.sightings).toHaveLength(1);
      expect(again.sightings[0]).toMatchObject({ kind: 'seized', place: 'Ventimiglia border crossing' });
      const checked = await check(itaFrontline, { number, issuingCountry: 'FRA' });
      expect(checked.matches[0].document?.sightings).toEqual([expect.objectContaining({ kind: 'seized', reportedBy: { org: 'NCB-ITA', username: 'ita.officer' } })]);
      expect(checked.matches[0].message).toMatch(/1 seen\/seized report/);
      // The issuing country is told.
      const events = await w.platform.db.selectFrom('events').select(['type', 'recipient_orgs']).where('record_id', '=', id).where('type', '=', 'document.seized').execute();
      expect(events).toEqual([{ type: 'document.seized', recipient_orgs: ['NCB-FRA'] }]);
    });

    it('lets the secretariat record a status for any country; the record belongs to that country', async () => {
      const id = await reported(sg, { number: freshNumber('SG'), issuingCountry: 'ITA', type: 'identity_card', status: 'lost' });
      const doc = (await w.call(ita, 'GET', `/api/v1/documents/${id}`)).json();
      expect(doc.envelope.owner).toBe('NCB-ITA');
      // An organisation's laissez-passer has no NCB: the secretariat keeps it.
      const un = await reported(sg, { number: freshNumber('UN'), issuingCountry: 'UNO', type: 'travel_document', status: 'revoked' });
      expect((await w.call(sg, 'GET', `/api/v1/documents/${un}`)).json().envelope.owner).toBe('SECRETARIAT');
    });

    it('leaves writing to officers: a frontline officer checks but does not report, a partner does neither', async () => {
      expect((await report(fraFrontline, passport(freshNumber('FF')))).statusCode).toBe(403);
      expect((await w.call(ngo, 'POST', '/api/v1/documents/check', { number: 'X1' })).statusCode).toBe(403);
      expect((await w.call(ngo, 'GET', '/api/v1/documents')).statusCode).toBe(403);
      expect((await w.call(fraFrontline, 'POST', '/api/v1/documents/check', { number: 'X1' })).statusCode).toBe(200);
    });
  });

  it.each([
    ['frontline', { check: 200, read: 200, report: 403, sighting: 403 }],
    ['officer', { check: 200, read: 200, report: 201, sighting: 201 }],
    ['analyst', { check: 200, read: 200, report: 403, sighting: 403 }],
    ['reviewer', { check: 200, read: 200, report: 403, sighting: 403 }],
    ['admin', { check: 200, read: 200, report: 201, sighting: 201 }],
    ['partner', { check: 403, read: 403, report: 403, sighting: 403 }],
  ] as const)('gives a %s exactly its rights', async (role, want) => {
    const org = role === 'partner' ? 'NGO-MIGRANT' : 'NCB-GRC';
    const u = await w.user(`grc.matrix.${role}`, org, [role]);
    const italian = await reported(ita, { number: freshNumber('MX'), issuingCountry: 'ITA', type: 'visa', status: 'revoked' });
    expect((await w.call(u, 'POST', '/api/v1/documents/check', { number: 'MX1', issuingCountry: 'ITA' })).statusCode).toBe(want.check);
    expect((await w.call(u, 'GET', `/api/v1/documents/${italian}`)).statusCode).toBe(want.read);
    expect((await w.call(u, 'GET', '/api/v1/documents?limit=1')).statusCode).toBe(want.read);
    expect((await w.call(u, 'GET', '/api/v1/documents/count')).statusCode).toBe(want.read);
    expect((await report(u, { number: freshNumber('MX'), issuingCountry: 'GRC', type: 'passport', status: 'lost' })).statusCode).toBe(want.report);
    expect((await w.call(u, 'POST', `/api/v1/documents/${italian}/reports`, { kind: 'seen' })).statusCode).toBe(want.sighting);
    // Nobody but the owner changes a record.
    expect((await w.call(u, 'PATCH', `/api/v1/documents/${italian}`, { document: { status: 'lost' } })).statusCode).toBe(403);
  });

  describe('document check', () => {
    it('finds a document by its MRZ and by its number in any written form', async () => {
      const id = await reported(fra, passport('cd 12-345<67', { status: 'lost' }));
      const byMrz = await check(itaFrontline, { mrz: mrzOf('CD1234567') });
      expect(byMrz.hit).toBe(true);
      expect(byMrz.mrz).toMatchObject({ valid: true, format: 'TD3', errors: [] });
      expect(byMrz.mrz!.fields).toMatchObject({ documentNumber: 'CD1234567', issuingState: 'FRA', lastName: 'DURAND' });
      expect(byMrz.matches).toHaveLength(1);
      expect(byMrz.matches[0]).toMatchObject({ reference: id, visibility: 'full', owner: 'NCB-FRA', document: { status: 'lost', number: 'cd 12-345<67', numberNormalised: 'CD1234567' } });
      // The zone's name and the record's name are one name for screening.
      expect(byMrz.holder).toEqual({ names: ['CAMILLE DURAND'], birthDates: ['1990-04-12'], sex: 'F', nationality: 'FRA', namesTruncated: false });

      for (const number of ['CD1234567', 'cd1234567', ' CD 123 4567 ', 'CD<1234567<<', 'cd-123.4567']) {
        const byNumber = await check(itaFrontline, { number, issuingCountry: 'fra' });
        expect(byNumber.matches.map((m) => m.reference), number).toEqual([id]);
      }
      expect((await check(itaFrontline, { number: 'CD1234567' })).hit).toBe(true);
      expect((await check(itaFrontline, { number: 'CD1234567', issuingCountry: 'ESP' })).hit).toBe(false);
      expect((await check(itaFrontline, { number: 'CD1234568' })).hit).toBe(false);
    });

    it('reports each failed check digit, expected against found, and still looks the document up', async () => {
      const id = await reported(fra, passport('EF7654321'));
      const good = mrzOf('EF7654321');
      const [top, bottom] = good.split('\n');
      const wrong = String((Number(bottom[9]) + 1) % 10);
      const corrupted = `${top}\n${bottom.slice(0, 9)}${wrong}${bottom.slice(10)}`;
      const r = await check(fraFrontline, { mrz: corrupted });
      expect(r.mrz!.valid).toBe(false);
      const fields = r.mrz!.errors.map((e) => e.field).sort();
      expect(fields).toEqual(['compositeCheckDigit', 'documentNumberCheckDigit']);
      expect(r.mrz!.errors.find((e) => e.field === 'documentNumberCheckDigit')).toMatchObject({ expected: bottom[9], found: wrong });
      expect(r.matches.map((m) => m.reference)).toEqual([id]);

      const garbage = await check(fraFrontline, { mrz: 'THIS IS NOT A ZONE' });
      expect(garbage).toMatchObject({ hit: false, matches: [], mrz: { valid: false, format: null } });
      expect(garbage.mrz!.errors[0].field).toBe('input');
      const truncated = await check(fraFrontline, { mrz: top });
      expect(truncated.mrz!.valid).toBe(false);
    });

    it('reads a French identity card by the number printed on it', async () => {
      const id = await reported(fra, { number: '1710 GVA 12345', issuingCountry: 'FRA', type: 'identity_card', status: 'lost', holder: { names: ['Roberta Test Name'], birthDate: '1991-12-31' } });
      const r = await check(esp, { mrz: 'IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02\n1710GVA123451ROBERTA<<<<<<<9112311F2' });
      expect(r.mrz).toMatchObject({ valid: true, format: 'FRENCH_NATIONAL_ID', fields: { documentNumber: '1710GVA12345', issuingState: 'FRA' } });
      expect(Object.keys(r.mrz!.fields.extra as object).length).toBeGreaterThan(0);
      expect(r.matches.map((m) => m.reference)).toEqual([id]);
      expect(r.holder?.birthDates).toEqual(['1991-12-31']);
    });

    it('answers every zone of the shared test vectors, valid or corrupted, without failing', async () => {
      const vectors = JSON.parse(readFileSync(new URL('../../shared/data/mrz/cheminfo_mrz_test_vectors.json', import.meta.url), 'utf8')) as { cases: { mrz: Record<string, string[]> }[] };
      let zones = 0;
      for (const c of vectors.cases) {
        for (const lines of Object.values(c.mrz)) {
          const r = await check(fraFrontline, { mrz: lines.join('\n') });
          expect(r.mrz, lines.join('|')).not.toBeNull();
          if (!r.mrz!.valid) expect(r.mrz!.errors.length, lines.join('|')).toBeGreaterThan(0);
          zones++;
        }
      }
      expect(zones).toBeGreaterThanOrEqual(39);
    });

    it('audits every check with the records it touched', async () => {
      const id = await reported(fra, passport('GH0000001'));
      await check(esp, { number: 'gh0000001', issuingCountry: 'FRA' });
      const rows = await w.platform.db.selectFrom('audit_log').select(['record_ids', 'query', 'result_count']).where('action', '=', 'document.check').where('username', '=', 'esp.frontline').execute();
      const entry = rows.find((r) => r.record_ids.includes(id));
      expect(entry).toBeDefined();
      expect(entry!.query).toMatchObject({ via: 'number', number: 'GH0000001', issuingCountry: 'FRA' });
    });
  });

  describe('audience', () => {
    it('gives another country only "a record exists, contact NCB-FRA" for an owner-only record, and a denied country nothing', async () => {
      const number = freshNumber('OW');
      const id = await reported(fra, passport(number, { holder: { names: ['Secret Holder'], birthDate: '1970-01-01' } }), { audience: 'owner', tlp: 'RED' });
      const mine = await check(fraFrontline, { number, issuingCountry: 'FRA' });
      expect(mine.matches[0]).toMatchObject({ visibility: 'full', document: { status: 'stolen' } });

      const theirs = await check(itaFrontline, { number, issuingCountry: 'FRA' });
      expect(theirs.hit).toBe(true);
      expect(theirs.matches).toEqual([{ reference: id, owner: 'NCB-FRA', visibility: 'existence', hitId: expect.any(String), message: expect.stringMatching(/exists.*contact NCB-FRA/) }]);
      expect(theirs.holder).toBeNull();
      const text = JSON.stringify(theirs);
      for (const secret of ['Secret Holder', 'stolen', 'Lyon', '1970-01-01']) expect(text).not.toContain(secret);
      expect((await w.call(itaFrontline, 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(404);
      expect((await w.call(itaFrontline, 'GET', `/api/v1/documents/${id}/history`)).statusCode).toBe(404);
      expect((await w.call(itaFrontline, 'GET', `/api/v1/documents?number=${number}`)).json()).toEqual({ total: 0, items: [] });
      expect((await w.call(itaFrontline, 'GET', `/api/v1/documents/count?number=${number}`)).json()).toEqual({ total: 0 });
      // Italy can still report having seized it, against the reference the check gave.
      expect((await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen' })).statusCode).toBe(201);

      const denied = await reported(fra, passport(freshNumber('DN')), { audience: 'all', deniedOrgs: ['NCB-DEU'] });
      const deniedNumber = (await w.call(fra, 'GET', `/api/v1/documents/${denied}`)).json().number as string;
      expect(await check(deu, { number: deniedNumber, issuingCountry: 'FRA' })).toMatchObject({ hit: false, matches: [] });
      expect((await check(esp, { number: deniedNumber, issuingCountry: 'FRA' })).matches[0].visibility).toBe('full');
      expect((await w.call(deu, 'GET', `/api/v1/documents/${denied}`)).statusCode).toBe(404);
      expect((await w.call(deuOfficer, 'POST', `/api/v1/documents/${denied}/reports`, { kind: 'seen' })).statusCode).toBe(404);
    });

    it('shows a listed record in full to the listed country, and only its existence to others', async () => {
      const number = freshNumber('LS');
      const id = await reported(fra, passport(number), { audience: 'listed', audienceOrgs: ['NCB-ITA'] });
      expect((await check(itaFrontline, { number })).matches[0].visibility).toBe('full');
      expect((await check(esp, { number })).matches[0]).toEqual({ reference: id, owner: 'NCB-FRA', visibility: 'existence', hitId: expect.any(String), message: expect.any(String) });
      expect((await w.call(itaFrontline, 'GET', `/api/v1/documents?number=${number}`)).json().total).toBe(1);
      expect((await w.call(esp, 'GET', `/api/v1/documents?number=${number}`)).json().total).toBe(0);
    });

    it('shows a sighting to the reporter\'s audience; the issuing country always sees it', async () => {
      const id = await reported(fra, passport(freshNumber('SI')));
      const r = await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen', place: 'Bari port', envelope: { audience: 'owner' } });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().envelope).toMatchObject({ audience: 'listed', audienceOrgs: ['NCB-FRA'] });
      expect((await w.call(fra, 'GET', `/api/v1/documents/${id}`)).json().sightings.map((s: Json) => s.place)).toEqual(['Bari port']);
      expect((await w.call(esp, 'GET', `/api/v1/documents/${id}`)).json().sightings).toEqual([]);
      const number = (await w.call(fra, 'GET', `/api/v1/documents/${id}`)).json().number as string;
      expect((await check(esp, { number })).matches[0].document?.sightings).toEqual([]);
      expect((await check(fraFrontline, { number })).matches[0].document?.sightings).toHaveLength(1);
      const deny = await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen', envelope: { deniedOrgs: ['NCB-FRA'] } });
      expect(deny.statusCode).toBe(400);
      expect(deny.json().errors[0].field).toBe('envelope.deniedOrgs');
    });
  });

  describe('changes', () => {
    it('refuses a duplicate with a 409 that points at the existing record', async () => {
      const id = await reported(fra, passport('IJ1234567'));
      const before = await countDocuments();
      const dup = await report(fra, passport('ij 123 4567', { status: 'lost' }));
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ status: 409, existing: id });
      expect(dup.json().detail).toContain('NCB-FRA');
      const bySg = await report(sg, passport('IJ<1234567'));
      expect(bySg.statusCode).toBe(409);
      expect(bySg.json().existing).toBe(id);
      expect(await countDocuments()).toBe(before);
      // The same number on another kind of document is another document.
      expect((await report(fra, passport('IJ1234567', { type: 'identity_card' }))).statusCode).toBe(201);
    });

    it('lets only the owner change, cancel and delete, keeping the history', async () => {
      const number = freshNumber('CH');
      const id = await reported(fra, passport(number, { status: 'lost' }));
      expect((await w.call(ita, 'PATCH', `/api/v1/documents/${id}`, { document: { status: 'stolen' } })).statusCode).toBe(403);
      expect((await w.call(fraFrontline, 'PATCH', `/api/v1/documents/${id}`, { document: { status: 'stolen' } })).statusCode).toBe(403);
      const changed = await w.call(fra, 'PATCH', `/api/v1/documents/${id}`, { document: { status: 'stolen', circumstances: 'theft confirmed by the holder' }, reason: 'holder statement', expectedVersion: 1 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ status: 'stolen', version: 2, circumstances: 'theft confirmed by the holder' });
      expect((await w.call(fra, 'PATCH', `/api/v1/documents/${id}`, { document: { status: 'revoked' }, expectedVersion: 1 })).statusCode).toBe(400);

      expect((await w.call(ita, 'POST', `/api/v1/documents/${id}/cancel`, { reason: 'found' })).statusCode).toBe(403);
      const cancelled = await w.call(fra, 'POST', `/api/v1/documents/${id}/cancel`, { reason: 'recovered by the holder' });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ cancelReason: 'recovered by the holder', cancelledAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
      expect((await check(itaFrontline, { number })).hit).toBe(false);
      expect((await w.call(fra, 'POST', `/api/v1/documents/${id}/cancel`, { reason: 'again' })).statusCode).toBe(409);
      const late = await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen' });
      expect(late.statusCode).toBe(409);
      expect(late.json().existing).toBe(id);
      const reactivated = await w.call(fra, 'PATCH', `/api/v1/documents/${id}`, { document: { status: 'stolen' }, reason: 'stolen again' });
      expect(reactivated.json().cancelledAt).toBeNull();
      // While cancelled, a sighting is refused with a pointer to the record; once re-activated it is taken.
      expect((await w.call(ita, 'POST', `/api/v1/documents/${id}/reports`, { kind: 'seen' })).statusCode).toBe(201);
      expect((await check(itaFrontline, { number })).hit).toBe(true);

      const history = (await w.call(itaFrontline, 'GET', `/api/v1/documents/${id}/history`)).json() as { version: number; change: string; changedBy: string }[];
      expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
      expect(history[1].change).toMatch(/status lost → stolen/);
      expect(history[2].change).toMatch(/cancelled/);
      expect(history[3].change).toMatch(/re-activated/);

      expect((await w.call(ita, 'DELETE', `/api/v1/documents/${id}`, { reason: 'spam' })).statusCode).toBe(403);
      expect((await w.call(fra, 'DELETE', `/api/v1/documents/${id}`, { reason: 'entered in error' })).statusCode).toBe(204);
      expect((await w.call(fra, 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(404);
      expect((await check(fraFrontline, { number })).hit).toBe(false);
      // Once deleted, the number may be recorded afresh.
      expect((await report(fra, passport(number))).statusCode).toBe(201);
    });

    it('lists with filters and pages, counting what the actor may see', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await reported(fra, { number: freshNumber('PG'), issuingCountry: 'FRA', type: 'residence_permit', status: 'revoked' }));
      const page1 = (await w.call(esp, 'GET', '/api/v1/documents?type=residence_permit&status=revoked&limit=2')).json();
      const page2 = (await w.call(esp, 'GET', '/api/v1/documents?type=residence_permit&status=revoked&limit=2&offset=2')).json();
      expect(page1.total).toBe(3);
      expect([...page1.items, ...page2.items].map((d: Json) => d.id).sort()).toEqual([...ids].sort());
      expect(page1.items[0]).not.toHaveProperty('sightings');
      expect((await w.call(esp, 'GET', '/api/v1/documents/count?type=residence_permit&issuingCountry=fra')).json().total).toBe(3);
      expect((await w.call(esp, 'GET', '/api/v1/documents/count?type=residence_permit&cancelled=true')).json().total).toBe(0);
    });
  });

  describe('bad input', () => {
    it('names each bad field and stores nothing', async () => {
      const before = await countDocuments();
      const r = await report(fra, passport('KL1234567', { issuingCountry: 'XYZ', issueDate: '2023-02-30', holder: { birthDate: '1990-13-01', nationality: 'QQQ' } }));
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['holder.birthDate', 'holder.nationality', 'issueDate', 'issuingCountry']);
      const future = await report(fra, passport('KL1234568', { reportedOn: '2999-01-01', expiryDate: '2020-01-01' }));
      expect(future.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['expiryDate', 'reportedOn']);
      const missing = await w.call(fra, 'POST', '/api/v1/documents', { document: { issuingCountry: 'FRA', type: 'passport', status: 'stolen' } });
      expect(missing.statusCode).toBe(400);
      expect(JSON.stringify(missing.json().errors)).toContain('number');
      const unknownStatus = await report(fra, passport('KL1234569', { status: 'misplaced' }));
      expect(unknownStatus.statusCode).toBe(400);
      expect(unknownStatus.json().errors[0].field).toContain('status');
      const blank = await report(fra, passport('KL1234570', { type: 'stolen_blank' }));
      expect(blank.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['holder', 'status']);
      const person = await report(fra, passport('KL1234571', { holder: { personId: '00000000-0000-4000-8000-000000000000' } }));
      expect(person.json().errors.map((e: { field: string }) => e.field)).toEqual(['holder.personId']);
      expect(await countDocuments()).toBe(before);

      const badCountry = await w.call(fraFrontline, 'POST', '/api/v1/documents/check', { number: 'AB1', issuingCountry: 'ZZZ' });
      expect(badCountry.statusCode).toBe(400);
      expect(badCountry.json().errors.map((e: { field: string }) => e.field)).toEqual(['issuingCountry']);
      const badNumber = await w.call(fraFrontline, 'POST', '/api/v1/documents/check', { number: '#?!' });
      expect(badNumber.json().errors.map((e: { field: string }) => e.field)).toEqual(['number']);
      const both = await w.call(fraFrontline, 'POST', '/api/v1/documents/check', { mrz: mrzOf('AB1234567'), number: 'AB1234567' });
      expect(both.statusCode).toBe(400);
      expect((await w.call(fraFrontline, 'POST', '/api/v1/documents/check', {})).statusCode).toBe(400);
      const sighting = await w.call(ita, 'POST', `/api/v1/documents/${await reported(fra, passport(freshNumber('BS')))}/reports`, { kind: 'seen', observedOn: '2025-02-29', country: 'XX' });
      expect(sighting.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'observedOn']);
    });
  });
});
