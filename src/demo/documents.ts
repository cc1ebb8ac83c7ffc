import { ncbId } from '../identity/members.ts';
import type { PartialDate } from '../notices/model.ts';
import type { DemoCountry } from './countries.ts';
import { DEMO_COUNTRIES, countriesWith, demoCountry, fillPattern } from './countries.ts';
import type { DemoPerson } from './persons.ts';
import { DEMO_REFERENCE_YEAR, buildPerson } from './persons.ts';
import type { Seed } from './random.ts';
import { Random, STREAMS, Weighted, seedNumber } from './random.ts';

// The same values as DOCUMENT_TYPES / DOCUMENT_STATUSES in documents/model.ts, repeated so the
// generator does not depend on a module still being written; a test keeps the two in step.
export type DemoDocumentType = 'passport' | 'identity_card' | 'visa' | 'residence_permit' | 'travel_document' | 'stolen_blank';
export type DemoDocumentStatus = 'stolen' | 'lost' | 'revoked' | 'invalidated' | 'counterfeit' | 'forged' | 'stolen_blank';

/** The holder as the document's data page prints them: what an MRZ is built from. */
export interface DemoDocumentHolder {
  personId: string;
  personIndex: number;
  surname: string;
  givenNames: string;
  dateOfBirth: PartialDate | null;
  sex: 'male' | 'female';
  nationality: string;
}

/** An identity or travel document reported to the shared database (stolen, lost, revoked, counterfeit…). */
export interface DemoDocument {
  id: string;
  index: number;
  /** Letters and digits only, as stored and looked up. */
  number: string;
  issuingCountry: string;
  type: DemoDocumentType;
  status: DemoDocumentStatus;
  /** `YYYY-MM-DD`; null for a blank stolen before personalisation. */
  issueDate: string | null;
  expiryDate: string | null;
  /** When the status was reported. */
  reportedOn: string;
  /** Only the issuing country declares a document's status, so it owns the record. */
  owner: string;
  holder?: DemoDocumentHolder;
}

const TYPES = new Weighted<DemoDocumentType>([
  ['passport', 55], ['identity_card', 25], ['residence_permit', 7], ['visa', 5], ['travel_document', 3], ['stolen_blank', 5],
]);
const STATUSES = new Weighted<DemoDocumentStatus>([['lost', 45], ['stolen', 30], ['revoked', 8], ['invalidated', 5], ['counterfeit', 7], ['forged', 5]]);
const VALIDITY_YEARS: Record<DemoDocumentType, number> = { passport: 10, identity_card: 10, residence_permit: 5, visa: 1, travel_document: 2, stolen_blank: 0 };
// Origin countries report most lost and stolen passports that later turn up on smuggling routes.
const ISSUERS = new Weighted<DemoCountry>(DEMO_COUNTRIES.map((c) => [c, c.flows.includes('origin') ? 3 : 1]));
const DESTINATIONS = countriesWith('destination');
const PAD = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function randomDate(rng: Random, fromYear: number, toYear: number): string {
  const month = rng.between(1, 12);
  // Day 28 at most keeps every month valid and adding years never lands on a 29 February.
  return `${rng.between(fromYear, toYear)}-${PAD[month]}-${PAD[rng.between(1, 28)]}`;
}

function documentNumber(rng: Random, issuer: DemoCountry, type: DemoDocumentType): string {
  const shape = type === 'passport' || type === 'stolen_blank' ? issuer.passport
    : type === 'identity_card' ? issuer.identityCard
      : type === 'visa' ? '@########' : type === 'residence_permit' ? '@@#######' : '@#######';
  return fillPattern(shape, rng).replace(/[^A-Z0-9]/g, '');
}

function holderOf(person: DemoPerson): DemoDocumentHolder | undefined {
  const name = person.names[0];
  if (!name || person.nationalities.length === 0) return undefined;
  return {
    personId: person.id, personIndex: person.index, surname: name.family ?? name.value, givenNames: name.given ?? '',
    dateOfBirth: person.datesOfBirth[0] ?? null, sex: person.sex, nationality: person.nationalities[0],
  };
}

function buildDocument(rng: Random, holderRng: Random, seed: number, index: number, personCount: number): DemoDocument {
  rng.reseed(seed, STREAMS.document, index);
  const id = rng.uuid();
  let type = TYPES.pick(rng);
  let holder: DemoDocumentHolder | undefined;
  if (type !== 'stolen_blank' && personCount > 0 && rng.chance(0.85)) {
    holder = holderOf(buildPerson(holderRng, seed, rng.int(personCount)));
  }
  // A passport or identity card comes from the holder's own country; permits and visas from where they live or go.
  let issuer = type === 'residence_permit' || type === 'visa' ? rng.pick(DESTINATIONS)
    : (holder && demoCountry(holder.nationality)) || ISSUERS.pick(rng);
  if (type === 'identity_card' && issuer.identityCard === '') type = 'passport';
  if (type === 'travel_document' && !holder) issuer = ISSUERS.pick(rng);
  const number = documentNumber(rng, issuer, type);
  if (type === 'stolen_blank') {
    return { id, index, number, issuingCountry: issuer.code, type, status: 'stolen_blank', issueDate: null, expiryDate: null, reportedOn: randomDate(rng, 2012, DEMO_REFERENCE_YEAR - 1), owner: ncbId(issuer.code) };
  }
  const born = holder?.dateOfBirth ? Number(holder.dateOfBirth.slice(0, 4)) : 0;
  const firstYear = Math.min(Math.max(2012, born + 1), DEMO_REFERENCE_YEAR - 1);
  const issueDate = randomDate(rng, firstYear, DEMO_REFERENCE_YEAR - 1);
  const years = type === 'passport' && rng.chance(0.3) ? 5 : VALIDITY_YEARS[type];
  const expiryDate = `${Number(issueDate.slice(0, 4)) + years}${issueDate.slice(4)}`;
  // Reported some time after issue, before expiry and before the world's reference year.
  const reported = randomDate(rng, Number(issueDate.slice(0, 4)), Math.min(Number(expiryDate.slice(0, 4)), DEMO_REFERENCE_YEAR - 1));
  const doc: DemoDocument = {
    id, index, number, issuingCountry: issuer.code, type, status: STATUSES.pick(rng), issueDate, expiryDate,
    reportedOn: reported < issueDate ? issueDate : reported > expiryDate ? expiryDate : reported, owner: ncbId(issuer.code),
  };
  if (holder) doc.holder = holder;
  return doc;
}

/** Document `index` of the world `seed`; holders are persons of the same world, among the first `personCount`. */
export function documentAt(seed: Seed, index: number, personCount: number): DemoDocument {
  return buildDocument(new Random(), new Random(), seedNumber(seed), index, personCount);
}

export interface DocumentStreamOptions {
  seed: Seed;
  count: number;
  /** Persons in the world: holders are drawn from them (none when 0). */
  personCount: number;
  start?: number;
}

/** Streams documents `start` … `start + count − 1` of the world `seed`. */
export function* generateDocuments({ seed, count, personCount, start = 0 }: DocumentStreamOptions): Generator<DemoDocument> {
  const rng = new Random();
  const holderRng = new Random();
  const s = seedNumber(seed);
  for (let i = start; i < start + count; i++) yield buildDocument(rng, holderRng, s, i, personCount);
}
