import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { existenceVisible, fullyVisible } from '../platform/access/sql.ts';
import type { Database } from '../platform/db/schema.ts';
import type { PersonData } from '../persons/model.ts';
import type { ScreeningEntry } from './index.ts';
import type { SubjectParticulars } from '../notices/model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Index entry ids carry the record type, so persons and notice subjects share one index. */
export const personKey = (id: string) => `person:${id}`;

export function entryFromPerson(id: string, d: PersonData): ScreeningEntry {
  return {
    recordId: personKey(id),
    names: d.names.map((n) => n.value),
    dob: d.birthDates,
    nationality: d.nationalities,
    ...(d.sex === 'M' || d.sex === 'F' || d.sex === 'X' ? { sex: d.sex } : {}),
    identifiers: d.identifiers.map((i) => ({ type: i.kind, value: i.value, ...(i.country ? { country: i.country } : {}) })),
  };
}

export const noticeKey = (id: string) => `notice:${id}`;

/** A notice's subject as an index entry (the particulars every person-notice carries). */
export function entryFromSubject(id: string, s: SubjectParticulars): ScreeningEntry {
  const sex = s.sex === 'male' ? 'M' : s.sex === 'female' ? 'F' : undefined;
  return {
    recordId: noticeKey(id), names: s.names.map((n) => n.value), dob: s.datesOfBirth, nationality: s.nationalities,
    ...(sex ? { sex } : {}), identifiers: s.identifiers.map((i) => ({ type: i.type, value: i.value, ...(i.country ? { country: i.country } : {}) })),
  };
}

/** Persons in id order after `afterId`, for building the index in pages. */
export function personPage(db: Db, afterId: string | null, limit: number) {
  let q = db.selectFrom('persons').select(['id', 'data']).where('deleted_at', 'is', null).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

export const countPersons = async (db: Db) => Number((await db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

/** Current rows of some persons, deleted ones included (so the index can drop them). */
export const personsByIds = (db: Db, ids: string[]) => (ids.length
  ? db.selectFrom('persons').select(['id', 'data', 'deleted_at']).where('id', 'in', ids).execute()
  : Promise.resolve([]));

/**
 * Of the candidate persons, those whose existence the actor may learn, with whether the details
 * may be shown too. The access rule runs inside the query, as for every list.
 */
export function screenablePersons(db: Db, actor: Actor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('persons as p').innerJoin('organisations as o', 'o.id', 'p.owner_org')
    .select(['p.id', 'p.data', 'p.owner_org', 'p.subject', 'p.tlp', 'p.handling', 'o.name as owner_name', fullyVisible(actor, 'p').as('full')])
    .where('p.id', 'in', ids).where(existenceVisible(actor, 'p')).execute();
}

/** Persons holding an identifier (exact, normalised), for screening by document number. */
export function personsByIdentifier(db: Db, normalised: string) {
  return db.selectFrom('person_identifiers').select('person_id').where('normalised', '=', normalised).execute();
}

