import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoTemplate, serializeIsoTemplate } from '../src/biometrics/iso19794.ts';
import { fingerprintFile } from '../src/biometrics/reference-data.ts';
import { makeServices } from '../src/services.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';
import { openSse } from './support/sse.ts';

// Real prints: FVC2002 DB1_B and DB2_B minutiae templates (../shared/data). Real faces: the sample
// photographs shipped inside @vladmandic/face-api's package (demo/), cropped and altered here.

const fvc = (db: 'DB1_B' | 'DB2_B', finger: number, impression: number) => fs.readFileSync(fingerprintFile('fvc2002', db, `${finger}_${impression}.iso`));

/** A ten-print style set: impression 1 of several fingers in one multi-view record, positions 1, 2, … */
function printSet(db: 'DB1_B' | 'DB2_B', fingers: number[]): Buffer {
  const records = fingers.map((f) => parseIsoTemplate(fvc(db, f, 1)));
  const views = records.map((r, i) => ({ ...r.views[0], fingerPosition: i + 1, viewNumber: 0 }));
  return Buffer.from(serializeIsoTemplate({ ...records[0], views }));
}

const invalidDir = fingerprintFile('iso_invalid');
const invalidFiles = fs.readdirSync(invalidDir).filter((f) => !f.startsWith('.'));
const demoDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');

/** A face cropped (with margin) out of one of face-api's sample photographs. */
async function faceCrop(sample: number, box: { x: number; y: number; w: number; h: number }): Promise<Sharp> {
  const file = path.join(demoDir, `sample${sample}.jpg`);
  const { width = 0, height = 0 } = await sharp(file).metadata();
  const left = Math.max(0, Math.round(box.x - box.w / 2));
  const top = Math.max(0, Math.round(box.y - box.h / 2));
  return sharp(file).extract({ left, top, width: Math.min(width - left, box.w * 2), height: Math.min(height - top, box.h * 2) });
}

describe.each(engines())('biometrics on %s', (engine) => {
  let w: World;
  let base: string;
  let fra: TestUser;
  let ita: TestUser;
  let itaFront: TestUser;
  let deu: TestUser;
  let partner: TestUser;
  let fraPerson: string;
  let fraHidden: string;
  let itaPerson: string;
  let fraPrints: { id: string; fingerPosition: number }[];

  const upload = (u: TestUser, url: string, bytes: Buffer, type = 'application/octet-stream') => w.call(u, 'POST', url, bytes, { 'content-type': type });
  const identify = (u: TestUser, bytes: Buffer, query = '') => upload(u, `/api/v1/biometrics/fingerprints/identify${query}`, bytes);
  const person = async (u: TestUser, name: string, envelope: object, extra: object = {}) => {
    const r = await w.call(u, 'POST', '/api/v1/persons', { person: { names: [{ value: name, kind: 'primary' }], birthDates: ['1985'], nationalities: ['SYR'], sex: 'M', ...extra }, envelope });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    itaFront = await w.user('ita.frontline', 'NCB-ITA', ['frontline']);
    deu = await w.user('deu.officer', 'NCB-DEU', ['officer']);
    partner = await w.user('ngo.partner', 'NGO-SHELTER', ['partner']);
    fraPerson = await person(fra, 'Karim Haddad', { subject: 'suspect', deniedOrgs: ['NCB-DEU'] });
    fraHidden = await person(fra, 'Samir Aziz', { subject: 'suspect', audience: 'owner' });
    itaPerson = await person(ita, 'Luca Ferrante', { subject: 'suspect' }, { nationalities: ['ITA'] });
    base = await w.api.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('enrols a five-print set for a person of each country, each finger at its position', async () => {
    const r = await upload(fra, `/api/v1/biometrics/fingerprints?person=${fraPerson}`, printSet('DB1_B', [101, 102, 103, 104, 105]));
    expect(r.statusCode, r.body).toBe(201);
    fraPrints = r.json();
    expect(fraPrints.map((p) => p.fingerPosition)).toEqual([1, 2, 3, 4, 5]);
    expect(r.json()[0]).toMatchObject({ personId: fraPerson, finger: 'right thumb', owner: 'NCB-FRA', impression: expect.any(String), minutiaeCount: expect.any(Number) });
    expect(r.json()[0].template).toBeUndefined();
    expect((await upload(fra, `/api/v1/biometrics/fingerprints?person=${fraHidden}`, printSet('DB1_B', [106, 107, 108, 109, 110]))).statusCode).toBe(201);
    expect((await upload(ita, `/api/v1/biometrics/fingerprints?person=${itaPerson}`, printSet('DB2_B', [101, 102, 103, 104, 105]))).statusCode).toBe(201);
    // A single print with its position given in the query.
    const single = await upload(ita, `/api/v1/biometrics/fingerprints?person=${itaPerson}&finger=7`, fvc('DB2_B', 107, 1));
    expect(single.json()).toMatchObject([{ fingerPosition: 7, finger: 'left index' }]);

    const listed = await w.call(ita, 'GET', `/api/v1/biometrics/persons/${fraPerson}/fingerprints`);
    expect(listed.json()).toHaveLength(5);
    expect((await w.call(deu, 'GET', `/api/v1/biometrics/persons/${fraPerson}/fingerprints`)).statusCode).toBe(404);
    expect((await w.call(ita, 'GET', `/api/v1/biometrics/persons/${fraHidden}/fingerprints`)).statusCode).toBe(404);
  });

  it('only the owner\'s officers enrol prints on a person', async () => {
    expect((await upload(ita, `/api/v1/biometrics/fingerprints?person=${fraPerson}`, fvc('DB1_B', 101, 2))).statusCode).toBe(403);
    expect((await upload(ita, `/api/v1/biometrics/fingerprints?person=${fraHidden}`, fvc('DB1_B', 101, 2))).statusCode).toBe(404);
    expect((await upload(itaFront, `/api/v1/biometrics/fingerprints?person=${itaPerson}`, fvc('DB1_B', 101, 2))).statusCode).toBe(403);
    const refusals = await w.platform.db.selectFrom('audit_log').select(['action', 'username']).where('outcome', '=', 'refused')
      .where((eb) => eb.or([eb('action', '=', 'fingerprint.enrol'), eb('action', 'like', 'route POST /api/v1/biometrics/fingerprints')])).execute();
    expect(refusals.map((r) => `${r.username} ${r.action}`).sort()).toEqual([
      'ita.frontline route POST /api/v1/biometrics/fingerprints', 'ita.officer fingerprint.enrol', 'ita.officer fingerprint.enrol',
    ]);
  });

  it('identifies another impression of the same finger at rank 1 and tells the owner at once', async () => {
    const sse = await openSse(`${base}/api/v1/events`, fra.token);
    try {
      const r = await identify(itaFront, fvc('DB1_B', 103, 4));
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.outcome).toBe('hit');
      expect(body.searched).toBeGreaterThanOrEqual(16);
      const top = body.candidates[0];
      expect(top).toMatchObject({ recordType: 'person', recordId: fraPerson, fingerPosition: 3, disclosure: 'full', match: true, owner: 'NCB-FRA', person: { names: [{ value: 'Karim Haddad' }] } });
      expect(top.score).toBeGreaterThanOrEqual(body.threshold);
      expect(top.hitId).toBeTruthy();
      const alert = await sse.waitFor('hit.created', (d) => d.recordId === top.hitId);
      expect(alert.payload).toMatchObject({ recordType: 'person', recordId: fraPerson, querierOrg: 'NCB-ITA' });
      const hit = (await w.call(fra, 'GET', `/api/v1/hits/${top.hitId}`)).json();
      expect(hit).toMatchObject({ side: 'owner', query: { modality: 'fingerprint', probeSha256: body.probe.sha256 }, explanation: { finger: 'right middle' } });
    } finally { sse.close(); }
    // Searching the same probe again does not raise a second hit.
    const again = (await identify(itaFront, fvc('DB1_B', 103, 4))).json();
    const hits = await w.platform.db.selectFrom('hits').select('id').where('record_id', '=', fraPerson).execute();
    expect(hits.map((h) => h.id)).toEqual([again.candidates[0].hitId]);
  });

  it('ranks the mate first for every finger of both countries', async () => {
    const probes: [('DB1_B' | 'DB2_B'), number, string][] = [
      ['DB1_B', 101, fraPerson], ['DB1_B', 102, fraPerson], ['DB1_B', 105, fraPerson], ['DB2_B', 101, itaPerson], ['DB2_B', 104, itaPerson],
    ];
    for (const [db, finger, expected] of probes) {
      const r = (await identify(fra, fvc(db, finger, 5))).json();
      expect(r.candidates[0]?.recordId, `${db} ${finger}_5`).toBe(expected);
    }
  });

  it('tells an organisation only that a withheld record exists, a denied one nothing, and refuses partners', async () => {
    const withheld = (await identify(ita, fvc('DB1_B', 107, 3))).json();
    expect(withheld.outcome).toBe('hit');
    expect(withheld.candidates[0]).toMatchObject({ disclosure: 'existence', recordId: null, sampleId: null, person: null, subject: 'withheld', fingerPosition: null, ownerName: expect.stringMatching(/France/) });
    expect(withheld.candidates[0].hitId).toBeTruthy();
    expect(JSON.stringify(withheld)).not.toMatch(/Samir|Aziz/);
    expect(withheld.action).toMatch(/withheld/);

    const denied = (await identify(deu, fvc('DB1_B', 101, 3))).json();
    expect(denied.candidates.map((c: { owner: string }) => c.owner)).not.toContain('NCB-FRA');
    expect(denied.outcome).toBe('no_hit');

    expect((await identify(partner, fvc('DB1_B', 101, 3))).statusCode).toBe(403);
    const audit = await w.platform.db.selectFrom('audit_log').select(['action', 'outcome']).where('username', '=', 'ngo.partner').execute();
    expect(audit).toContainEqual({ action: 'route POST /api/v1/biometrics/fingerprints/identify', outcome: 'refused' });
  });

  it('stores an unidentified latent mark and finds it from a suspect\'s print taken elsewhere', async () => {
    const latent = parseIsoTemplate(fvc('DB2_B', 108, 2));
    latent.views[0] = { ...latent.views[0], impressionType: 4 };
    const stored = await upload(fra, '/api/v1/biometrics/fingerprints?kind=latent&case=FR-2024-0153&audience=all', Buffer.from(serializeIsoTemplate(latent)));
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()[0]).toMatchObject({ personId: null, markKind: 'latent', caseReference: 'FR-2024-0153', subject: 'unidentified', impression: 'latent impression' });
    // Several fingers in one latent record are refused: a lift is one finger.
    expect((await upload(fra, '/api/v1/biometrics/fingerprints?kind=latent', printSet('DB2_B', [108, 109]))).statusCode).toBe(400);

    const r = (await identify(ita, fvc('DB2_B', 108, 6))).json();
    expect(r.candidates[0]).toMatchObject({ recordType: 'fingerprint', recordId: stored.json()[0].id, mark: { kind: 'latent', caseReference: 'FR-2024-0153' }, owner: 'NCB-FRA', match: true });
    const hit = (await w.call(fra, 'GET', `/api/v1/hits/${r.candidates[0].hitId}`)).json();
    expect(hit).toMatchObject({ recordType: 'fingerprint', side: 'owner', querierOrg: 'NCB-ITA' });
  });

  it('verifies a probe 1:1 against a stored print', async () => {
    const thumb = fraPrints.find((p) => p.fingerPosition === 1)!;
    const same = await upload(ita, `/api/v1/biometrics/fingerprints/${thumb.id}/verify`, fvc('DB1_B', 101, 2));
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ fingerprintId: thumb.id, personId: fraPerson, match: true });
    const other = (await upload(ita, `/api/v1/biometrics/fingerprints/${thumb.id}/verify`, fvc('DB1_B', 102, 2))).json();
    expect(other.match).toBe(false);
    expect(other.score).toBeLessThan(other.threshold);
    expect((await upload(deu, `/api/v1/biometrics/fingerprints/${thumb.id}/verify`, fvc('DB1_B', 101, 2))).statusCode).toBe(404);
  });

  it('refuses every malformed record with a 400 that says what is wrong, and never crashes', async () => {
    expect(invalidFiles.length).toBeGreaterThan(0);
    const thumb = fraPrints.find((p) => p.fingerPosition === 1)!;
    for (const file of invalidFiles) {
      const bytes = fs.readFileSync(path.join(invalidDir, file));
      for (const [u, url] of [[itaFront, '/api/v1/biometrics/fingerprints/identify'], [fra, `/api/v1/biometrics/fingerprints?person=${fraPerson}`], [fra, '/api/v1/biometrics/fingerprints?kind=latent'], [ita, `/api/v1/biometrics/fingerprints/${thumb.id}/verify`]] as const) {
        const r = await upload(u, url, bytes);
        expect(r.statusCode, `${file} → ${url}: ${r.body}`).toBe(400);
        expect(r.json().detail, file).toMatch(/ISO\/IEC 19794-2.*(truncated|bytes|length|record)/i);
        expect(r.json().errors[0].field).toBe('body');
      }
    }
    const garbage = await identify(itaFront, Buffer.from('GIF89a this is not a template at all'));
    expect(garbage.json().detail).toMatch(/format identifier/);
    expect((await identify(itaFront, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await identify(itaFront, Buffer.alloc(70 * 1024, 1))).statusCode).toBe(413);
    expect((await w.call(itaFront, 'POST', '/api/v1/biometrics/fingerprints/identify', { template: 'x' })).statusCode).toBe(400);
    const failed = await w.platform.db.selectFrom('audit_log').select('outcome').where('action', '=', 'fingerprint.identify').where('outcome', '=', 'failed').execute();
    expect(failed.length).toBeGreaterThanOrEqual(invalidFiles.length);
    expect((await w.call(ita, 'GET', '/api/v1/biometrics/status')).json()).toMatchObject({ ready: true });
  });

  it('builds the gallery at start in another node and keeps it current from events', async () => {
    const other = makeServices(w.platform);
    await other.start();
    try {
      const before = other.biometrics.gallerySize();
      expect(before).toBe(w.services.biometrics.gallerySize());
      const p = await person(ita, 'Nodo Secondo', { subject: 'suspect' });
      const enrolled = await upload(ita, `/api/v1/biometrics/fingerprints?person=${p}&finger=2`, fvc('DB2_B', 110, 1));
      for (const end = Date.now() + 3000; other.biometrics.gallerySize() === before && Date.now() < end;) await new Promise((r) => setTimeout(r, 25));
      expect(other.biometrics.gallerySize()).toBe(before + 1);
      const del = await w.call(ita, 'DELETE', `/api/v1/biometrics/fingerprints/${enrolled.json()[0].id}`, { reason: 'enrolled on the wrong person' });
      expect(del.statusCode).toBe(204);
      for (const end = Date.now() + 3000; other.biometrics.gallerySize() !== before && Date.now() < end;) await new Promise((r) => setTimeout(r, 25));
      expect(other.biometrics.gallerySize()).toBe(before);
      const r = (await identify(ita, fvc('DB2_B', 110, 3))).json();
      expect(r.candidates.map((c: { recordId: string }) => c.recordId)).not.toContain(p);
    } finally { other.stop(); }
  });

  describe('faces', () => {
    let fraFacePerson: string;
    let probe: Buffer;

    beforeAll(async () => {
      const photo = async (u: TestUser, img: Sharp) => {
        const r = await upload(u, '/api/v1/photos', await img.png().toBuffer(), 'image/png');
        expect(r.statusCode, r.body).toBe(201);
        return r.json().sha256 as string;
      };
      const fraPhoto = await photo(fra, await faceCrop(1, { x: 414, y: 355, w: 177, h: 240 }));
      const itaPhoto = await photo(ita, await faceCrop(4, { x: 664, y: 53, w: 187, h: 258 }));
      fraFacePerson = await person(fra, 'Nadia Benali', { subject: 'missing' }, { sex: 'F', photos: [fraPhoto] });
      const itaFacePerson = await person(ita, 'Giulia Conti', { subject: 'suspect' }, { sex: 'F', photos: [itaPhoto] });
      const enrolled = await w.call(fra, 'POST', '/api/v1/biometrics/faces', { person: fraFacePerson, photo: fraPhoto });
      expect(enrolled.statusCode, enrolled.body).toBe(201);
      expect(enrolled.json()).toMatchObject({ personId: fraFacePerson, photoSha256: fraPhoto, model: expect.stringMatching(/faceres/) });
      expect((await w.call(ita, 'POST', '/api/v1/biometrics/faces', { person: itaFacePerson, photo: itaPhoto })).statusCode).toBe(201);
      // The probe: the same face mirrored, brighter, smaller and recompressed as JPEG.
      probe = await (await faceCrop(1, { x: 414, y: 355, w: 177, h: 240 })).flop().modulate({ brightness: 1.15 }).resize({ width: 240 }).jpeg({ quality: 70 }).toBuffer();
    }, 120_000);

    it('finds the person from another image of the face and tells the owner', async () => {
      const r = await upload(itaFront, '/api/v1/biometrics/faces/identify', probe, 'image/jpeg');
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.faces).toHaveLength(1);
      const top = body.faces[0].candidates[0];
      expect(top).toMatchObject({ recordType: 'person', recordId: fraFacePerson, disclosure: 'full', match: true, owner: 'NCB-FRA' });
      expect(top.score).toBeGreaterThanOrEqual(body.threshold);
      expect(body.faces[0].candidates.filter((c: { match: boolean }) => c.match)).toHaveLength(1);
      expect(top.hitId).toBeTruthy();
      expect((await w.call(fra, 'GET', `/api/v1/hits/${top.hitId}`)).json()).toMatchObject({ query: { modality: 'face' }, side: 'owner' });
      expect((await w.call(ita, 'GET', `/api/v1/biometrics/persons/${fraFacePerson}/faces`)).json()).toHaveLength(1);
    });

    it('agrees with pgvector where the database has it', async () => {
      const analysis = await (await import('../src/biometrics/face-engine.ts')).loadFaceEngine().then((e) => e.analyse(probe));
      const sql = await w.services.biometrics.nearestFacesInSql(analysis.faces[0].embedding, 2);
      if (engine === 'pglite') {
        expect(sql).not.toBeNull();
        const listed = (await w.call(fra, 'GET', `/api/v1/biometrics/persons/${fraFacePerson}/faces`)).json();
        expect(sql![0].face_id).toBe(listed[0].id);
      } else {
        expect(sql).toBeNull();
      }
    });

    it('refuses what is not an image, finds no face in a blank one, and refuses partners', async () => {
      const corrupt = await upload(itaFront, '/api/v1/biometrics/faces/identify', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(200, 7)]), 'image/jpeg');
      expect(corrupt.statusCode).toBe(400);
      expect(corrupt.json().detail).toMatch(/cannot be decoded/);
      expect((await upload(itaFront, '/api/v1/biometrics/faces/identify', probe, 'image/png')).statusCode).toBe(400);
      const blank = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#7a8fa0' } }).png().toBuffer();
      const none = (await upload(itaFront, '/api/v1/biometrics/faces/identify', blank, 'image/png')).json();
      expect(none).toMatchObject({ outcome: 'no_hit', faces: [] });
      expect((await upload(partner, '/api/v1/biometrics/faces/identify', probe, 'image/jpeg')).statusCode).toBe(403);
      const notAttached = await w.call(fra, 'POST', '/api/v1/biometrics/faces', { person: fraPerson, photo: 'a'.repeat(64) });
      expect(notAttached.statusCode).toBe(400);
      const failed = await w.platform.db.selectFrom('audit_log').select(['action', 'outcome']).where('username', '=', 'fra.officer').where('outcome', '=', 'failed').execute();
      expect(failed).toContainEqual({ action: 'face.enrol', outcome: 'failed' });
    });
  });
});
