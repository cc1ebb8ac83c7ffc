// Phonetic spelling, consonant skeleton and sound-aware alignment of name tokens.
//
// The phonetic spelling rewrites the orthographies names are romanised in (English, French,
// German, Polish, Dutch, Slavic and Arabic romanisations, pinyin, Hepburn, Revised Romanization)
// to one alphabet: lower-case letters plus C (ch as in church), S (sh), Z (zh), J (dj), X (kh),
// T (ts). The skeleton keeps only consonant classes, which is what survives writing a name in an
// abjad (no vowels) or a syllabary (extra vowels): it is the blocking key across scripts.
import type { ScriptFamily, Script } from './scripts.ts';
import { FAMILY_CODE, FAMILY_CODES } from './spelling-codes.ts';

const SUFFIXES: [RegExp, string][] = [
  // Slavic patronymics and surnames romanised per language: -ovich, -owitsch, -ovitj, -ovič, -ovics.
  [/(?:v|w)(?:i|y)(?:tsch|tch|tsj|tj|ch|cz|cs|ci|c|x)$/, 'vich'],
  [/(?:sk|tsk|ck|zk)(?:iy|ij|ii|yi|yj|y|i)$/, 'ski'],
  [/(?<=[aeio])(?:ff|w)$/, 'v'],
];

const LATIN_RULES: [RegExp, string][] = [
  [/tzsch|tsch|tch|tsj|cz|cs/g, 'C'], [/dsch|dzh|dj|dz|jh/g, 'J'], [/sch|sh|sz|sj/g, 'S'],
  [/zh/g, 'Z'], [/ch/g, 'C'], [/kh/g, 'X'], [/gy/g, 'dy'], [/ph/g, 'f'], [/th/g, 't'], [/dh/g, 'd'],
  [/gh/g, 'g'], [/bh/g, 'b'], [/(?<=[aeiou])tj/g, 'C'], [/ts|tz/g, 'T'], [/ck/g, 'k'], [/qu/g, 'k'],
  [/q/g, 'k'], [/^x/, 's'], [/x/g, 'ks'], [/c(?=[eiy])/g, 's'], [/c/g, 'k'],
  // Slavic and German j after a vowel closes a diphthong (Čajkovskij, Nikolaj, Sergej).
  [/(?<=[aeiou])j(?![aeiou])/g, 'i'], [/j/g, 'J'],
];

// Pinyin letters name different sounds than in European spellings (x is sh, q is ch).
const PINYIN_RULES: [RegExp, string][] = [
  [/zh/g, 'J'], [/ch/g, 'C'], [/sh/g, 'S'], [/x/g, 'S'], [/q/g, 'C'], [/j/g, 'J'], [/c/g, 'T'], [/z/g, 'T'],
  [/ng$/, 'n'],
];

// Revised Romanization vowel digraphs; Korean transcriptions insert "eu" where foreign names have none.
const HANGUL_RULES: [RegExp, string][] = [[/eo/g, 'o'], [/eu/g, 'u'], [/ae/g, 'e'], [/oe/g, 'e']];

const VOWEL_RULES: [RegExp, string][] = [
  [/ou/g, 'u'], [/oo/g, 'u'], [/ee/g, 'i'], [/oe(?=[^aeiou])/g, 'u'], [/iy|yi|ii/g, 'i'],
  [/y(?![aeiou])/g, 'i'], [/(?<=[ae])h$/, ''], [/(?<=[bdfgklmnprstvzCSZJXT])h/g, ''],
];

function applyRules(s: string, rules: [RegExp, string][]): string {
  let out = s;
  for (const [re, to] of rules) out = out.replace(re, to);
  return out;
}

/** Phonetic spelling of a lower-case ASCII token written in (or transliterated from) `script`. */
export function phoneticForm(source: string, script: Script): string {
  let s = source;
  if (script === 'han') s = applyRules(s, PINYIN_RULES);
  if (script === 'hangul') s = applyRules(s, HANGUL_RULES);
  // German and Polish w before a consonant is v (Tschaikowski, Wladimir); Arabic و is not.
  if (script === 'latin') s = s.replace(/w(?=[^aeiouy])/g, 'v');
  s = applyRules(s, SUFFIXES);
  s = applyRules(s, LATIN_RULES);
  s = applyRules(s, VOWEL_RULES);
  return s.replace(/(.)\1+/g, '$1');
}

const SKELETON_CLASS: Record<string, string> = {
  b: 'B', p: 'B', f: 'B', v: 'B', m: 'M', n: 'N', l: 'R', r: 'R', t: 'T', d: 'T',
  s: 'S', z: 'S', T: 'S', C: 'S', S: 'S', Z: 'S', J: 'S', k: 'K', g: 'K', X: 'K',
};

/** Consonant classes of a phonetic spelling, repeats collapsed: "vladimir" → BRTMR. */
export function skeleton(phon: string): string {
  let out = '';
  let last = '';
  for (const ch of phon) {
    const c = SKELETON_CLASS[ch];
    if (c && c !== last) out += c;
    last = c ?? last;
  }
  return out;
}

// ---- Alignment -------------------------------------------------------------------------------

const VOWELS = 'aeiou';
const CLASSES = ['bpfv', 'td', 'sz', 'CSZJ', 'kgX', 'lr', 'mn'];

/** Costs in twentieths, as integers: every cost below is a multiple of 0.05, and integer sums are exact and fast. */
const COST_STEPS = 20;

interface CostTable { sub: Int32Array; indel: Int32Array }

function inSteps(costs: Float32Array): Int32Array {
  return Int32Array.from(costs, (cost) => {
    const steps = Math.round(cost * COST_STEPS);
    if (Math.abs(steps - cost * COST_STEPS) > 1e-4) throw new Error(`alignment cost ${cost} is not a multiple of 1/${COST_STEPS}`);
    return steps;
  });
}

/** Cost of each substitution and insertion when the two tokens come from scripts of `family`. */
function buildCosts(family: ScriptFamily): CostTable {
  const cross = family !== 'latin';
  const sub = new Float32Array(128 * 128).fill(1);
  const indel = new Float32Array(128).fill(cross ? 0.8 : 1);
  const set = (a: string, b: string, cost: number): void => {
    for (const x of a) for (const y of b) {
      if (x === y) continue;
      const i = x.charCodeAt(0) * 128 + y.charCodeAt(0);
      const j = y.charCodeAt(0) * 128 + x.charCodeAt(0);
      sub[i] = Math.min(sub[i], cost);
      sub[j] = Math.min(sub[j], cost);
    }
  };
  set(VOWELS, VOWELS, family === 'abjad' ? 0.1 : cross ? 0.15 : 0.35);
  for (const c of CLASSES) set(c, c, cross ? 0.15 : 0.3);
  set('uo', 'w', 0.2); set('ie', 'y', 0.2); set('y', 'J', 0.3); set('w', 'v', 0.1); set('w', 'bpf', 0.3);
  set('T', 'td', 0.3); set('T', 'szC', 0.25); set('T', 'J', 0.3); set('sz', 'CSZJ', cross ? 0.2 : 0.3);
  set('J', 'd', cross ? 0.25 : 0.35); if (family === 'syllabic') set('J', 't', 0.3); set('J', 'g', 0.4); set('C', 't', cross ? 0.3 : 0.4); set('C', 'k', 0.45);
  set('X', 'h', 0.2); set('X', 'C', 0.35); set('h', 'kg', 0.45); set('X', 'S', 0.5);
  set('l', 'r', family === 'syllabic' ? 0.05 : cross ? 0.15 : 0.4); set('m', 'n', cross ? 0.3 : 0.4);
  if (cross) set('v', 'uo', 0.3);
  if (family === 'syllabic') {
    // Pinyin j, q, x stand for k, g, h before i (吉斯勒 ji-si-le, Kistler; 休斯 xiu-si, Hughes).
    set('J', 'kg', 0.35); set('C', 'kg', 0.35); set('S', 'h', 0.35); set('ts', 's', 0.5);
  }
  const vowelIndel = { latin: 0.55, alphabet: 0.4, syllabic: 0.25, abjad: 0.1 }[family];
  for (const v of VOWELS) indel[v.charCodeAt(0)] = vowelIndel;
  indel['y'.charCodeAt(0)] = cross ? 0.2 : 0.4;
  indel['w'.charCodeAt(0)] = cross ? 0.2 : 0.4;
  indel['h'.charCodeAt(0)] = cross ? 0.2 : 0.35;
  // Chinese and Japanese transcriptions drop an r or l closing a syllable (York → 約克 yue-ke).
  if (family === 'syllabic') { indel['r'.charCodeAt(0)] = 0.5; indel['l'.charCodeAt(0)] = 0.5; }
  return { sub: inSteps(sub), indel: inSteps(indel) };
}

/** Cost tables by family code (see FAMILY_CODE). */
const COSTS: CostTable[] = FAMILY_CODES.map((f) => buildCosts(f));

/** The family (as a FAMILY_CODE) whose rules apply when comparing tokens from two scripts. */
export function pairFamily(a: number, b: number): number {
  if (a === b) return a;
  if (a === FAMILY_CODE.abjad || b === FAMILY_CODE.abjad) return FAMILY_CODE.abjad;
  if (a === FAMILY_CODE.syllabic || b === FAMILY_CODE.syllabic) return FAMILY_CODE.syllabic;
  return FAMILY_CODE.alphabet;
}

let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);
/** Character codes of the second spelling, read once rather than once per row. */
let codesB = new Uint8Array(64);

/**
 * Similarity in [0, 1] of two phonetic spellings, each a range of codes, compared by the rules of
 * `family` (a FAMILY_CODE): 1 − (cheapest
 * edit cost) / (cost of writing the longer one from nothing), with costs that make vowels and
 * same-class consonants cheap in proportion to how freely the scripts involved drop or change
 * them. Returns 0 as soon as the similarity cannot reach `atLeast` (most compared pairs are far
 * apart: stop early).
 */
export function alignCodes(
  as: Uint16Array, aAt: number, n: number, bs0: Uint16Array, bAt: number, m: number,
  family: number, atLeast = 0,
): number {
  const { sub, indel } = COSTS[family];
  if (m + 1 > rowPrev.length) { rowPrev = new Int32Array(m * 2 + 2); rowCur = new Int32Array(m * 2 + 2); codesB = new Uint8Array(m * 2 + 2); }
  // Locals, not the module's bindings: the inner loop runs for every cell.
  let prev = rowPrev;
  let cur = rowCur;
  const bs = codesB;
  let totalA = 0;
  let same = n === m;
  for (let i = 0; i < n; i++) totalA += indel[as[aAt + i] & 127];
  let totalB = 0;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) {
    const cb = bs0[bAt + j - 1] & 127;
    bs[j] = cb;
    totalB += indel[cb];
    prev[j] = totalB;
    if (same && cb !== (as[aAt + j - 1] & 127)) same = false;
  }
  if (same) return 1;
  const denom = Math.max(totalA, totalB);
  if (denom === 0) return 0;
  // The edit cost never decreases along a path, so a row whose cheapest cell is over budget ends it.
  const budget = (1 - atLeast) * denom;
  let prefixA = 0;
  for (let i = 1; i <= n; i++) {
    const ca = as[aAt + i - 1] & 127;
    const da = indel[ca];
    const subRow = ca * 128;
    prefixA += da;
    cur[0] = prefixA;
    let rowMin = prefixA;
    let left = prefixA;
    for (let j = 1; j <= m; j++) {
      const cb = bs[j];
      const diag = prev[j - 1] + (ca === cb ? 0 : sub[subRow + cb]);
      const up = prev[j] + da;
      const ins = left + indel[cb];
      const v = diag < up ? (diag < ins ? diag : ins) : up < ins ? up : ins;
      cur[j] = v;
      left = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > budget) return 0;
    const t = prev; prev = cur; cur = t;
  }
  rowPrev = prev;
  rowCur = cur;
  const sim = 1 - prev[m] / denom;
  return sim >= atLeast && sim > 0 ? sim : 0;
}
