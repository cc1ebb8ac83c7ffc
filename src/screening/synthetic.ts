// Deterministic synthetic persons and perturbed screening queries, for benchmarks and tests.
// The same seed always yields the same persons in the same order, so a benchmark can stream a
// million records without keeping their structure and still rebuild any one of them.
import { CULTURES, GREEK, VIETNAMESE_MIDDLE } from './synthetic-data.ts';
import type { Culture } from './synthetic-data.ts';
import type { ScreeningEntry } from './index.ts';

/** mulberry32: small, fast, good enough to draw names. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Part { latin: string; native?: string }

export interface SyntheticPerson {
  entry: ScreeningEntry;
  culture: string;
  given: Part[];
  /** Middle names, patronymics, second surnames: the parts a query may leave out. */
  middle: Part[];
  family: Part[];
  /** Whether entry.names[0] is written in the culture's own script. */
  native: boolean;
}

const ALL = [...CULTURES, GREEK];
const SHARE_TOTAL = ALL.reduce((s, c) => s + c.share, 0);
const parse = (s: string): Part => {
  const [latin, native] = s.split('|');
  return native ? { latin: latin.replace(/-/g, ' '), native } : { latin: latin.replace(/-/g, ' ') };
};

/** Zipf-like draw: common names are much more common than rare ones, as in real registers. */
function zipf(list: string[], rand: () => number): Part {
  const i = Math.floor(list.length * Math.pow(rand(), 1.8));
  return parse(list[Math.min(i, list.length - 1)]);
}

/**
 * A family name of the culture's sound made from two listed ones (Kuznetsov + Sokolov →
 * Kuzokolov): registers hold a long tail of rare names, which the short lists alone lack.
 */
function rareFamily(list: string[], rand: () => number): Part {
  const a = parse(list[Math.floor(rand() * list.length)]).latin;
  const b = parse(list[Math.floor(rand() * list.length)]).latin;
  const cut = 2 + Math.floor(rand() * Math.max(1, Math.min(3, a.length - 3)));
  const vowel = b.slice(2).search(/[aeiouy]/i);
  const tail = vowel >= 0 ? b.slice(2 + vowel) : b.slice(2);
  const name = (a.slice(0, cut) + tail.toLowerCase()).replace(/\s+/g, '');
  return { latin: name.charAt(0).toUpperCase() + name.slice(1) };
}

const CYRILLIC: [string, string][] = [
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'],
  ['yo', 'ё'], ['iy', 'ий'], ['yi', 'ый'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'],
  ['z', 'з'], ['i', 'и'], ['y', 'й'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'],
  ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'к'], ['w', 'в'],
];

/** Russian spelling of a Russian name romanised in the common passport style. */
export function toCyrillic(latin: string): string {
  let out = '';
  const s = latin.toLowerCase();
  for (let i = 0; i < s.length;) {
    const hit = CYRILLIC.find(([l]) => s.startsWith(l, i));
    if (!hit) { out += s[i]; i++; continue; }
    out += hit[1];
    i += hit[0].length;
  }
  // Final -i of Russian male names is -ий (Dmitri → Дмитрий); capitalise like a name.
  out = out.replace(/(?<=[^аеиоуыэюя])и$/, 'ий');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function slavicFamily(latin: string, female: boolean): string {
  if (!female) return latin;
  if (/sky$/.test(latin)) return latin.replace(/sky$/, 'skaya');
  if (/(ov|ev|in|yov)$/.test(latin)) return `${latin}a`;
  return latin;
}

function patronymic(father: string, female: boolean): string {
  const stem = father.replace(/[iy]$/, '');
  const soft = /[iy]$/.test(father) || /[jy]$/.test(stem);
  return stem + (female ? (soft ? 'evna' : 'ovna') : soft ? 'evich' : 'ovich');
}

function pickCulture(rand: () => number): Culture {
  let x = rand() * SHARE_TOTAL;
  for (const c of ALL) {
    x -= c.share;
    if (x < 0) return c;
  }
  return ALL[0];
}

function render(parts: Part[], native: boolean, joinNative: string): string {
  return native ? parts.map((p) => p.native ?? p.latin).join(joinNative) : parts.map((p) => p.latin).join(' ');
}

/** The person with index `i` of the synthetic population `seed` (same inputs, same person). */
export function syntheticPerson(seed: number, i: number): SyntheticPerson {
  const rand = createRng((seed * 0x9e3779b1) ^ (i * 0x85ebca77));
  const c = pickCulture(rand);
  const female = rand() < 0.45;
  const givenList = female ? c.female : c.male;
  const given: Part[] = [zipf(givenList, rand)];
  const middle: Part[] = [];
  const spliced = c.pattern !== 'han' && c.pattern !== 'korean' && rand() < 0.4;
  let family: Part[] = [spliced ? rareFamily(c.family, rand) : zipf(c.family, rand)];
  const hasMiddle = rand() < c.middleShare;
  switch (c.pattern) {
    case 'given-family': {
      const second = zipf(givenList, rand);
      if (hasMiddle && second.latin !== given[0].latin) middle.push(second);
      break;
    }
    case 'given-father-family':
      if (hasMiddle) middle.push(zipf(c.male, rand));
      break;
    case 'hispanic':
      if (hasMiddle) given.push(zipf(givenList, rand));
      if (rand() < 0.8) middle.push(zipf(c.family, rand));
      break;
    case 'slavic': {
      family = [{ latin: slavicFamily(family[0].latin, female) }];
      if (hasMiddle) middle.push({ latin: patronymic(zipf(c.male, rand).latin, female) });
      break;
    }
    case 'han': {
      const second = rand() < 0.6 ? zipf(givenList, rand) : null;
      if (second) given[0] = { latin: given[0].latin + second.latin, native: `${given[0].native ?? ''}${second.native ?? ''}` };
      break;
    }
    case 'korean': {
      const second = zipf(givenList, rand);
      given[0] = { latin: given[0].latin + second.latin, native: `${given[0].native ?? ''}${second.native ?? ''}` };
      break;
    }
    case 'vietnamese':
      if (hasMiddle) middle.push(parse(zipf(female ? VIETNAMESE_MIDDLE.female : VIETNAMESE_MIDDLE.male, rand).latin));
      break;
  }
  if (c.key === 'slavic') for (const p of [...given, ...middle, ...family]) p.native = toCyrillic(p.latin);
  const all = [...given, ...middle, ...family];
  const native = rand() < c.nativeShare && all.every((p) => p.native);
  const familyFirst = c.pattern === 'han' || c.pattern === 'korean' || c.pattern === 'vietnamese';
  const ordered = familyFirst ? [...family, ...middle, ...given] : [...given, ...middle, ...family];
  const joinNative = c.pattern === 'han' || c.pattern === 'korean' ? '' : ' ';
  const names = [render(ordered, native, joinNative)];
  // Some records carry a second spelling (alias), as registers do.
  if (rand() < 0.1 && all.every((p) => p.native)) names.push(render(ordered, !native, joinNative));
  const year = 1950 + Math.floor(rand() * 56);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const dob = rand() < 0.1 ? `${year}` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const entry: ScreeningEntry = {
    recordId: `P${seed}-${i}`, names, dob: [dob],
    nationality: [c.nationalities[Math.floor(rand() * c.nationalities.length)]], sex: female ? 'F' : 'M',
  };
  return { entry, culture: c.key, given, middle, family, native };
}

export type Perturbation = 'typo' | 'drop-middle' | 'swap-order' | 'transliteration';
export const PERTURBATIONS: Perturbation[] = ['typo', 'drop-middle', 'swap-order', 'transliteration'];

const ROMANISATION_VARIANTS: [RegExp, string][] = [
  [/ou/, 'u'], [/u/, 'ou'], [/y/, 'i'], [/i(?=[aeou])/, 'y'], [/kh/, 'h'], [/sh/, 'ch'], [/ch/, 'tch'],
  [/ph/, 'f'], [/([bdfglmnprst])\1/, '$1'], [/([lmnrst])(?=[aeiou])/, '$1$1'], [/ee/, 'i'], [/v/, 'w'],
  [/w/, 'v'], [/c(?=[aou])/, 'k'], [/k/, 'c'], [/j/, 'y'], [/y/, 'j'], [/ov$/, 'off'], [/e/, 'a'], [/a/, 'e'],
  [/q/, 'k'], [/j/, 'dj'], [/zh/, 'j'], [/ts/, 'tz'], [/sky$/, 'ski'], [/ya/, 'ia'], [/yu/, 'iu'], [/o/, 'u'],
];

function typo(word: string, rand: () => number): string {
  if (word.length < 3) return word;
  const i = 1 + Math.floor(rand() * (word.length - 1));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)];
  switch (Math.floor(rand() * 4)) {
    case 0: return word.slice(0, i) + letter + word.slice(i + 1);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + letter + word.slice(i);
    default: return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i);
  }
}

function romanisationVariant(word: string, rand: () => number): string {
  const lower = word.toLowerCase();
  const applicable = ROMANISATION_VARIANTS.filter(([re]) => re.test(lower));
  if (!applicable.length) return word;
  const [re, to] = applicable[Math.floor(rand() * applicable.length)];
  return lower.replace(re, to);
}

/** A screening query for `person`, perturbed as a frontline officer's input might be. */
export function perturbedQuery(person: SyntheticPerson, kind: Perturbation, rand: () => number): string {
  const { given, middle, family } = person;
  const familyFirst = ['chinese', 'korean', 'vietnamese'].includes(person.culture);
  const orderedLatin = (parts: Part[][]): string => parts.flat().map((p) => p.latin).join(' ');
  const normal = familyFirst ? [family, middle, given] : [given, middle, family];
  switch (kind) {
    case 'typo': {
      const words = orderedLatin(normal).split(' ');
      const at = Math.floor(rand() * words.length);
      words[at] = typo(words[at], rand);
      return words.join(' ');
    }
    case 'drop-middle':
      return middle.length ? orderedLatin(familyFirst ? [family, given] : [given, family]) : orderedLatin(normal);
    case 'swap-order':
      return `${family.map((p) => p.latin.toUpperCase()).join(' ')}, ${[...given, ...middle].map((p) => p.latin).join(' ')}`;
    case 'transliteration': {
      const all = normal.flat();
      // Written in the other script when the person has one; otherwise another romanisation.
      if (all.every((p) => p.native)) {
        if (!person.native) return all.map((p) => p.native).join(['chinese', 'korean'].includes(person.culture) ? '' : ' ');
        return orderedLatin(normal);
      }
      const words = orderedLatin(normal).split(' ');
      const at = Math.floor(rand() * words.length);
      words[at] = romanisationVariant(words[at], rand);
      return words.join(' ');
    }
  }
}
