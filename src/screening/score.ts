// Screening score: name similarity combined with date of birth, nationality, sex and
// identifiers. Each feature moves the name score in log-odds, so a name-only comparison scores
// exactly its name similarity and every other feature's effect can be read off the explanation.
import countries from 'i18n-iso-countries';
import { normaliseName } from './names.ts';
import type { NormalisedName } from './names.ts';
import { compareNameSets } from './similarity.ts';
import type { NameComparison, TokenComparer, TokenWeigher } from './similarity.ts';
import { compareParsedDobs, parseDates } from './dates.ts';
import type { DobAgreement, WrittenDate } from './dates.ts';

export interface Identifier {
  /** passport, national-id, visa, driving-licence…; free text, compared case-insensitively. */
  type?: string;
  value: string;
  /** Issuing country (ISO 3166 alpha-2 or alpha-3). */
  country?: string;
}

/** What is known of a person: a record in the index, or what an officer screens. */
export interface PersonFacts {
  names: string[];
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; several when sources disagree. */
  dob?: string[];
  nationality?: string[];
  sex?: 'M' | 'F' | 'X';
  identifiers?: Identifier[];
}

/** Facts with names normalised and codes canonicalised once, so comparing is cheap. */
export interface PreparedPerson {
  facts: PersonFacts;
  names: NormalisedName[];
  dob: WrittenDate[];
  nationality: string[];
  identifiers: { type: string; value: string; country: string }[];
}

export type Feature = 'name' | 'dob' | 'nationality' | 'sex' | 'identifier';

export interface FeatureEffect {
  feature: Feature;
  /** Human-readable reason, e.g. "dob 1980-05-12 = 1980-05-12 (exact)". */
  detail: string;
  /** Change in log-odds; for the name, the log-odds of the name similarity itself. */
  effect: number;
}

export interface ScreeningScore {
  score: number;
  name: NameComparison & { queryName: string; recordName: string };
  features: FeatureEffect[];
}

export type ScreeningUse = 'frontline' | 'analyst';

/**
 * Score at or above which a candidate is reported. Frontline screening answers hit / no-hit and
 * must not miss a wanted person, so it reports more: 0.5 is the rounded best-F1 threshold that
 * eval/screening.ts picks on the calibration half of the cross-script pairs (0.475), where
 * recall is 0.95. The analyst's ranked list starts higher because every line costs reading time.
 */
export const THRESHOLDS: Readonly<Record<ScreeningUse, number>> = Object.freeze({ frontline: 0.5, analyst: 0.6 });

const DOB_EFFECT: Record<DobAgreement, number> = {
  exact: 2, 'same-month': 1, 'day-month-swapped': 1.2, 'same-year': 0.6, 'one-digit': 0.6,
  'year-off-by-one': 0.5, near: -1, different: -4,
};
const NATIONALITY_MATCH = 0.3;
const NATIONALITY_MISMATCH = -0.3;
const SEX_MATCH = 0.1;
const SEX_MISMATCH = -1;
const IDENTIFIER_MATCH = 6;

// ICAO 9303 codes that are not ISO 3166 alpha-3.
const ICAO_COUNTRIES: Record<string, string> = { D: 'DE', GBD: 'GB', GBN: 'GB', GBO: 'GB', GBP: 'GB', GBS: 'GB', UNK: 'XK', RKS: 'XK' };

/** ISO 3166 alpha-2 for an alpha-2, alpha-3 or ICAO code; other codes upper-cased as given. */
export function countryCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (ICAO_COUNTRIES[c]) return ICAO_COUNTRIES[c];
  if (c.length === 3) return countries.alpha3ToAlpha2(c) ?? c;
  return c;
}

/** An identifier as compared: letters and digits only, upper case ("AB 123-456" = "ab123456"). */
export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
}

// Shared empty lists: an index holds a million prepared persons, most without identifiers.
const NONE: never[] = [];

export function preparePerson(facts: PersonFacts): PreparedPerson {
  return { ...prepareOtherFacts(facts), names: facts.names.map(normaliseName) };
}

/** preparePerson without the names, for a caller that has them normalised already. */
export function prepareOtherFacts(facts: PersonFacts): Omit<PreparedPerson, 'names'> {
  const identifiers = (facts.identifiers ?? [])
    .map((i) => ({ type: (i.type ?? '').trim().toLowerCase(), value: normaliseIdentifier(i.value), country: i.country ? countryCode(i.country) : '' }))
    .filter((i) => i.value.length >= 3);
  const dob = parseDates(facts.dob ?? NONE);
  return {
    facts,
    dob: dob.length ? dob : NONE,
    nationality: facts.nationality?.length ? [...new Set(facts.nationality.map(countryCode))] : NONE,
    identifiers: identifiers.length ? identifiers : NONE,
  };
}

/** Whether scoring against this query reads more of a record than its names. */
export function needsOtherFacts(query: PreparedPerson): boolean {
  return query.dob.length > 0 || query.nationality.length > 0 || query.identifiers.length > 0 || Boolean(query.facts.sex);
}

// The name's log-odds are bounded so that a matching document number or a conflicting date can
// still outweigh it: names alone are never certain either way.
const logit = (p: number): number => {
  const c = Math.min(0.97, Math.max(0.03, p));
  return Math.log(c / (1 - c));
};
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function identifierEffect(q: PreparedPerson, r: PreparedPerson): FeatureEffect | null {
  for (const a of q.identifiers) {
    for (const b of r.identifiers) {
      if (a.value !== b.value) continue;
      if (a.type && b.type && a.type !== b.type) continue;
      if (a.country && b.country && a.country !== b.country) continue;
      return { feature: 'identifier', detail: `${a.type || 'identifier'} ${a.value} matches`, effect: IDENTIFIER_MATCH };
    }
  }
  return null;
}

/** Options for comparing names with corpus frequencies and cached token comparisons. */
export interface ScoreContext {
  weigh?: TokenWeigher;
  comparer?: TokenComparer;
  /** False to compute the score alone (no token matches, no feature texts): for ranking many. */
  explain?: boolean;
}

/** Scores a record against a query; every feature that moved the score is in `features`. */
export function scorePerson(query: PreparedPerson, record: PreparedPerson, ctx: ScoreContext = {}): ScreeningScore {
  const explain = ctx.explain ?? true;
  const name = compareNameSets(query.names, record.names, ctx.weigh, ctx.comparer, explain);
  const nameLogit = logit(name.score);
  const features: FeatureEffect[] = [{ feature: 'name', detail: explain ? `name "${name.queryName}" ~ "${name.recordName}" ${name.score.toFixed(2)}` : '', effect: nameLogit }];
  addOtherFeatures(query, record, features, explain);
  // With the name alone the score is the name similarity; other features shift its log-odds. A
  // query with other facts puts every record on the log-odds scale, where the name's certainty is
  // capped: otherwise a namesake with no date of birth (score 1) outranked the namesake born on the
  // queried day (0.996).
  const score = !needsOtherFacts(query) ? name.score : sigmoid(features.reduce((s, f) => s + f.effect, 0));
  return { score, name, features };
}

/**
 * The features besides the name: date of birth, nationality, sex, identifiers. Without
 * `explain` the details stay empty: ranking a shortlist needs only the effects.
 */
function addOtherFeatures(query: PreparedPerson, record: PreparedPerson, features: FeatureEffect[], explain: boolean): void {
  // Most analyst searches give a name alone: nothing else to compare.
  if (!needsOtherFacts(query)) return;
  const dob = compareParsedDobs(query.dob, record.dob);
  if (dob) features.push({ feature: 'dob', detail: explain ? `dob ${dob.query} ~ ${dob.record} (${dob.agreement})` : '', effect: DOB_EFFECT[dob.agreement] });
  if (query.nationality.length && record.nationality.length) {
    const shared = query.nationality.filter((c) => record.nationality.includes(c));
    features.push(shared.length
      ? { feature: 'nationality', detail: explain ? `nationality ${shared.join(', ')} shared` : '', effect: NATIONALITY_MATCH }
      : { feature: 'nationality', detail: explain ? `nationality ${query.nationality.join(', ')} ≠ ${record.nationality.join(', ')}` : '', effect: NATIONALITY_MISMATCH });
  }
  const qs = query.facts.sex;
  const rs = record.facts.sex;
  if ((qs === 'M' || qs === 'F') && (rs === 'M' || rs === 'F')) {
    features.push({ feature: 'sex', detail: explain ? (qs === rs ? `sex ${qs} matches` : `sex ${qs} ≠ ${rs}`) : '', effect: qs === rs ? SEX_MATCH : SEX_MISMATCH });
  }
  const id = identifierEffect(query, record);
  if (id) features.push(id);
}

/**
 * The highest score the record could get, whatever its names: the other features as they are,
 * the name at its most certain. Cheap next to comparing names, so a search with a threshold
 * skips records that a conflicting date of birth already keeps below it.
 */
export function scoreCeiling(query: PreparedPerson, record: PreparedPerson): number {
  const features: FeatureEffect[] = [];
  addOtherFeatures(query, record, features, false);
  if (!features.length) return 1;
  return sigmoid(features.reduce((s, f) => s + f.effect, logit(1)));
}

/** Compares two persons given as plain facts (normalises both; prefer preparePerson when reusing). */
export function scoreFacts(query: PersonFacts, record: PersonFacts, ctx?: ScoreContext): ScreeningScore {
  return scorePerson(preparePerson(query), preparePerson(record), ctx);
}

/** Whether a score is reported for the given use. */
export function isHit(score: number, use: ScreeningUse): boolean {
  return score >= THRESHOLDS[use];
}
