import type { Actor } from '../platform/access/actor.ts';
import { hasRole, isPolice } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { forbidden, invalid } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { VigilEvent } from '../platform/events.ts';
import type { PersonData } from '../persons/model.ts';
import { normaliseIdentifier } from '../persons/model.ts';
import { checkMrz } from '../documents/mrz.ts';
import type { Hits } from '../hits/service.ts';
import type { Notices } from '../notices/service.ts';
import type { SubjectParticulars } from '../notices/model.ts';
import { systemActor } from '../platform/access/actor.ts';
import { makeIndexHolder } from './pool.ts';
import type { ScreeningEntry } from './index.ts';
import { THRESHOLDS, type ScreeningUse } from './score.ts';
import { actionFor, checkQuery, factsOf, queryIdentity, type ScreeningQuery } from './model.ts';
import * as store from './store.ts';

/** One candidate as the actor may see it. */
export interface ScreeningHit {
  recordType: 'person' | 'notice';
  /** For a notice subject: its kind and control number. */
  notice: { kind: string; reference: string | null } | null;
  recordId: string | null;
  owner: string;
  ownerName: string;
  disclosure: 'full' | 'existence';
  subject: string;
  score: number;
  hitId: string | null;
  person: Pick<PersonData, 'names' | 'birthDates' | 'nationalities' | 'sex' | 'photos'> | null;
  tlp: string | null;
  handling: string | null;
  explanation: { name: unknown; features: { feature: string; detail: string; effect: number }[] } | null;
}

export interface ScreeningResult {
  outcome: 'hit' | 'no_hit';
  use: ScreeningUse;
  action: string;
  hits: ScreeningHit[];
  mrz: ReturnType<typeof checkMrz> | null;
  tookMs: number;
}

/**
 * Owners are alerted only for strong candidates: a frontline check lists weaker ones for the
 * officer to read, but twenty bureaus must not be paged for every common name.
 */
export const NOTIFY_THRESHOLD = 0.75;

interface Matched {
  recordType: 'person' | 'notice';
  id: string;
  owner: string;
  ownerName: string;
  subject: string;
  tlp: string;
  handling: string;
  full: boolean;
  notice: ScreeningHit['notice'];
  score: number;
  explanation: ScreeningHit['explanation'];
  person: ScreeningHit['person'];
}

/** A notice subject shown like a person record. */
function subjectAsPerson(s: SubjectParticulars): NonNullable<ScreeningHit['person']> {
  return {
    names: s.names.map((n) => ({ value: n.value, kind: n.kind, script: n.script })), birthDates: s.datesOfBirth, nationalities: s.nationalities,
    sex: s.sex === 'male' ? 'M' : s.sex === 'female' ? 'F' : 'U', photos: s.photoRefs,
  };
}

const PERSON_EVENTS = new Set(['person.created', 'person.updated', 'person.deleted', 'person.imported']);

/** Real-time screening against everything Vigil holds, from an in-memory index kept current by events. */
export function makeScreening(p: Platform, deps: { hits: Hits; notices: Notices }) {
  const indexer = systemActor('screening-index');
  const index = makeIndexHolder(p.config.screeningWorkers);
  let ready = false;
  let unsubscribe: (() => void) | undefined;

  async function refresh(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await store.personsByIds(p.db, ids.slice(i, i + 1000));
      index.remove(rows.filter((r) => r.deleted_at).map((r) => store.personKey(r.id)));
      index.add(rows.filter((r) => !r.deleted_at).map((r) => store.entryFromPerson(r.id, r.data as PersonData)));
    }
  }

  async function refreshNotices(ids: string[]): Promise<void> {
    const subjects = await deps.notices.screeningSubjectsFor(indexer, ids);
    index.add(subjects.filter((n) => n.subject?.names.length).map((n) => store.entryFromSubject(n.id, n.subject!)));
    index.remove(subjects.filter((n) => !n.subject?.names.length).map((n) => store.noticeKey(n.id)));
  }

  function onEvent(e: VigilEvent): void {
    if (e.recordType === 'notice' && e.recordId) {
      void refreshNotices([e.recordId]).catch((err: unknown) => { process.stderr.write(`screening index update failed: ${String(err)}\n`); });
      return;
    }
    if (!PERSON_EVENTS.has(e.type)) return;
    const ids = e.type === 'person.imported' ? (e.payload.ids as string[]) : [String(e.payload.id)];
    void refresh(ids).catch((err: unknown) => { process.stderr.write(`screening index update failed: ${String(err)}\n`); });
  }

  /**
   * Builds the index from the database. The event subscription is taken first and changes go
   * to the same index in order, so a record changed during the build ends up as last read.
   */
  async function start(onProgress?: (done: number, total: number) => void): Promise<void> {
    unsubscribe = p.events.subscribe(onEvent);
    index.clear();
    await loadAll((entries) => index.add(entries), onProgress);
    index.compact();
    // Replicas build as the pages arrive: ready once they have applied every one.
    await index.size();
    index.setRebuilder?.((add) => loadAll(add));
    ready = true;
  }

  /** Every person and notice subject, page by page, to `add`. */
  async function loadAll(add: (entries: ScreeningEntry[]) => void, onProgress?: (done: number, total: number) => void): Promise<void> {
    const total = await store.countPersons(p.db);
    let done = 0;
    for (let after: string | null = null; ;) {
      const rows = await store.personPage(p.db, after, 5000);
      if (!rows.length) break;
      add(rows.map((r) => store.entryFromPerson(r.id, r.data as PersonData)));
      done += rows.length;
      after = rows[rows.length - 1].id;
      onProgress?.(done, total);
    }
    for (let after: string | null = null; ;) {
      const page = await deps.notices.screeningSubjects(indexer, after, 2000);
      if (!page.length) break;
      add(page.filter((n) => n.subject?.names.length).map((n) => store.entryFromSubject(n.id, n.subject!)));
      after = page[page.length - 1].id;
    }
  }

  async function stop(): Promise<void> { unsubscribe?.(); await index.close(); }

  async function screenPerson(actor: Actor, query: ScreeningQuery, opts: { use?: ScreeningUse; limit?: number } = {}): Promise<ScreeningResult> {
    const started = performance.now();
    const use = opts.use ?? (hasRole(actor, 'analyst') && !hasRole(actor, 'frontline') ? 'analyst' : 'frontline');
    if (!isPolice(actor) || !hasRole(actor, 'frontline', 'officer', 'analyst', 'reviewer', 'admin')) {
      await recordAudit(p.db, actor, { action: 'screening.person', outcome: 'refused' });
      throw forbidden('Screening is for police users.');
    }
    const problems = checkQuery(query);
    if (problems.length) throw invalid('The person could not be screened.', problems);
    let mrz: ScreeningResult['mrz'] = null;
    const q = { ...query };
    if (query.mrz?.trim()) {
      mrz = checkMrz(query.mrz);
      if (mrz.holder) {
        q.names = [...(q.names ?? []), ...mrz.holder.names];
        if (mrz.holder.birthDate) q.birthDates = [...(q.birthDates ?? []), mrz.holder.birthDate];
        if (mrz.holder.nationality) q.nationalities = [...(q.nationalities ?? []), mrz.holder.nationality];
        if (mrz.holder.sex === 'male' || mrz.holder.sex === 'female') q.sex ??= mrz.holder.sex === 'male' ? 'M' : 'F';
      }
      if (mrz.fields.documentNumber) q.documentNumber ??= mrz.fields.documentNumber;
    }
    const facts = factsOf(q);
    const threshold = THRESHOLDS[use];
    const found = facts.names.length ? await index.search(facts, { limit: opts.limit ?? 20, use }) : [];
    // Identifiers are looked up exactly in SQL too, so a document number finds its holder whatever the name.
    const byIdentifier = q.documentNumber ? (await store.personsByIdentifier(p.db, normaliseIdentifier(q.documentNumber))).map((r) => store.personKey(r.person_id)) : [];
    const scores = new Map<string, { score: number; explanation: ScreeningHit['explanation'] }>(found.filter((c) => c.score >= threshold).map((c) => [c.recordId, { score: c.score, explanation: { name: c.name, features: c.features } }]));
    for (const key of byIdentifier) {
      if (!scores.has(key)) scores.set(key, { score: 1, explanation: { name: null, features: [{ feature: 'identifier', detail: `document number ${normaliseIdentifier(q.documentNumber!)} matches`, effect: 5 }] } });
    }
    const keys = [...scores.keys()];
    const personIds = keys.filter((k) => k.startsWith('person:')).map((k) => k.slice('person:'.length));
    const noticeIds = keys.filter((k) => k.startsWith('notice:')).map((k) => k.slice('notice:'.length));
    const [personRows, noticeRows] = await Promise.all([store.screenablePersons(p.db, actor, personIds), deps.notices.screenableNotices(actor, noticeIds)]);
    const matched: Matched[] = [
      ...personRows.map((r): Matched => {
        const d = r.data as PersonData;
        return {
          recordType: 'person', id: r.id, owner: r.owner_org, ownerName: r.owner_name, subject: r.subject, tlp: r.tlp, handling: r.handling,
          full: Boolean(r.full), notice: null, ...scores.get(store.personKey(r.id))!,
          person: { names: d.names, birthDates: d.birthDates, nationalities: d.nationalities, sex: d.sex, photos: d.photos },
        };
      }),
      ...noticeRows.map((n): Matched => ({
        recordType: 'notice', id: n.id, owner: n.owner, ownerName: n.ownerName, subject: n.subjectCategory, tlp: n.tlp, handling: n.handling,
        full: n.full, notice: { kind: n.kind, reference: n.reference }, ...scores.get(store.noticeKey(n.id))!, person: n.subject ? subjectAsPerson(n.subject) : null,
      })),
    ].sort((a, b) => b.score - a.score);
    const identity = queryIdentity(facts);
    const raised = await deps.hits.raiseHits(actor, identity,
      { names: facts.names, birthDates: facts.dob, nationalities: facts.nationality, sex: q.sex ?? null, documentNumber: q.documentNumber ?? null },
      matched.filter((m) => m.score >= NOTIFY_THRESHOLD).map((m) => ({ recordType: m.recordType, recordId: m.id, ownerOrg: m.owner, score: m.score, explanation: m.explanation, disclosure: m.full ? 'full' as const : 'existence' as const })));
    const hits: ScreeningHit[] = matched.map((m) => ({
      recordType: m.recordType, recordId: m.full ? m.id : null, notice: m.full ? m.notice : null, owner: m.owner, ownerName: m.ownerName,
      disclosure: m.full ? 'full' : 'existence', subject: m.full ? m.subject : 'withheld', score: Math.round(m.score * 1000) / 1000,
      hitId: raised.get(m.id) ?? null, person: m.full ? m.person : null, tlp: m.full ? m.tlp : null, handling: m.full ? m.handling : null,
      explanation: m.full ? m.explanation : null,
    }));
    const ranked = hits.map((h) => ({ subject: h.subject, ownerName: h.ownerName, disclosure: h.disclosure }));
    await recordAudit(p.db, actor, { action: 'screening.person', recordType: 'person', recordIds: matched.map((m) => m.id), query: { ...facts, use, mrz: Boolean(mrz) }, resultCount: hits.length });
    return { outcome: hits.length ? 'hit' : 'no_hit', use, action: actionFor(ranked, use), hits, mrz, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  return { start, stop, screenPerson, isReady: () => ready, indexSize: () => index.size(), parallelism: index.parallelism };
}

export type Screening = ReturnType<typeof makeScreening>;
