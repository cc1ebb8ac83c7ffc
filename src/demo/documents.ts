import { buildTd1Mrz, buildTd3Mrz } from '../documents/mrz-build.ts';
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

// ---- what the demo adds around a record: its zone, sightings by other members, recoveries ----------

/** ICAO document codes by type: P passport, PT a travel document for refugees or stateless persons, I / IR cards. */
const MRZ_CODES: Partial<Record<DemoDocumentType, { code: string; td: 1 | 3 }>> = {
  passport: { code: 'P', td: 3 }, travel_document: { code: 'PT', td: 3 }, identity_card: { code: 'I', td: 1 }, residence_permit: { code: 'IR', td: 1 },
};

/**
 * The machine-readable zone printed on the document (lines joined by `\n`), with valid check
 * digits, as a border officer would read it; null where there is none to read (a blank, a visa,
 * a document without a holder) or the number does not fit the format (over nine characters on a passport).
 */
export function demoMrz(doc: DemoDocument): string | null {
  const layout = MRZ_CODES[doc.type];
  if (!layout || !doc.holder || !doc.expiryDate || (layout.td === 3 && doc.number.length > 9)) return null;
  const dob = doc.holder.dateOfBirth;
  // Registers without a day or month of birth print 1 January, as many issuers do.
  const birthDate = !dob ? null : dob.length === 4 ? `${dob}-01-01` : dob.length === 7 ? `${dob}-01` : dob;
  if (!birthDate) return null;
  const input = {
    documentCode: layout.code, issuingState: doc.issuingCountry, documentNumber: doc.number, nationality: doc.holder.nationality,
    lastName: doc.holder.surname, firstNames: doc.holder.givenNames, birthDate, sex: doc.holder.sex, expirationDate: doc.expiryDate,
  };
  try {
    return layout.td === 3 ? buildTd3Mrz(input) : buildTd1Mrz(input);
  } catch {
    // A code the ICAO list does not know: the document simply has no zone in the demo.
    return null;
  }
}

/** A member other than the issuer reports having seen or seized the document. */
export interface DemoSighting {
  kind: 'seen' | 'seized';
  /** The reporting member's country (ISO alpha-3); its NCB owns the report. */
  reporter: string;
  observedOn: string;
  place: string;
  circumstances: string;
}

const SIGHTING_CIRCUMSTANCES: readonly [kind: DemoSighting['kind'], text: string][] = [
  ['seen', 'Presented at a land border crossing by a traveller who did not resemble the photo; the traveller withdrew.'],
  ['seen', 'Used to check in for a flight; the passenger did not board.'],
  ['seen', 'Copy found on the phone of a suspected smuggler during a search.'],
  ['seen', 'Presented at a hotel reception; the guest left before police arrived.'],
  ['seized', 'Seized from a passenger at the airport whose features did not match the holder\'s.'],
  ['seized', 'Found hidden in a lorry\'s cabin with other identity documents during a roadside check.'],
  ['seized', 'Seized in a search of a flat used by a smuggling network, with blank visas and stamps.'],
];
// Most sightings are in transit and destination countries, where stolen documents are used.
const REPORTERS = new Weighted<DemoCountry>(DEMO_COUNTRIES.map((c) => [c, c.flows.includes('origin') && c.flows.length === 1 ? 0.3 : c.flows.includes('destination') ? 3 : 2]));

/** About one document in this many has been seen or seized abroad (never a revoked or invalidated one). */
export const SIGHTING_EVERY = 100;

/** The sighting of document `doc` in world `seed`, if it has one: only stolen, lost, forged and counterfeit documents turn up. */
export function demoSighting(seed: Seed, doc: DemoDocument): DemoSighting | undefined {
  if (doc.index % SIGHTING_EVERY !== 17 || doc.status === 'revoked' || doc.status === 'invalidated') return undefined;
  const rng = new Random().reseed(seedNumber(seed), STREAMS.documentReport, doc.index);
  let reporter = REPORTERS.pick(rng);
  if (reporter.code === doc.issuingCountry) reporter = DEMO_COUNTRIES.find((c) => c.code !== doc.issuingCountry && c.flows.includes('destination'))!;
  const [kind, circumstances] = rng.pick(SIGHTING_CIRCUMSTANCES);
  const seen = randomDate(rng, Number(doc.reportedOn.slice(0, 4)), DEMO_REFERENCE_YEAR - 1);
  return { kind, reporter: reporter.code, observedOn: seen < doc.reportedOn ? doc.reportedOn : seen, place: rng.pick(reporter.cities), circumstances };
}

/** One lost or stolen document in this many was later recovered: its owner withdrew the record. */
export const RECOVERED_EVERY = 200;

/** Why the owner withdrew the record of `doc`, for the few that were recovered; undefined for the rest. */
export function demoRecovery(doc: DemoDocument): string | undefined {
  if (doc.index % RECOVERED_EVERY !== 29 || (doc.status !== 'lost' && doc.status !== 'stolen')) return undefined;
  return doc.status === 'lost' ? 'Found by the holder and handed back at the passport office.' : 'Recovered by the police and returned to the holder.';
}

/** Where and how the document went missing or was found false, as the issuing country's record says; fixed by the document's index. */
export function demoCircumstances(doc: DemoDocument): { place: string | null; circumstances: string } {
  const country = demoCountry(doc.issuingCountry);
  const city = country ? country.cities[doc.index % country.cities.length] : null;
  const pick = (texts: readonly string[]) => texts[doc.index % texts.length];
  switch (doc.status) {
    case 'lost': return { place: city, circumstances: pick(['Reported lost by the holder.', 'Lost while travelling; reported at a consulate.', 'Lost in a move; the holder applied for a replacement.']) };
    case 'stolen': return { place: city, circumstances: pick(['Stolen with a bag from a car.', 'Stolen in a burglary of the holder\'s home.', 'Taken from the holder by a recruiter on arrival abroad.', 'Pickpocketed at a railway station.']) };
    case 'revoked': return { place: null, circumstances: pick(['Revoked: obtained with a false birth certificate.', 'Revoked after the holder was reported to be travelling on it under a court-ordered ban.']) };
    case 'invalidated': return { place: null, circumstances: 'Invalidated when a replacement was issued.' };
    case 'counterfeit': return { place: city, circumstances: pick(['Counterfeit: printed on a commercial printer, no genuine security features.', 'Counterfeit of this series detected at a border crossing.']) };
    case 'forged': return { place: city, circumstances: pick(['Genuine document with the photo substituted.', 'Genuine document with the data page altered (dates and name).']) };
    case 'stolen_blank': return { place: city, circumstances: pick(['Blank booklet stolen from a personalisation centre.', 'Blank booklet stolen in transit to a consulate.']) };
  }
}
