// Normalisation of a person's name into weighted tokens that can be compared across scripts
// and romanisations. Pure: no I/O, no state beyond constant tables.
import { transliterate, familyOf } from './scripts.ts';
import type { Script, ScriptFamily, Transliteration } from './scripts.ts';
import { phoneticForm, skeleton } from './phonetic.ts';
import { HONORIFICS, PARTICLES, variantKey } from './variants.ts';
import { encodeToken } from './spelling-codes.ts';
import type { SpellingCodes } from './spelling-codes.ts';

export type TokenKind = 'name' | 'particle' | 'initial';

export interface NameToken {
  /** Transliterated lower-case ASCII, as a database or passport would print it. */
  latin: string;
  /** Phonetic spelling (see phonetic.ts). */
  phon: string;
  /** Consonant-class skeleton, the cross-script blocking key. */
  skel: string;
  script: Script;
  family: ScriptFamily;
  kind: TokenKind;
  /** Canonical key of a given name with known romanisation variants (muhammad, yusuf…). */
  variant?: string;
  /** The token without an Arabic article or "Abdul" glued to it ("alrashid" → rashid), if any. */
  bare?: { latin: string; phon: string };
  /** Weight before corpus frequency: particles and initials count for less than names. */
  weight: number;
  /** The Latin, phonetic and bare spellings as codes, which comparisons read (see spelling-codes.ts). */
  codes: SpellingCodes;
}

export interface NormalisedName {
  raw: string;
  tokens: NameToken[];
  /** Titles and honorifics that were removed. */
  dropped: string[];
}

const NOTHING_DROPPED: string[] = [];

export const KIND_WEIGHT: Record<TokenKind, number> = { name: 1, particle: 0.15, initial: 0.35 };
/** Patronymics are often left out of a record, so missing one should cost less than a name. */
const PATRONYMIC_WEIGHT = 0.6;
const PATRONYMIC = /(?:vich|vych|vna|ovna|evna|ogly|oglu|uly|kyzy|qizi|ovic|evic)$/;

const SEPARATORS = /[\s,;:./\\()[\]{}"«»“”„_+&|·・‧•‐‑‒–—―\-،؛]+/u;
const APOSTROPHES = /['’ʼ`´‘ʻ]/g;
const ARTICLE_WORDS = new Set(['al', 'el', 'ul']);
// The Arabic article assimilated to the next letter and hyphenated: ar-Rahman, as-Sayed, an-Nour.
const ASSIMILATED_ARTICLE = /(^|\s)[aeu](sh|th|dh|[tdrzsln])-(?=\2)/giu;
const ABD = /^abd(?:ul|el|al|ol|oul|ou|u|e|a|o|i)?$/;
const ABD_JOINED = /^abd(?:ul|el|al|ol|oul|ou|u|e|a|o|i)?([a-z]{3,})$/;

/** The Arabic article glued to the front of a token, if any: "alrashid" → "rashid". */
export function stripArticle(latin: string): string | undefined {
  if (latin.length < 5) return undefined;
  const m = /^(?:al|el|ul)([a-z]{3,})$/.exec(latin) ?? /^[aeu]([tdrzsln])(\1[a-z]{2,})$/.exec(latin);
  if (!m) return undefined;
  return m.length === 3 ? m[2].slice(1) : m[1];
}

// Names repeat: a million records hold some tens of thousands of distinct words. Remembering
// the work done per word makes building an index several times faster. Tokens are never
// mutated after creation, so one object can serve every record that has the word.
const MEMO_LIMIT = 200_000;
const wordMemo = new Map<string, Transliteration[]>();
const tokenMemo = new Map<string, NameToken>();

function memoised<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value;
}

/** Builds a token from transliterated letters (the same object for the same inputs). */
export function makeToken(latin: string, source: string, script: Script, kind?: TokenKind): NameToken {
  return memoised(tokenMemo, `${script}|${kind ?? ''}|${latin}|${source}`, () => buildToken(latin, source, script, kind));
}

function buildToken(latin: string, source: string, script: Script, kind?: TokenKind): NameToken {
  const phon = phoneticForm(source, script);
  // A single letter is an initial in alphabets; in a syllabary it is a whole syllable (아 = a).
  const single = latin.length === 1 && familyOf(script) !== 'syllabic';
  const k: TokenKind = kind ?? (single ? 'initial' : PARTICLES.has(latin) ? 'particle' : 'name');
  // "Abdulhussein" also stands for the Hussein it honours, as an article-less form does.
  const theophoric = /^abdul([a-z]{3,})$/.exec(latin);
  const bareLatin = k !== 'name' ? undefined : theophoric && latin !== 'abdullah' ? theophoric[1] : stripArticle(latin);
  const bare = bareLatin ? { latin: bareLatin, phon: phoneticForm(bareLatin, script) } : undefined;
  const token: Omit<NameToken, 'codes'> = {
    latin, phon, skel: skeleton(phon), script, family: familyOf(script), kind: k,
    variant: variantKey(latin), bare,
    weight: k === 'name' && PATRONYMIC.test(latin) ? PATRONYMIC_WEIGHT : KIND_WEIGHT[k],
  };
  return { ...token, codes: encodeToken(token) };
}

function abdName(rest: string): string {
  // "Abd Allah" in any spelling is the single name Abdullah; other "Abd X" become "abdulX".
  const divine = rest.replace(/^(?:al|el|ul)/, '');
  if (/^l?lah?$/.test(divine) || /^l?lah?$/.test(rest)) return 'abdullah';
  const bare = stripArticle(rest) ?? rest.replace(/^([a-z])\1/, '$1');
  return `abdul${bare}`;
}

/** Joins the parts of theophoric names: Abd al-Rahman = Abdul Rahman = Abdulrahman = Abdurrahman. */
function joinAbdNames(pieces: Transliteration[]): Transliteration[] {
  const out: Transliteration[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const joined = ABD_JOINED.exec(p.latin);
    if (joined && !ABD.test(p.latin)) {
      const latin = abdName(joined[1]);
      out.push({ latin, source: latin, script: p.script });
      continue;
    }
    if (ABD.test(p.latin) && i + 1 < pieces.length) {
      let j = i + 1;
      if (ARTICLE_WORDS.has(pieces[j].latin) && j + 1 < pieces.length) j++;
      const next = pieces[j].latin;
      if (next.length >= 2 && !PARTICLES.has(next)) {
        const latin = abdName(next);
        out.push({ latin, source: latin, script: p.script });
        i = j;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** Splits a raw name into words, transliterated; apostrophes inside a word are dropped. */
function pieces(raw: string): { pieces: Transliteration[]; lowercaseSingles: Set<number> } {
  const out: Transliteration[] = [];
  const lowercaseSingles = new Set<number>();
  for (const word of raw.normalize('NFKC').replace(ASSIMILATED_ARTICLE, '$1al-').split(SEPARATORS)) {
    if (!word) continue;
    // Hebrew uses the apostrophe as geresh (ג' = j); elsewhere it only joins (O'Brien, Ma'mun).
    const cleaned = /[\u0590-\u05ff]/.test(word) ? word : word.replace(APOSTROPHES, '');
    for (const p of memoised(wordMemo, cleaned, () => transliterate(cleaned))) {
      if (p.latin.length === 1 && cleaned.length === 1 && cleaned === cleaned.toLowerCase() && /[a-z]/.test(cleaned)) {
        lowercaseSingles.add(out.length);
      }
      out.push(p);
    }
  }
  return { pieces: out, lowercaseSingles };
}

/** Normalises a full name into weighted tokens, honorifics removed. */
export function normaliseName(raw: string): NormalisedName {
  const split = pieces(raw);
  const dropped: string[] = [];
  let kept = split.pieces.filter((p, i) => {
    // Spanish "y" and Portuguese "e" between surnames are conjunctions, not initials.
    if (split.lowercaseSingles.has(i) && (p.latin === 'y' || p.latin === 'e')) return false;
    return true;
  });
  const names = kept.filter((p) => !HONORIFICS.has(p.latin));
  if (names.some((p) => p.latin.length > 1 && !PARTICLES.has(p.latin))) {
    for (const p of kept) if (HONORIFICS.has(p.latin)) dropped.push(p.latin);
    kept = names;
  }
  kept = joinAbdNames(kept);
  const onlyParticles = kept.every((p) => PARTICLES.has(p.latin));
  const tokens = kept.map((p) => makeToken(p.latin, p.source, p.script, onlyParticles && p.latin.length > 1 ? 'name' : undefined));
  // Most names drop nothing: share one empty list rather than hold a million.
  return { raw, tokens, dropped: dropped.length ? dropped : NOTHING_DROPPED };
}

/** Joins two adjacent tokens into one, for names written together or apart (Abdul Rahman). */
export function joinTokens(a: NameToken, b: NameToken): NameToken {
  const latin = a.latin + b.latin;
  const phon = (a.phon + b.phon).replace(/(.)\1+/g, '$1');
  const token: Omit<NameToken, 'codes'> = {
    latin, phon, skel: skeleton(phon), script: a.script, family: a.family, kind: 'name',
    variant: variantKey(latin), bare: undefined, weight: a.weight + b.weight,
  };
  return { ...token, codes: encodeToken(token) };
}
