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
import { ScreeningIndex } from './index.ts';
import { THRESHOLDS, type ScreeningUse } from './score.ts';
import { actionFor, checkQuery, factsOf, queryIdentity, type ScreeningQuery } from './model.ts';
import * as store from './store.ts';

/** One candidate as the actor may see it. */
export interface ScreeningHit {
  recordType: 'person';
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

const PERSON_EVENTS = new Set(['person.created', 'person.updated', 'person.deleted', 'person.imported']);

/** Real-time screening against everything Vigil holds, from an in-memory index kept current by events. */
export function makeScreening(p: Platform, deps: { hits: Hits }) {
  let index = new ScreeningIndex();
  let ready = false;
  let unsubscribe: (() => void) | undefined;

  async function refresh(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await store.personsByIds(p.db, ids.slice(i, i + 1000));
      for (const r of rows) {
        if (r.deleted_at) index.remove(store.personKey(r.id));
        else index.update(store.entryFromPerson(r.id, r.data as PersonData));
      }
    }
  }

  function onEvent(e: VigilEvent): void {
    if (!PERSON_EVENTS.has(e.type)) return;
    const ids = e.type === 'person.imported' ? (e.payload.ids as string[]) : [String(e.payload.id)];
    void refresh(ids).catch((err: unknown) => { process.stderr.write(`screening index update failed: ${String(err)}\n`); });
  }

  /** Builds the index from the database; records changed meanwhile are caught by the event subscription taken first. */
  async function start(onProgress?: (done: number, total: number) => void): Promise<void> {
    unsubscribe = p.events.subscribe(onEvent);
    const fresh = new ScreeningIndex();
    const total = await store.countPersons(p.db);
    let done = 0;
    for (let after: string | null = null; ;) {
      const rows = await store.personPage(p.db, after, 5000);
      if (!rows.length) break;
      for (const r of rows) fresh.add(store.entryFromPerson(r.id, r.data as PersonData));
      done += rows.length;
      after = rows[rows.length - 1].id;
      onProgress?.(done, total);
    }
    index = fresh;
    ready = true;
  }

  function stop(): void { unsubscribe?.(); }

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
    const found = facts.names.length ? index.search(facts, { limit: opts.limit ?? 20, use }) : [];
    // Identifiers are looked up exactly in SQL too, so a document number finds its holder whatever the name.
    const byIdentifier = q.documentNumber ? (await store.personsByIdentifier(p.db, normaliseIdentifier(q.documentNumber))).map((r) => store.personKey(r.person_id)) : [];
    const scores = new Map<string, { score: number; explanation: ScreeningHit['explanation'] }>(found.filter((c) => c.score >= threshold).map((c) => [c.recordId, { score: c.score, explanation: { name: c.name, features: c.features } }]));
    for (const key of byIdentifier) {
      if (!scores.has(key)) scores.set(key, { score: 1, explanation: { name: null, features: [{ feature: 'identifier', detail: `document number ${normaliseIdentifier(q.documentNumber!)} matches`, effect: 5 }] } });
    }
    const rows = await store.screenablePersons(p.db, actor, [...scores.keys()].map((k) => k.slice('person:'.length)));
    const matched = rows.map((r) => ({ row: r, full: Boolean(r.full), ...scores.get(store.personKey(r.id))! })).sort((a, b) => b.score - a.score);
    const identity = queryIdentity(facts);
    const raised = await deps.hits.raiseHits(actor, identity,
      { names: facts.names, birthDates: facts.dob, nationalities: facts.nationality, sex: q.sex ?? null, documentNumber: q.documentNumber ?? null },
      matched.filter((m) => m.score >= NOTIFY_THRESHOLD).map((m) => ({ recordType: 'person', recordId: m.row.id, ownerOrg: m.row.owner_org, score: m.score, explanation: m.explanation, disclosure: m.full ? 'full' as const : 'existence' as const })));
    const hits: ScreeningHit[] = matched.map(({ row: r, full, score, explanation }) => {
      const d = r.data as PersonData;
      return {
        recordType: 'person', recordId: full ? r.id : null, owner: r.owner_org, ownerName: r.owner_name, disclosure: full ? 'full' : 'existence',
        subject: full ? r.subject : 'withheld', score: Math.round(score * 1000) / 1000, hitId: raised.get(r.id) ?? null,
        person: full ? { names: d.names, birthDates: d.birthDates, nationalities: d.nationalities, sex: d.sex, photos: d.photos } : null,
        tlp: full ? r.tlp : null, handling: full ? r.handling : null, explanation: full ? explanation : null,
      };
    });
    const ranked = hits.map((h) => ({ subject: h.subject, ownerName: h.ownerName, disclosure: h.disclosure }));
    await recordAudit(p.db, actor, { action: 'screening.person', recordType: 'person', recordIds: matched.map((m) => m.row.id), query: { ...facts, use, mrz: Boolean(mrz) }, resultCount: hits.length });
    return { outcome: hits.length ? 'hit' : 'no_hit', use, action: actionFor(ranked, use), hits, mrz, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  return { start, stop, screenPerson, isReady: () => ready, indexSize: () => index.size };
}

export type Screening = ReturnType<typeof makeScreening>;
