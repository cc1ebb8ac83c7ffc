// Script detection and transliteration of one raw name token to lower-case ASCII.
// any-ascii covers most scripts; the scripts where its generic output loses what matters
// for names (Arabic and Hebrew vowel carriers, Greek digraphs, Japanese small kana,
// Chinese and Korean syllable boundaries) get a dedicated step here.
import anyAscii from 'any-ascii';
import { toRomaji } from 'wanakana';
import { ARABIC_LETTERS, ARABIC_WORDS, HEBREW_LETTERS, CHINESE_SURNAMES, KOREAN_SURNAMES } from './script-tables.ts';

export type Script =
  | 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'georgian' | 'arabic' | 'hebrew'
  | 'indic' | 'southeast-asian' | 'han' | 'kana' | 'hangul' | 'other';

/** How vowels behave in a script decides how cheaply they may be dropped when comparing. */
export type ScriptFamily = 'latin' | 'alphabet' | 'abjad' | 'syllabic';

export function familyOf(script: Script): ScriptFamily {
  switch (script) {
    case 'latin': return 'latin';
    case 'arabic': case 'hebrew': return 'abjad';
    case 'han': case 'kana': case 'hangul': case 'southeast-asian': return 'syllabic';
    default: return 'alphabet';
  }
}

function scriptOfCode(c: number): Script | null {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'greek';
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (c >= 0x530 && c <= 0x58f) return 'armenian';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'arabic';
  if (c >= 0x900 && c <= 0xdff) return 'indic';
  if ((c >= 0xe00 && c <= 0xeff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff)) return 'southeast-asian';
  if (c >= 0x10a0 && c <= 0x10ff) return 'georgian';
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)) return 'hangul';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'kana';
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 'han';
  return null;
}

/** The script of the first letter that has one. */
export function scriptOf(text: string): Script {
  for (const ch of text) {
    const s = scriptOfCode(ch.codePointAt(0) ?? 0);
    if (s) return s;
  }
  return 'other';
}

/** One transliterated piece of a raw token; a raw token may yield several (surname + given name). */
export interface Transliteration {
  /** Lower-case ASCII letters as a passport or a database would usually print them. */
  latin: string;
  /** The spelling the phonetic form is derived from (digraphs for č, š, ž kept apart). */
  source: string;
  script: Script;
  /** True when this piece is the Arabic article split off a word ("الرشيد" → al + rashid). */
  article?: boolean;
}

const lettersOnly = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

// Latin letters whose plain ASCII form would merge sounds that names keep apart
// (Čajkovskij must meet Tchaikovsky, not "Cajkovskij" read with a hard c).
const LATIN_PHONETIC: Record<string, string> = {
  'č': 'ch', 'ć': 'ch', 'š': 'sh', 'ś': 'sh', 'ž': 'zh', 'ź': 'zh', 'ż': 'zh', 'ş': 'sh', 'ș': 'sh',
  'ţ': 'ts', 'ț': 'ts', 'đ': 'dj', 'ǆ': 'dzh', 'ǳ': 'dz', 'ğ': 'g', 'ı': 'i', 'ł': 'l',
};
const LATIN_PHONETIC_RE = new RegExp(`[${Object.keys(LATIN_PHONETIC).join('')}]`, 'g');

function latinPiece(raw: string): Transliteration {
  const lower = raw.toLowerCase();
  return {
    latin: lettersOnly(anyAscii(lower)),
    source: lettersOnly(anyAscii(lower.replace(LATIN_PHONETIC_RE, (c) => LATIN_PHONETIC[c] ?? c))),
    script: 'latin',
  };
}

function arabicWord(word: string): string {
  const known = ARABIC_WORDS.get(word);
  if (known) return known;
  let out = '';
  for (const ch of word) out += ARABIC_LETTERS.get(ch) ?? lettersOnly(anyAscii(ch));
  return out.replace(/[^a-z]/g, '');
}

function arabicPieces(word: string): Transliteration[] {
  // Harakat and tatweel carry no letter of their own once vowels are matched loosely.
  const bare = word.replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  const piece = (latin: string, article?: boolean): Transliteration =>
    ({ latin, source: latin, script: 'arabic', ...(article ? { article } : {}) });
  if (ARABIC_WORDS.has(bare)) return [piece(arabicWord(bare))];
  // "عبد" + a divine name is one given name however it is spaced: keep "abd" apart so the
  // name layer can rejoin it the same way as "Abd al-Rahman" written in Latin letters.
  if (bare.startsWith('عبد') && bare.length > 4) return [piece('abd'), ...arabicPieces(bare.slice(3))];
  if (bare.startsWith('ال') && bare.length > 3) return [piece('al', true), piece(arabicWord(bare.slice(2)))];
  return [piece(arabicWord(bare))];
}

function hebrewWord(word: string): string {
  const bare = word.replace(/[\u0591-\u05c7]/g, '').replace(/וו/g, 'v');
  let out = '';
  const chars = [...bare];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    // A geresh turns ג, ז, צ into the sounds of foreign names (j, zh, ch).
    const geresh = chars[i + 1] === '׳' || chars[i + 1] === "'";
    if (geresh && ch === 'ג') { out += 'j'; i++; continue; }
    if (geresh && ch === 'ז') { out += 'zh'; i++; continue; }
    if (geresh && (ch === 'צ' || ch === 'ץ')) { out += 'ch'; i++; continue; }
    out += HEBREW_LETTERS.get(ch) ?? (ch === 'v' ? 'v' : lettersOnly(anyAscii(ch)));
  }
  return out;
}

// Modern Greek spells foreign b, d, g and the vowel u with digraphs; read them as sounds.
const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/ου/g, 'u'], [/^μπ/, 'b'], [/μπ/g, 'mp'], [/^ντ/, 'd'], [/ντ/g, 'nt'], [/^γκ/, 'g'], [/γκ/g, 'ng'],
  [/γγ/g, 'ng'], [/αι/g, 'e'], [/ει/g, 'i'], [/οι/g, 'i'], [/υι/g, 'i'], [/τζ/g, 'dz'], [/τσ/g, 'ts'],
];

/** Greek as passports print it (ELOT 743: ου → ou) and as it sounds (ου → u). */
function greekWord(word: string): { latin: string; source: string } {
  let w = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const latin = lettersOnly(anyAscii(w.replace(/ου/g, 'ou')));
  for (const [re, to] of GREEK_DIGRAPHS) w = w.replace(re, to);
  return { latin, source: lettersOnly(anyAscii(w)) };
}

// Katakana spellings of foreign sounds that wanakana reads syllable by syllable ("ティ" → tei).
const KANA_FOREIGN: Record<string, string> = {
  'ティ': 'ti', 'ディ': 'di', 'トゥ': 'tu', 'ドゥ': 'du', 'ヴァ': 'va', 'ヴィ': 'vi', 'ヴェ': 've', 'ヴォ': 'vo',
  'ヴ': 'vu', 'ウィ': 'wi', 'ウェ': 'we', 'ウォ': 'wo', 'ファ': 'fa', 'フィ': 'fi', 'フェ': 'fe', 'フォ': 'fo',
  'ツァ': 'tsa', 'ツィ': 'tsi', 'ツェ': 'tse', 'ツォ': 'tso', 'シェ': 'she', 'ジェ': 'je', 'チェ': 'che',
};
const KANA_FOREIGN_RE = new RegExp(Object.keys(KANA_FOREIGN).sort((a, b) => b.length - a.length).join('|'), 'g');

function kanaWord(word: string): string {
  const prepared = word.replace(/ッ/g, '').replace(KANA_FOREIGN_RE, (m) => KANA_FOREIGN[m] ?? m);
  return lettersOnly(toRomaji(prepared));
}

// Revised Romanization by jamo; a final consonant is read as it sounds at the end of a syllable
// (렛 → ret, not "res"), which is how Korean spells the last consonant of a foreign name.
const HANGUL_INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const HANGUL_VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const HANGUL_FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

function hangulSyllable(ch: string): string {
  const code = (ch.codePointAt(0) ?? 0) - 0xac00;
  if (code < 0 || code >= 11172) return lettersOnly(anyAscii(ch));
  const initial = Math.floor(code / 588);
  const vowel = Math.floor((code % 588) / 28);
  return HANGUL_INITIALS[initial] + HANGUL_VOWELS[vowel] + HANGUL_FINALS[code % 28];
}

/** Splits a run of syllables (Chinese characters, Hangul blocks) into surname + given name. */
function syllableRun(chars: string[], script: 'han' | 'hangul', surnames: Set<string>): Transliteration[] {
  const syllables = chars.map((c) => (script === 'hangul' ? hangulSyllable(c) : lettersOnly(anyAscii(c))));
  // Pinyin "-ng" closes a syllable where foreign names have a plain n ("卡邦尼" ka-bang-ni, Carbone).
  const sounds = script === 'han' ? syllables.map((s) => s.replace(/ng$/, 'n')) : syllables;
  const piece = (from: number, to: number): Transliteration =>
    ({ latin: syllables.slice(from, to).join(''), source: sounds.slice(from, to).join(''), script });
  // A native Chinese or Korean name is 2–4 syllables with the family name first; longer runs
  // (or runs not starting with a known family name) are transcriptions of foreign names.
  if (chars.length >= 2 && chars.length <= 4) {
    const two = chars.slice(0, 2).join('');
    if (chars.length >= 3 && surnames.has(two)) return [piece(0, 2), piece(2, chars.length)];
    if (surnames.has(chars[0])) return [piece(0, 1), piece(1, chars.length)];
  }
  return [piece(0, chars.length)];
}

/** Transliterates one raw token (no spaces) into one or more Latin pieces. */
export function transliterate(raw: string): Transliteration[] {
  const token = raw.normalize('NFKC');
  const script = scriptOf(token);
  const one = (latin: string): Transliteration[] => (latin ? [{ latin, source: latin, script }] : []);
  switch (script) {
    case 'latin': {
      const p = latinPiece(token);
      return p.latin ? [p] : [];
    }
    case 'arabic': return arabicPieces(token).filter((p) => p.latin);
    case 'hebrew': return one(hebrewWord(token));
    case 'greek': {
      const g = greekWord(token);
      return g.latin ? [{ ...g, script }] : [];
    }
    case 'armenian': return one(lettersOnly(anyAscii(token.replace(/ու/g, 'u').replace(/ՈՒ|Ու/g, 'U'))));
    case 'kana': return one(kanaWord(token));
    case 'han': return syllableRun([...token].filter((c) => scriptOfCode(c.codePointAt(0) ?? 0) === 'han'), 'han', CHINESE_SURNAMES);
    case 'hangul': return syllableRun([...token].filter((c) => scriptOfCode(c.codePointAt(0) ?? 0) === 'hangul'), 'hangul', KOREAN_SURNAMES);
    default: return one(lettersOnly(anyAscii(token)));
  }
}
