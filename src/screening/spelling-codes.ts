// A token as one small run of 16-bit codes: what it is (kind, script, family, variant group)
// and its spellings. Comparing tokens is the hot loop of screening (over a thousand comparisons
// a search at a million records); reading one compact run per token instead of an object, its
// strings and its sub-objects scattered over a gigabyte heap saves most of the cache misses, and
// lets the vocabulary keep every token's run side by side in one array.
import type { TokenKind } from './names.ts';
import type { Script, ScriptFamily } from './scripts.ts';
import { variantGroupOf } from './variants.ts';

/** Codes of one token, or of many side by side (each run starts at an offset). */
export type SpellingCodes = Uint16Array;

// Header fields, at the run's offset.
export const LATIN_LEN = 0;
export const PHON_LEN = 1;
export const BARE_LATIN_LEN = 2;
export const BARE_PHON_LEN = 3;
export const KIND = 4;
export const SCRIPT = 5;
export const FAMILY = 6;
/** 0 when the name has no known romanisation variants, else its variant group + 1. */
export const VARIANT = 7;
const HEADER = 8;

export const KIND_CODE: Record<TokenKind, number> = { name: 0, particle: 1, initial: 2 };
export const FAMILY_CODES: readonly ScriptFamily[] = ['latin', 'alphabet', 'abjad', 'syllabic'];
export const FAMILY_CODE: Record<ScriptFamily, number> = { latin: 0, alphabet: 1, abjad: 2, syllabic: 3 };
const SCRIPT_CODE: Record<Script, number> = {
  latin: 0, cyrillic: 1, greek: 2, armenian: 3, georgian: 4, arabic: 5, hebrew: 6, indic: 7,
  'southeast-asian': 8, han: 9, kana: 10, hangul: 11, other: 12,
};

export interface EncodableToken {
  latin: string;
  phon: string;
  kind: TokenKind;
  script: Script;
  family: ScriptFamily;
  variant?: string;
  bare?: { latin: string; phon: string };
}

/** Header, then the Latin, phonetic, bare Latin and bare phonetic spellings' codes. */
export function encodeToken(t: EncodableToken): SpellingCodes {
  const parts = t.bare ? [t.latin, t.phon, t.bare.latin, t.bare.phon] : [t.latin, t.phon, '', ''];
  const codes = new Uint16Array(HEADER + parts.reduce((n, p) => n + p.length, 0));
  let at = HEADER;
  parts.forEach((part, i) => {
    codes[LATIN_LEN + i] = part.length;
    for (let k = 0; k < part.length; k++) codes[at++] = part.charCodeAt(k);
  });
  codes[KIND] = KIND_CODE[t.kind];
  codes[SCRIPT] = SCRIPT_CODE[t.script];
  codes[FAMILY] = FAMILY_CODE[t.family];
  codes[VARIANT] = t.variant === undefined ? 0 : variantGroupOf(t.variant) + 1;
  return codes;
}

/** Where the run starting at `at` keeps each spelling. */
export const latinAt = (at: number): number => at + HEADER;
export const phonAt = (c: SpellingCodes, at: number): number => at + HEADER + c[at + LATIN_LEN];
export const bareLatinAt = (c: SpellingCodes, at: number): number => phonAt(c, at) + c[at + PHON_LEN];
export const barePhonAt = (c: SpellingCodes, at: number): number => bareLatinAt(c, at) + c[at + BARE_LATIN_LEN];
/** Codes a run takes in all. */
export const runLength = (c: SpellingCodes, at: number): number =>
  HEADER + c[at + LATIN_LEN] + c[at + PHON_LEN] + c[at + BARE_LATIN_LEN] + c[at + BARE_PHON_LEN];

/** Whether two ranges of codes hold the same characters. */
export function sameCodes(a: SpellingCodes, aAt: number, n: number, b: SpellingCodes, bAt: number, m: number): boolean {
  if (n !== m) return false;
  for (let k = 0; k < n; k++) if (a[aAt + k] !== b[bAt + k]) return false;
  return true;
}

let matchedIn = new Int32Array(64);
let taken = new Uint8Array(64);
const letterCounts = new Int32Array(128);

const BOOST_THRESHOLD = 0.7;
const PREFIX_SCALE = 0.1;

/**
 * Whether Jaro-Winkler could reach `atLeast` (above the boost threshold): Jaro counts at most
 * as many matches as the letters the two have in common, whatever their order.
 */
function couldReach(a: SpellingCodes, aAt: number, n: number, b: SpellingCodes, bAt: number, m: number, atLeast: number): boolean {
  let prefix = 0;
  const limit = Math.min(n, m, 4);
  while (prefix < limit && a[aAt + prefix] === b[bAt + prefix]) prefix++;
  const boost = prefix * PREFIX_SCALE;
  const needed = Math.max(BOOST_THRESHOLD, (atLeast - boost) / (1 - boost));
  for (let i = 0; i < n; i++) letterCounts[a[aAt + i] & 127]++;
  let common = 0;
  for (let j = 0; j < m; j++) {
    const c = b[bAt + j] & 127;
    if (letterCounts[c] > 0) { common++; letterCounts[c]--; }
  }
  for (let i = 0; i < n; i++) letterCounts[a[aAt + i] & 127] = 0;
  return (common / n + common / m + 1) / 3 >= needed - 1e-9;
}

/**
 * Jaro-Winkler similarity (boost above 0.7, prefix scale 0.1, at most 4 prefix letters) of two
 * ranges of codes, computed exactly as talisman's `jaro-winkler` computes it on strings (a test
 * holds the two equal), without allocating. Returns 0 early when the similarity cannot reach
 * `atLeast` (which must be above the boost threshold to prune).
 */
export function jaroWinklerCodes(a: SpellingCodes, aAt: number, n: number, b: SpellingCodes, bAt: number, m: number, atLeast = 0): number {
  if (sameCodes(a, aAt, n, b, bAt, m)) return 1;
  if (atLeast > BOOST_THRESHOLD && !couldReach(a, aAt, n, b, bAt, m, atLeast)) return 0;
  // The shorter one looks for its letters in the longer one (the second on a tie).
  const swap = n > m;
  const s = swap ? b : a;
  const sAt = swap ? bAt : aAt;
  const sLen = swap ? m : n;
  const l = swap ? a : b;
  const lAt = swap ? aAt : bAt;
  const lLen = swap ? n : m;
  if (lLen > taken.length) { taken = new Uint8Array(lLen * 2); matchedIn = new Int32Array(lLen * 2); }
  taken.fill(0, 0, lLen);
  const range = Math.max(((lLen / 2) | 0) - 1, 0);
  let matches = 0;
  for (let i = 0; i < sLen; i++) {
    matchedIn[i] = -1;
    const ch = s[sAt + i];
    const end = Math.min(i + range + 1, lLen);
    for (let j = Math.max(i - range, 0); j < end; j++) {
      if (!taken[j] && ch === l[lAt + j]) {
        matchedIn[i] = j;
        taken[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  // Matched letters of each side in its own order; pairs that differ are transpositions.
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < sLen; i++) {
    if (matchedIn[i] < 0) continue;
    while (!taken[j]) j++;
    if (s[sAt + i] !== l[lAt + j]) transpositions++;
    j++;
  }
  const t = (transpositions / 2) | 0;
  const jaro = (matches / n + matches / m + (matches - t) / matches) / 3;
  if (jaro < BOOST_THRESHOLD) return jaro;
  let prefix = 0;
  const limit = Math.min(n, m, 4);
  while (prefix < limit && a[aAt + prefix] === b[bAt + prefix]) prefix++;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}
