import { systemActor, type Actor } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import type { Services } from '../services.ts';
import type { PersonData } from '../persons/model.ts';
import type { ImportRow } from '../persons/service.ts';
import { makeDocumentBulk, type DocumentBulkRow } from '../documents/bulk.ts';
import type { Notice, NoticeStatus } from '../notices/model.ts';
import type { NoticeView } from '../notices/service.ts';
import type { NoticeContent } from '../notices/content-schema.ts';
import { demoWorld } from '../demo/world.ts';
import type { DemoPerson } from '../demo/persons.ts';
import type { DemoDocument, DemoSighting } from '../demo/documents.ts';
import { demoCircumstances, demoMrz, demoRecovery, demoSighting } from '../demo/documents.ts';
import type { DemoNotice } from '../demo/notices.ts';
import type { Seed } from '../demo/random.ts';
import { SECRETARIAT_ID } from '../identity/members.ts';
import { progressBar } from './progress.ts';

/** Every demo account has this password, printed at start: the demo world is for trying Vigil, never for real data. */
export const DEMO_PASSWORD = 'vigil-demo-2026';
export const DEMO_SEED = 'vigil-demo';

export interface DemoSize { persons: number; documents: number; notices: number }
/** What `npm start` loads: a few thousand records, enough to try every screen. */
export const SMALL_WORLD: DemoSize = { persons: 2000, documents: 3000, notices: 60 };

/** Documents per bulk call (one transaction and one audit entry each), per owning bureau. */
const DOCUMENT_BATCH = 5000;
/** Sightings and recoveries go one by one through the ordinary service calls: a benchmark world keeps the first few. */
const MAX_SIGHTINGS = 400;
const MAX_RECOVERIES = 150;

const SEX = { male: 'M', female: 'F', unspecified: 'U' } as const;

/** A demo person as the person API's input. */
export function demoPersonRow(p: DemoPerson, line: number): ImportRow & { owner: string } {
  const person: Partial<PersonData> = {
    names: p.names.map((n) => ({ value: n.value, kind: n.kind, script: n.script })),
    sex: SEX[p.sex as keyof typeof SEX] ?? 'U',
    birthDates: p.datesOfBirth,
    birthPlaces: p.placeOfBirth ? [{ country: p.placeOfBirth.country, ...(p.placeOfBirth.locality ? { place: p.placeOfBirth.locality } : {}) }] : [],
    nationalities: p.nationalities,
    identifiers: p.identifiers.map((i) => ({ kind: i.type, value: i.value, ...(i.country ? { country: i.country } : {}) })),
    description: { heightCm: p.description.heightCm, build: p.description.build, eyes: p.description.eyes, hair: p.description.hair },
    marks: p.description.marks,
    languages: p.languages,
  };
  // A tenth of the records are for the owner alone, so the demo shows hit/no-hit without details.
  const audience = p.index % 10 === 3 ? 'owner' : 'all';
  return { line, owner: p.owner, person, envelope: { subject: p.subject, audience, tlp: audience === 'owner' ? 'AMBER+STRICT' : 'AMBER' } };
}

/** A demo document as the document API's input; `holderId` links the holder's person record. */
export function demoDocumentRow(d: DemoDocument, holderId: string | null): DocumentBulkRow {
  const { place, circumstances } = demoCircumstances(d);
  const h = d.holder;
  // One in twelve is for the issuing country alone: another member's check learns only that a record exists.
  const ownerOnly = d.index % 12 === 5;
  return {
    line: d.index + 1,
    document: {
      number: d.number, issuingCountry: d.issuingCountry, type: d.type, status: d.status,
      holder: h ? { personId: holderId, names: [`${h.givenNames} ${h.surname}`.trim()], birthDate: h.dateOfBirth, sex: h.sex === 'male' ? 'M' : 'F', nationality: h.nationality } : null,
      issueDate: d.issueDate, expiryDate: d.expiryDate, reportedOn: d.reportedOn, reportedPlace: place, circumstances,
    },
    envelope: ownerOnly ? { audience: 'owner', tlp: 'AMBER+STRICT' } : {},
  };
}

/** Person ids by the demo world's index, 16 bytes each, so a benchmark world's million fit in a few MB. */
class PersonIds {
  private readonly bytes: Uint8Array;
  constructor(count: number) { this.bytes = new Uint8Array(Math.max(count, 0) * 16); }
  set(index: number, id: string): void { this.bytes.set(Buffer.from(id.replace(/-/g, ''), 'hex'), index * 16); }
  get(index: number): string | null {
    const hex = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + index * 16, 16).toString('hex');
    if (index * 16 >= this.bytes.length || /^0+$/.test(hex)) return null;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** The content of a generated notice, as a member sends it: the lifecycle fields are the platform's. */
export function demoNoticeContent(n: Notice): NoticeContent {
  const { id: _id, owner: _owner, status: _status, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, decisionReasons: _reasons, ...content } = n;
  return content as NoticeContent;
}

const ORG_COUNTRY = (org: string) => (org.startsWith('NCB-') ? org.slice(4) : null);

/** The demo loader acting for a bureau as a system task (bulk loads, sightings, recoveries). */
const systemFor = (org: string): Actor => (org === SECRETARIAT_ID ? systemActor('demo') : { ...systemActor('demo'), orgId: org, orgKind: 'ncb', country: ORG_COUNTRY(org) });

// Notices are requested by a member's officers and decided by the secretariat's reviewers: the
// notices service refuses both to system actors, so that no background task ever publishes. The
// loader therefore acts under the same name, `system:demo`, with exactly those roles and no system
// flag, and goes through the whole lifecycle and the enforced review like anyone else.
const requesterFor = (org: string): Actor => ({
  userId: null, username: 'system:demo', orgId: org, orgKind: org === SECRETARIAT_ID ? 'secretariat' : 'ncb', country: ORG_COUNTRY(org), roles: ['officer'],
});
const REVIEWER: Actor = { userId: null, username: 'system:demo', orgId: SECRETARIAT_ID, orgKind: 'secretariat', country: null, roles: ['reviewer'] };

export interface DemoLoadOptions {
  seed?: Seed;
  /** The day the world is set on (YYYY-MM-DD); today by default, so notices are current. */
  today?: string;
  onProgress?: (what: 'users' | 'persons' | 'documents' | 'document reports' | 'notices', done: number, total: number) => void;
}

/** What was loaded, for the command line to print. */
export interface DemoLoadReport {
  users: { username: string }[];
  persons: number;
  documents: { stored: number; duplicates: number; sightings: number; recovered: number };
  notices: Partial<Record<NoticeStatus, number>>;
  /** A stolen passport whose zone a demo user can check, with the record it hits. */
  sample: { mrz: string; number: string; issuingCountry: string; status: string } | null;
}

/**
 * Loads the demo world into an empty database through the services, so every rule holds and
 * every write is audited: persons and documents in batches as their owning bureau's system task,
 * seen/seized reports by other members, and notices through request, review and publication.
 */
export async function loadDemoWorld(p: Platform, s: Services, size: DemoSize = SMALL_WORLD, opts: DemoLoadOptions = {}): Promise<DemoLoadReport> {
  const seed = opts.seed ?? DEMO_SEED;
  const onProgress = opts.onProgress;
  const world = demoWorld({ seed, ...size, today: opts.today ?? new Date().toISOString().slice(0, 10) });
  const users = [
    ...world.users.map((u) => ({ username: u.username, displayName: u.displayName, orgId: u.orgId, roles: [u.role] })),
    { username: 'secretariat.admin', displayName: 'General Secretariat — administrator', orgId: SECRETARIAT_ID, roles: ['admin' as const] },
  ];
  await s.identity.createUsersSharingPassword(systemActor('demo'), users, DEMO_PASSWORD);
  onProgress?.('users', users.length, users.length);

  onProgress?.('persons', 0, size.persons);
  const personIds = await loadPersons(s, world.persons(), size.persons, onProgress);
  onProgress?.('documents', 0, size.documents);
  const documents = await loadDocuments(p, s, seed, world.documents(), size.documents, personIds, onProgress);
  onProgress?.('notices', 0, size.notices);
  const notices = await loadNotices(s, world.notices(), size.notices, onProgress);
  return { users, persons: size.persons, documents: documents.counts, notices, sample: documents.sample };
}

/** Persons in batches per owning bureau, as that bureau's system task; returns their ids by index. */
async function loadPersons(s: Services, persons: Iterable<DemoPerson>, total: number, onProgress: DemoLoadOptions['onProgress']): Promise<PersonIds> {
  const ids = new PersonIds(total);
  const batch = new Map<string, ImportRow[]>();
  let done = 0;
  const flush = async (owner: string) => {
    const rows = batch.get(owner);
    if (!rows?.length) return;
    const outcome = await s.persons.importPersons(systemFor(owner), rows);
    if (outcome.errors.length) throw new Error(`demo persons did not validate: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    rows.forEach((r, i) => ids.set(r.line - 1, outcome.ids[i]));
    done += rows.length;
    batch.set(owner, []);
    onProgress?.('persons', done, total);
  };
  for (const p of persons) {
    const row = demoPersonRow(p, p.index + 1);
    const rows = batch.get(row.owner) ?? [];
    rows.push(row);
    batch.set(row.owner, rows);
    if (rows.length >= 1000) await flush(row.owner);
  }
  for (const owner of [...batch.keys()]) await flush(owner);
  return ids;
}

/** Documents through the bulk path, per issuing country's bureau; then a few sightings by other members and recoveries. */
async function loadDocuments(p: Platform, s: Services, seed: Seed, documents: Iterable<DemoDocument>, total: number, personIds: PersonIds, onProgress: DemoLoadOptions['onProgress']) {
  const bulk = makeDocumentBulk(p, s.identity, s.persons);
  const batch = new Map<string, { index: number; row: DocumentBulkRow }[]>();
  const followUps: { doc: DemoDocument; sighting?: DemoSighting; recovery?: string; id?: string }[] = [];
  let sample: DemoLoadReport['sample'] = null;
  let sightings = 0, recoveries = 0, stored = 0, duplicates = 0, done = 0;
  const flush = async (owner: string) => {
    const items = batch.get(owner);
    if (!items?.length) return;
    const outcome = await bulk.reportDocumentsInBulk(systemFor(owner), items.map((i) => i.row));
    if (outcome.errors.length) throw new Error(`demo documents did not validate: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const idOf = new Map(items.map((item, i) => [item.index, outcome.ids[i]]));
    for (const f of followUps) if (f.id === undefined && idOf.has(f.doc.index)) f.id = idOf.get(f.doc.index) ?? undefined;
    stored += outcome.stored;
    duplicates += outcome.duplicates.length;
    done += items.length;
    batch.set(owner, []);
    onProgress?.('documents', done, total);
  };
  for (const doc of documents) {
    const holderId = doc.holder ? personIds.get(doc.holder.personIndex) : null;
    const row = demoDocumentRow(doc, holderId);
    const sighting = sightings < MAX_SIGHTINGS ? demoSighting(seed, doc) : undefined;
    const recovery = recoveries < MAX_RECOVERIES && !sighting ? demoRecovery(doc) : undefined;
    if (sighting) sightings++;
    if (recovery) recoveries++;
    if (sighting || recovery) followUps.push({ doc, sighting, recovery });
    if (!sample && doc.status === 'stolen' && doc.type === 'passport' && holderId && row.envelope?.audience !== 'owner') {
      const mrz = demoMrz(doc);
      if (mrz) sample = { mrz, number: doc.number, issuingCountry: doc.issuingCountry, status: doc.status };
    }
    const items = batch.get(doc.owner) ?? [];
    items.push({ index: doc.index, row });
    batch.set(doc.owner, items);
    if (items.length >= DOCUMENT_BATCH) await flush(doc.owner);
  }
  for (const owner of [...batch.keys()]) await flush(owner);
  // Seen/seized reports and recoveries go one by one through the ordinary calls, as members make them.
  let sightingsStored = 0, recovered = 0, followed = 0;
  onProgress?.('document reports', 0, followUps.length);
  for (const f of followUps) {
    onProgress?.('document reports', followed++, followUps.length);
    if (!f.id) continue; // a duplicate of an earlier document: its record stands for it
    if (f.sighting) {
      const { kind, reporter, observedOn, place, circumstances } = f.sighting;
      await s.documents.reportSighting(systemFor(`NCB-${reporter}`), f.id, { report: { kind, observedOn, place, country: reporter, circumstances } });
      sightingsStored++;
    }
    if (f.recovery) {
      await s.documents.cancelDocument(systemFor(f.doc.owner), f.id, f.recovery);
      recovered++;
    }
  }
  onProgress?.('document reports', followUps.length, followUps.length);
  return { counts: { stored, duplicates, sightings: sightingsStored, recovered }, sample };
}

/** Notices through their real lifecycle: requested by the owner, reviewed and decided by the secretariat. */
async function loadNotices(s: Services, notices: Iterable<DemoNotice>, total: number, onProgress: DemoLoadOptions['onProgress']) {
  const counts: Partial<Record<NoticeStatus, number>> = {};
  let done = 0;
  for (const demo of notices) {
    const status = await loadNotice(s, demo);
    counts[status] = (counts[status] ?? 0) + 1;
    onProgress?.('notices', ++done, total);
  }
  return counts;
}

/** Why an owner ends a notice in force, in its kind's words. */
const cancellation = (n: Notice): string => (n.kind === 'red' || (n.kind === 'diffusion' && n.purpose === 'arrest') ? 'The subject was arrested and surrendered to the requesting country.'
  : n.kind === 'yellow' || (n.kind === 'diffusion' && n.purpose === 'missing') ? 'The person has been found safe and is in the care of social services.'
    : 'The information sought has been obtained; the notice is no longer needed.');

async function loadNotice(s: Services, { notice, expected, flaw }: DemoNotice): Promise<NoticeStatus> {
  const n = s.notices;
  const owner = requesterFor(notice.owner);
  const target = notice.status;
  const what = `demo ${notice.kind} notice ${notice.id}${flaw ? ` (flaw ${flaw})` : ''}`;
  let view: NoticeView = await n.createNotice(owner, { notice: demoNoticeContent(notice) });
  const id = view.id;
  /**
   * The reviewer's decision. Publication (or confirmation) runs the enforced review itself and
   * refuses a notice that fails it: the generator must produce passing content, so that is an
   * error here. A flawed request is refused with the failed checks of the reviewer's checklist.
   */
  const decide = async (approve: () => Promise<NoticeView>): Promise<NoticeView> => {
    if (expected === 'pass') {
      return approve().catch((e: unknown) => { throw new Error(`${what} should pass review but did not: ${e instanceof Error ? e.message : String(e)}`, { cause: e }); });
    }
    const failed = (await n.reviewChecklist(REVIEWER, id)).checks.filter((c) => c.blocking && !c.passed);
    if (!failed.length) throw new Error(`${what} carries a flaw the review did not catch`);
    return n.refuseNotice(REVIEWER, id, failed.map((c) => c.message));
  };
  if (target === 'draft') return view.status;
  if (notice.kind === 'diffusion') {
    view = await n.sendDiffusion(owner, id);
    if (target === 'sent') return view.status;
    view = await decide(() => n.confirmDiffusion(REVIEWER, id));
  } else {
    view = await n.submitNotice(owner, id);
    if (target === 'withdrawn') return (await n.withdrawNotice(owner, id)).status;
    if (target === 'submitted') return view.status;
    view = await n.takeUnderReview(REVIEWER, id);
    if (target === 'under_review') return view.status;
    view = await decide(() => n.publishNotice(REVIEWER, id));
  }
  if (target === 'cancelled') view = await n.cancelNotice(owner, id, [cancellation(notice)]);
  if (view.status !== target) throw new Error(`${what} ended ${view.status}, not ${target} as generated`);
  return view.status;
}

type Phase = Parameters<NonNullable<DemoLoadOptions['onProgress']>>[0];

/** A progress bar per phase of a load (persons, documents, notices), one after the other, and how long each took. */
export function demoProgress() {
  let current: { phase: Phase; bar: ReturnType<typeof progressBar>; started: number } | undefined;
  const took = new Map<Phase, number>();
  const end = () => {
    if (!current) return;
    current.bar.stop();
    took.set(current.phase, (performance.now() - current.started) / 1000);
    current = undefined;
  };
  return {
    update: (phase: Phase, done: number, total: number) => {
      if (phase === 'users') return;
      if (current?.phase !== phase) {
        end();
        current = { phase, bar: progressBar(phase.padEnd(16), total), started: performance.now() };
      }
      current.bar.update(done);
    },
    stop: end,
    /** Seconds per phase, in the order they ran. */
    seconds: () => [...took.entries()],
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One line saying what a load stored. */
export function describeDemoWorld(r: DemoLoadReport): string {
  const d = r.documents;
  const notices = Object.values(r.notices).reduce((a, b) => a + b, 0);
  const byStatus = Object.entries(r.notices).sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${status.replace('_', ' ')}`).join(', ');
  return [
    count(r.persons, 'person'),
    `${count(d.stored, 'document')}${d.duplicates ? ` (${count(d.duplicates, 'repeated number')} skipped)` : ''}, ${count(d.sightings, 'seen/seized report')}, ${d.recovered} recovered`,
    `${count(notices, 'notice')}${notices ? ` (${byStatus})` : ''}`,
  ].join('; ');
}
