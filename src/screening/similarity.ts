// Similarity of two normalised names, order-free, with an explanation of every token match.
import { alignCodes, pairFamily } from './phonetic.ts';
import {
  BARE_LATIN_LEN, BARE_PHON_LEN, bareLatinAt, barePhonAt, FAMILY, FAMILY_CODE, jaroWinklerCodes, KIND, KIND_CODE, LATIN_LEN,
  latinAt, PHON_LEN, phonAt, sameCodes, SCRIPT, VARIANT,
} from './spelling-codes.ts';
import type { SpellingCodes } from './spelling-codes.ts';
import { joinTokens } from './names.ts';
import type { NameToken, NormalisedName } from './names.ts';

export type MatchKind = 'exact' | 'variant' | 'phonetic' | 'transliteration' | 'typo' | 'initial' | 'particle' | 'compound';

export interface TokenComparison {
  similarity: number;
  how: MatchKind;
}

export interface TokenMatch {
  /** Query tokens (two when they were written together in the record, or the other way round). */
  query: string[];
  record: string[];
  how: MatchKind;
  similarity: number;
  /** Weight of the pair in the name score (frequency-aware when an index supplied one). */
  weight: number;
}

export interface NameComparison {
  /** Similarity in [0, 1]. */
  score: number;
  matches: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedRecord: string[];
}

/** Below this a token pair is not a match at all. */
export const MIN_TOKEN_SIMILARITY = 0.45;
const VARIANT_SIMILARITY = 0.95;
const PHONETIC_SIMILARITY = 0.95;
const INITIAL_SIMILARITY = 0.9;
const ARTICLE_FACTOR = 0.97;
const TYPO_FLOOR = 0.85;
/** Share of the name score taken by the better-covered side; the rest by the other side. */
const BETTER_SIDE_SHARE = 0.7;

export const NO_MATCH: TokenComparison = Object.freeze({ similarity: 0, how: 'typo' });

/** Upper bound of Jaro-Winkler from the lengths alone (all of the shorter matched, full prefix). */
function jaroBound(n: number, m: number): number {
  const ratio = Math.min(n, m) / Math.max(n, m);
  return 0.6 * ((2 + ratio) / 3) + 0.4;
}

const EXACT: TokenComparison = Object.freeze({ similarity: 1, how: 'exact' });
const SAME_TRANSLITERATED: TokenComparison = Object.freeze({ similarity: 1, how: 'transliteration' });
const SAME_SOUND: TokenComparison = Object.freeze({ similarity: PHONETIC_SIMILARITY, how: 'phonetic' });
const SAME_SOUND_TRANSLITERATED: TokenComparison = Object.freeze({ similarity: PHONETIC_SIMILARITY, how: 'transliteration' });
const SAME_VARIANT: TokenComparison = Object.freeze({ similarity: VARIANT_SIMILARITY, how: 'variant' });
const SAME_INITIAL: TokenComparison = Object.freeze({ similarity: INITIAL_SIMILARITY, how: 'initial' });

const INITIAL = KIND_CODE.initial;
/** Families whose spellings are made by rules close enough for a typing distance to mean something. */
const TYPED_FAMILY_MAX = FAMILY_CODE.alphabet;

/**
 * Compares one spelling of each token (the written one, or the one without an article when
 * `aBare` / `bBare`): equal, equal in sound, the sound alignment, or a typing error.
 */
function compareSpellings(a: SpellingCodes, at: number, aBare: boolean, b: SpellingCodes, bt: number, bBare: boolean, atLeast: number): TokenComparison {
  const aL = aBare ? bareLatinAt(a, at) : latinAt(at);
  const aLen = a[at + (aBare ? BARE_LATIN_LEN : LATIN_LEN)];
  const aP = aBare ? barePhonAt(a, at) : phonAt(a, at);
  const aPLen = a[at + (aBare ? BARE_PHON_LEN : PHON_LEN)];
  const bL = bBare ? bareLatinAt(b, bt) : latinAt(bt);
  const bLen = b[bt + (bBare ? BARE_LATIN_LEN : LATIN_LEN)];
  const bP = bBare ? barePhonAt(b, bt) : phonAt(b, bt);
  const bPLen = b[bt + (bBare ? BARE_PHON_LEN : PHON_LEN)];
  const sameScript = a[at + SCRIPT] === b[bt + SCRIPT];
  if (sameCodes(a, aL, aLen, b, bL, bLen)) return sameScript ? EXACT : SAME_TRANSLITERATED;
  if (sameCodes(a, aP, aPLen, b, bP, bPLen)) return sameScript ? SAME_SOUND : SAME_SOUND_TRANSLITERATED;
  const family = pairFamily(a[at + FAMILY], b[bt + FAMILY]);
  // Below the floor the exact similarity does not matter: let the alignment stop early (the
  // margin keeps a pair exactly at the floor from being lost to rounding).
  const sound = alignCodes(a, aP, aPLen, b, bP, bPLen, family, (atLeast / PHONETIC_SIMILARITY) * (1 - 1e-9)) * PHONETIC_SIMILARITY;
  // Spelling distance means something only between spellings made by the same kind of rules, and
  // only when high: Jaro-Winkler gives unrelated names 0.6–0.7, where the alignment gives ~0.3.
  const typoFloor = Math.max(TYPO_FLOOR, sound);
  const typo = family <= TYPED_FAMILY_MAX && jaroBound(aLen, bLen) >= typoFloor
    ? jaroWinklerCodes(a, aL, aLen, b, bL, bLen, typoFloor) : 0;
  if (typo >= TYPO_FLOOR && typo >= sound) return { similarity: typo, how: 'typo' };
  if (sound === 0) return NO_MATCH;
  return { similarity: sound, how: sameScript ? 'phonetic' : 'transliteration' };
}

/** An initial against a full name: the same first letter as written, or the same first sound. */
function initialMatches(initial: SpellingCodes, it: number, full: SpellingCodes, ft: number): boolean {
  const iLen = initial[it + LATIN_LEN];
  const fLen = full[ft + LATIN_LEN];
  if (iLen <= fLen && sameCodes(initial, latinAt(it), iLen, full, latinAt(ft), iLen)) return true;
  const firstSound = (c: SpellingCodes, t: number): number => (c[t + PHON_LEN] ? c[phonAt(c, t)] : -1);
  return firstSound(initial, it) === firstSound(full, ft);
}

/**
 * Compares two tokens, each a run of codes (see spelling-codes.ts): the best of exact, variant,
 * phonetic, typo, initial and article-less forms. The result is exact when its similarity is at
 * least `atLeast`; below it, it is only known to be below.
 */
export function compareCodes(a: SpellingCodes, at: number, b: SpellingCodes, bt: number, atLeast = MIN_TOKEN_SIMILARITY): TokenComparison {
  const aInitial = a[at + KIND] === INITIAL;
  const bInitial = b[bt + KIND] === INITIAL;
  if (aInitial || bInitial) {
    if (aInitial && bInitial) return sameCodes(a, latinAt(at), a[at + LATIN_LEN], b, latinAt(bt), b[bt + LATIN_LEN]) ? EXACT : NO_MATCH;
    const same = aInitial ? initialMatches(a, at, b, bt) : initialMatches(b, bt, a, at);
    return same ? SAME_INITIAL : NO_MATCH;
  }
  const variant = a[at + VARIANT];
  if (variant !== 0 && variant === b[bt + VARIANT] && !sameCodes(a, latinAt(at), a[at + LATIN_LEN], b, latinAt(bt), b[bt + LATIN_LEN])) return SAME_VARIANT;
  const best = compareSpellings(a, at, false, b, bt, false, atLeast);
  if (best.similarity >= PHONETIC_SIMILARITY) return best;
  // "Alrashid" against "Rashid": the article is a particle glued on, not part of the name.
  let bare: TokenComparison;
  if (a[at + BARE_LATIN_LEN]) bare = compareSpellings(a, at, true, b, bt, false, atLeast);
  else if (b[bt + BARE_LATIN_LEN]) bare = compareSpellings(a, at, false, b, bt, true, atLeast);
  else return best;
  const sim = bare.similarity * ARTICLE_FACTOR;
  return sim > best.similarity ? { similarity: sim, how: 'particle' } : best;
}

/** Compares two tokens: the best of exact, variant, phonetic, typo, initial and article-less forms. */
export function compareTokens(a: NameToken, b: NameToken): TokenComparison {
  return compareCodes(a.codes, 0, b.codes, 0);
}

/** Weight of a token in a name score: the token's own weight unless an index knows its frequency. */
export type TokenWeigher = (token: NameToken) => number;

/** Token comparison and joining, replaceable so that an index can cache them. */
export interface TokenComparer {
  compare(a: NameToken, b: NameToken): TokenComparison;
  join(a: NameToken, b: NameToken): NameToken;
  /** Compares `a` with `b1` and `b2` written as one: what `compare(a, join(b1, b2))` gives. */
  compareJoined(a: NameToken, b1: NameToken, b2: NameToken): TokenComparison;
}

export const DIRECT_COMPARER: TokenComparer = {
  compare: compareTokens, join: joinTokens, compareJoined: (a, b1, b2) => compareTokens(a, joinTokens(b1, b2)),
};

/** A possible pairing: query tokens qa (and qb, when joined) with record tokens ra (and rb). */
interface Candidate { qa: number; qb: number; ra: number; rb: number; sim: number; how: MatchKind }

const joinable = (t: NameToken): boolean => t.kind !== 'initial';

function singles(q: NameToken[], r: NameToken[], comparer: TokenComparer, out: Candidate[]): void {
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < r.length; j++) {
      const c = comparer.compare(q[i], r[j]);
      if (c.similarity >= MIN_TOKEN_SIMILARITY) out.push({ qa: i, qb: -1, ra: j, rb: -1, sim: c.similarity, how: c.how });
    }
  }
}

/** Marks a token paired with an identical one by the single-token pairing (see `joins`). */
const USED_EXACTLY = 2;

/**
 * Names written together on one side and apart on the other: Abdulrahman / Abdul Rahman. Only
 * joins that contain a token left without a partner by the single-token pairing are tried, and
 * not against a token that already has an identical partner: a join, unless identical to it,
 * scores below 1 and so comes after that partner in the greedy pairing.
 */
function joins(q: NameToken[], r: NameToken[], comparer: TokenComparer, out: Candidate[], usedQ: Uint8Array, usedR: Uint8Array): void {
  for (let i = 0; i + 1 < q.length; i++) {
    if (!joinable(q[i]) || !joinable(q[i + 1]) || (usedQ[i] && usedQ[i + 1])) continue;
    // Joined only once some partner could take it: a join costs more than most comparisons.
    let pair: NameToken | undefined;
    for (let j = 0; j < r.length; j++) {
      if (!joinable(r[j]) || (usedR[j] === USED_EXACTLY && !isJoinOf(r[j], q[i], q[i + 1]))) continue;
      pair ??= comparer.join(q[i], q[i + 1]);
      const c = comparer.compare(pair, r[j]);
      if (c.similarity >= MIN_TOKEN_SIMILARITY) out.push({ qa: i, qb: i + 1, ra: j, rb: -1, sim: c.similarity, how: compoundHow(c.how) });
    }
  }
  for (let j = 0; j + 1 < r.length; j++) {
    if (!joinable(r[j]) || !joinable(r[j + 1]) || (usedR[j] && usedR[j + 1])) continue;
    for (let i = 0; i < q.length; i++) {
      if (!joinable(q[i]) || (usedQ[i] === USED_EXACTLY && !isJoinOf(q[i], r[j], r[j + 1]))) continue;
      const c = comparer.compareJoined(q[i], r[j], r[j + 1]);
      if (c.similarity >= MIN_TOKEN_SIMILARITY) out.push({ qa: i, qb: -1, ra: j, rb: j + 1, sim: c.similarity, how: compoundHow(c.how) });
    }
  }
}

/** Whether `whole` is spelt as `a` and `b` joined (see joinTokens), without joining them. */
function isJoinOf(whole: NameToken, a: NameToken, b: NameToken): boolean {
  return whole.latin.length === a.latin.length + b.latin.length && whole.latin.startsWith(a.latin) && whole.latin.endsWith(b.latin);
}

const compoundHow = (how: MatchKind): MatchKind => (how === 'exact' || how === 'typo' ? 'compound' : how);

// Best similarity first; among equals, the pair covering more tokens.
const byStrength = (x: Candidate, y: Candidate): number =>
  y.sim - x.sim || (Number(y.qb >= 0) + Number(y.rb >= 0)) - (Number(x.qb >= 0) + Number(x.rb >= 0));

/** Greedy pairing, best candidates first; returns the chosen candidates. */
function pair(cands: Candidate[], usedQ: Uint8Array, usedR: Uint8Array): Candidate[] {
  cands.sort(byStrength);
  usedQ.fill(0);
  usedR.fill(0);
  const chosen: Candidate[] = [];
  for (const c of cands) {
    if (usedQ[c.qa] || (c.qb >= 0 && usedQ[c.qb]) || usedR[c.ra] || (c.rb >= 0 && usedR[c.rb])) continue;
    const mark = c.sim >= 1 && c.qb < 0 && c.rb < 0 ? USED_EXACTLY : 1;
    usedQ[c.qa] = mark;
    if (c.qb >= 0) usedQ[c.qb] = 1;
    usedR[c.ra] = mark;
    if (c.rb >= 0) usedR[c.rb] = 1;
    chosen.push(c);
  }
  return chosen;
}

const EMPTY: NameComparison = { score: 0, matches: [], unmatchedQuery: [], unmatchedRecord: [] };

/**
 * Order-free similarity of two names. Tokens are paired greedily, best pairs first; each side's
 * coverage is the weighted share of its tokens that found a partner (times the pair's similarity),
 * so a missing middle name costs little and an unmatched rare surname costs a lot. Without
 * `explain` the matches are not listed (the score is the same), which saves a search's time.
 */
export function compareNames(
  query: NormalisedName, record: NormalisedName,
  weigh: TokenWeigher = (t) => t.weight, comparer: TokenComparer = DIRECT_COMPARER, explain = true,
): NameComparison {
  const q = query.tokens;
  const r = record.tokens;
  if (q.length === 0 || r.length === 0) return EMPTY;
  const cands: Candidate[] = [];
  singles(q, r, comparer, cands);
  const usedQ = new Uint8Array(q.length);
  const usedR = new Uint8Array(r.length);
  let chosen = pair(cands, usedQ, usedR);
  // Joined tokens are only worth trying when some token is left without a partner.
  if ((q.length > 1 || r.length > 1) && (usedQ.includes(0) || usedR.includes(0))) {
    joins(q, r, comparer, cands, usedQ, usedR);
    chosen = pair(cands, usedQ, usedR);
  }
  let got = 0;
  let totQ = 0;
  let totR = 0;
  const matches: TokenMatch[] = [];
  for (const c of chosen) {
    const qW = weigh(q[c.qa]) + (c.qb >= 0 ? weigh(q[c.qb]) : 0);
    const rW = weigh(r[c.ra]) + (c.rb >= 0 ? weigh(r[c.rb]) : 0);
    // An initial confirms a name only as much as the initial itself weighs.
    const pairW = c.how === 'initial' ? Math.min(qW, rW) : (qW + rW) / 2;
    got += pairW * c.sim;
    totQ += pairW;
    totR += pairW;
    if (explain) {
      matches.push({
        query: c.qb >= 0 ? [q[c.qa].latin, q[c.qb].latin] : [q[c.qa].latin],
        record: c.rb >= 0 ? [r[c.ra].latin, r[c.rb].latin] : [r[c.ra].latin],
        how: c.how, similarity: c.sim, weight: pairW,
      });
    }
  }
  const unmatchedQuery: string[] = [];
  const unmatchedRecord: string[] = [];
  for (let i = 0; i < q.length; i++) if (!usedQ[i]) { totQ += weigh(q[i]); if (explain) unmatchedQuery.push(q[i].latin); }
  for (let j = 0; j < r.length; j++) if (!usedR[j]) { totR += weigh(r[j]); if (explain) unmatchedRecord.push(r[j].latin); }
  const covQ = totQ > 0 ? got / totQ : 0;
  const covR = totR > 0 ? got / totR : 0;
  const score = BETTER_SIDE_SHARE * Math.max(covQ, covR) + (1 - BETTER_SIDE_SHARE) * Math.min(covQ, covR);
  return { score, matches, unmatchedQuery, unmatchedRecord };
}

/** The best comparison over every pair of the two persons' names (aliases included). */
export function compareNameSets(
  queries: NormalisedName[], records: NormalisedName[],
  weigh?: TokenWeigher, comparer?: TokenComparer, explain = true,
): NameComparison & { queryName: string; recordName: string } {
  let best: NameComparison = EMPTY;
  let queryName = '';
  let recordName = '';
  for (const qn of queries) {
    for (const rn of records) {
      const c = compareNames(qn, rn, weigh, comparer, explain);
      if (c.score > best.score || !queryName) {
        best = c;
        queryName = qn.raw;
        recordName = rn.raw;
      }
    }
  }
  return { ...best, queryName, recordName };
}
