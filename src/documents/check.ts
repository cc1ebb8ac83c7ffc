import type { Actor } from '../platform/access/actor.ts';
import { visibilityOf } from '../platform/access/envelope.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { invalid, type FieldProblem } from '../platform/errors.ts';
import { issuingCountryProblem } from './model.ts';
import { checkMrz, normaliseCountryCode, normaliseDocumentNumber, type MrzCheck } from './mrz.ts';
import type { HolderSex } from './record.ts';
import type { DocumentRow, SightingRow } from './store.ts';
import type { DocumentView } from './service.ts';
import type { HitCandidate } from '../hits/service.ts';

/** A document check: a raw machine-readable zone, or a number with (optionally) its issuing country. */
export interface DocumentCheckQuery { mrz?: string; number?: string; issuingCountry?: string }

/** What the check looks up, read from the query. */
export interface CheckLookup {
  via: 'mrz' | 'number';
  mrz: MrzCheck | null;
  number: string | null;
  /** null when no number could be read: the answer then carries only the MRZ reading. */
  numberNormalised: string | null;
  /** null: every issuing country (the number alone was given, or the zone's state is unreadable). */
  issuingCountry: string | null;
}

/** One status record of the document: in full, or only that it exists and whom to contact. */
export interface CheckMatch {
  reference: string;
  owner: string;
  visibility: 'full' | 'existence';
  message: string;
  document?: DocumentView;
  /** The hit raised to the owner by this check, to follow up on; null for one's own record or a pair marked a false positive. */
  hitId: string | null;
}

/** The holder as the zone and the visible records give them, ready for person screening. */
export interface CheckHolder { names: string[]; birthDates: string[]; sex: HolderSex | null; nationality: string | null; namesTruncated: boolean }

export interface DocumentCheck {
  query: Omit<CheckLookup, 'mrz'>;
  mrz: Pick<MrzCheck, 'format' | 'valid' | 'fields' | 'errors' | 'corrections' | 'expired'> | null;
  /** A status record exists (stolen, lost, revoked…), whether or not its details were shared. */
  hit: boolean;
  matches: CheckMatch[];
  holder: CheckHolder | null;
}

const SEX: Record<string, HolderSex> = { male: 'M', female: 'F', unspecified: 'X' };

/** Reads a check query; a bad number or country is a 400 naming the field, a bad zone is reported in the answer. */
export function readCheckQuery(q: DocumentCheckQuery, now = new Date()): CheckLookup {
  const problems: FieldProblem[] = [];
  const hasMrz = q.mrz !== undefined && q.mrz.trim() !== '';
  const hasNumber = q.number !== undefined;
  if (hasMrz && (hasNumber || q.issuingCountry !== undefined)) problems.push({ field: 'mrz', message: 'send a machine-readable zone, or a number and issuing country, not both' });
  if (!hasMrz && !hasNumber) problems.push({ field: 'mrz', message: 'send the machine-readable zone (mrz), or the document number (number) and its issuing country (issuingCountry)' });
  if (problems.length) throw invalid('Nothing was checked.', problems);
  if (hasMrz) {
    const mrz = checkMrz(q.mrz!, { now });
    const number = mrz.fields.documentNumber;
    const normalised = number === null ? '' : normaliseDocumentNumber(number);
    const state = mrz.fields.issuingState === null ? null : normaliseCountryCode(mrz.fields.issuingState);
    return {
      via: 'mrz', mrz, number, numberNormalised: /^[A-Z0-9]+$/.test(normalised) ? normalised : null,
      issuingCountry: state !== null && issuingCountryProblem(state) === null ? state : null,
    };
  }
  const normalised = normaliseDocumentNumber(q.number!);
  if (!/^[A-Z0-9]+$/.test(normalised)) problems.push({ field: 'number', message: normalised === '' ? 'the document number is empty' : 'a document number has only letters A-Z and digits (case, spaces, < . - are ignored)' });
  const countryProblem = q.issuingCountry === undefined ? null : issuingCountryProblem(q.issuingCountry);
  if (countryProblem) problems.push({ field: 'issuingCountry', message: countryProblem });
  if (problems.length) throw invalid('Nothing was checked.', problems);
  return {
    via: 'number', mrz: null, number: q.number!, numberNormalised: normalised,
    issuingCountry: q.issuingCountry === undefined ? null : normaliseCountryCode(q.issuingCountry),
  };
}

type View = (row: DocumentRow, sightings: SightingRow[]) => DocumentView;

/** Whether the actor sees a row in full (its sightings are then worth fetching). */
export const seenInFull = (actor: Actor, row: DocumentRow) => visibilityOf(actor, envelopeFromRow(row)) === 'full';

function matchOf(actor: Actor, row: DocumentRow, sightings: Map<string, SightingRow[]>, view: View): CheckMatch | null {
  const visibility = visibilityOf(actor, envelopeFromRow(row));
  if (visibility === 'none') return null;
  if (visibility === 'existence') {
    return {
      reference: row.id, owner: row.owner_org, visibility, hitId: null,
      message: `A record on this document exists, but its owner does not share the details with you: contact ${row.owner_org}, quoting reference ${row.id}.`,
    };
  }
  const document = view(row, sightings.get(row.id) ?? []);
  const seen = document.sightings?.length ? `; ${document.sightings.length} seen/seized report(s)` : '';
  return {
    reference: row.id, owner: row.owner_org, visibility, document, hitId: null,
    message: `${row.issuing_country} ${row.type.replace('_', ' ')} ${row.number_norm} recorded as ${row.status} by ${row.owner_org} on ${row.reported_on}${seen}.`,
  };
}

function holderOf(mrz: MrzCheck | null, documents: DocumentView[]): CheckHolder | null {
  const names = new Map<string, string>();
  const birthDates = new Set<string>();
  for (const n of mrz?.holder?.names ?? []) names.set(n.toUpperCase(), n);
  if (mrz?.holder?.birthDate) birthDates.add(mrz.holder.birthDate);
  for (const d of documents) {
    for (const n of d.holder?.names ?? []) if (!names.has(n.toUpperCase())) names.set(n.toUpperCase(), n);
    if (d.holder?.birthDate) birthDates.add(d.holder.birthDate);
  }
  if (names.size === 0 && birthDates.size === 0) return null;
  const fromRecords = documents.find((d) => d.holder)?.holder;
  return {
    names: [...names.values()], birthDates: [...birthDates],
    sex: (mrz?.holder?.sex ? SEX[mrz.holder.sex] : null) ?? fromRecords?.sex ?? null,
    nationality: mrz?.holder?.nationality ?? fromRecords?.nationality ?? null,
    namesTruncated: mrz?.holder?.namesTruncated ?? false,
  };
}

/** The answer to a check, from the lookup, the rows the actor may learn of and the sightings it may see. */
export function checkAnswer(actor: Actor, lookup: CheckLookup, rows: DocumentRow[], sightings: Map<string, SightingRow[]>, view: View): DocumentCheck {
  const matches = rows.map((r) => matchOf(actor, r, sightings, view)).filter((m): m is CheckMatch => m !== null);
  const { mrz, ...query } = lookup;
  return {
    query,
    mrz: mrz && { format: mrz.format, valid: mrz.valid, fields: mrz.fields, errors: mrz.errors, corrections: mrz.corrections, expired: mrz.expired },
    hit: matches.length > 0,
    matches,
    holder: holderOf(mrz, matches.flatMap((m) => (m.document ? [m.document] : []))),
  };
}

// ---- hits ------------------------------------------------------------------------------------

/** What a document check looked for, as hits remember it: the document, named by its issuing country and number. */
export const documentQueryIdentity = (issuingCountry: string, numberNormalised: string) => `document:${issuingCountry}:${numberNormalised}`;

/** A status record in one line, as its owner knows it: "FRA passport 12AB34567: stolen". */
export const documentTitle = (r: Pick<DocumentRow, 'issuing_country' | 'type' | 'number_norm' | 'status'>) =>
  `${r.issuing_country} ${r.type.replace(/_/g, ' ')} ${r.number_norm}: ${r.status.replace(/_/g, ' ')}`;

/**
 * Hits to raise for a check: one per status record of another organisation that the checker may
 * learn of, in full or only that it exists (the owner is told either way). The query identity is
 * the record's issuing country and number, so a check by number alone and one by zone are one query.
 */
export function hitCandidates(actor: Actor, rows: DocumentRow[]): HitCandidate[] {
  return rows.flatMap((row): HitCandidate[] => {
    if (row.owner_org === actor.orgId) return [];
    const visibility = visibilityOf(actor, envelopeFromRow(row));
    if (visibility === 'none') return [];
    return [{
      recordType: 'document', recordId: row.id, ownerOrg: row.owner_org, score: 1, disclosure: visibility,
      queryIdentity: documentQueryIdentity(row.issuing_country, row.number_norm),
      title: documentTitle(row),
      explanation: { name: null, features: [{ feature: 'document_number', detail: `${row.issuing_country} document number ${row.number_norm} matches exactly`, effect: 1 }] },
    }];
  });
}

/**
 * What the owner is told was checked, in the shape of a person screening's query (names, dates of
 * birth, nationalities, sex, document number) so both kinds of hit read alike: the document, and
 * from a zone the traveller as printed on it (who presented the document is what the owner needs).
 */
export function hitQuery(lookup: CheckLookup) {
  const m = lookup.mrz;
  const sex = m?.holder?.sex === 'male' ? 'M' : m?.holder?.sex === 'female' ? 'F' : null;
  return {
    kind: 'document', via: lookup.via, documentNumber: lookup.numberNormalised, number: lookup.number, issuingCountry: lookup.issuingCountry,
    names: m?.holder?.names ?? [], birthDates: m?.holder?.birthDate ? [m.holder.birthDate] : [], nationalities: m?.holder?.nationality ? [m.holder.nationality] : [], sex,
    mrz: m && { format: m.format, valid: m.valid, failedChecks: m.errors.map((e) => e.field), documentType: m.fields.documentType, expirationDate: m.fields.expirationDate },
  };
}

/** The answer with the hit raised on each match, and what to do about it. */
export function withHits(answer: DocumentCheck, raised: Map<string, string>): DocumentCheck {
  return {
    ...answer,
    matches: answer.matches.map((m) => {
      const hitId = raised.get(m.reference) ?? null;
      return hitId ? { ...m, hitId, message: `${m.message} ${m.owner} has been told of this check: follow it up with them on hit ${hitId}.` } : m;
    }),
  };
}
