import type { Script } from '../../notices/model.ts';
import type { Random } from '../random.ts';
import { stripDiacritics, unique } from './translit.ts';

/** One name element (a given name, a father's name, a surname) in its own script and its Latin spellings, most usual first. */
export interface Part {
  readonly native: string;
  readonly latin: readonly string[];
}

export type DemoSex = 'male' | 'female';

/** A person's name split the way documents need it. `middle` holds a father's name or patronymic. */
export interface NameParts {
  given: Part[];
  middle: Part[];
  family: Part[];
}

/** A naming tradition: how names are built, written and romanised. */
export interface Culture {
  id: string;
  /** Script of the native form; `Latn` when the culture writes in Latin letters. */
  script: Script;
  /** Family name first, as in Chinese and Vietnamese. */
  familyFirst: boolean;
  /** Whether the middle part appears in romanised names (an Arab father's name does; a Russian patronymic does not). */
  middleInLatin: boolean;
  /** Married women often carry their husband's surname, so records hold a maiden name too. */
  maidenNames: boolean;
  /** Nationalities, ISO alpha-3, with weights. */
  nationalities: readonly (readonly [string, number])[];
  /** ISO 639-1 languages spoken, the first the most common. */
  languages: readonly string[];
  compose(rng: Random, sex: DemoSex): NameParts;
  /** A surname alone, for a husband's or a changed name. */
  surname(rng: Random, sex: DemoSex): Part[];
}

/**
 * Parses `native|Latin1|Latin2, native2|…` lists. Without Latin spellings the native form is
 * Latin already; its diacritic-free form is added as the variant ASCII-only systems hold.
 */
export function parts(spec: string, derive?: (native: string) => string[]): Part[] {
  return spec.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [native, ...extra] = entry.split('|').map((s) => s.trim());
    const latin = derive ? [...derive(native), ...extra] : extra.length > 0 ? extra : [native, stripDiacritics(native)];
    return { native, latin: unique(latin) };
  });
}

/** Parses `male/female` surname pairs (Novák/Nováková); an entry without `/` serves both sexes. */
export function surnamePairs(spec: string, feminine?: (male: string) => string): { male: Part[]; female: Part[] } {
  const male: Part[] = [];
  const female: Part[] = [];
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [m, f] = entry.split('/');
    male.push(...parts(m));
    female.push(...parts(f ?? (feminine ? feminine(m) : m)));
  }
  return { male, female };
}

/** Picks `n` distinct entries (n is small next to the list). */
export function pickDistinct<T>(rng: Random, items: readonly T[], n: number): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const item = rng.pick(items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** A culture whose names are one or two given names and one surname, with optional second surname. */
export function simpleCulture(def: Omit<Culture, 'compose' | 'surname' | 'script' | 'familyFirst' | 'middleInLatin'> & {
  male: Part[]; female: Part[]; surnames: { male: Part[]; female: Part[] };
  secondGiven: number; secondSurname?: number; script?: Script;
}): Culture {
  const surname = (rng: Random, sex: DemoSex): Part[] => {
    const i = rng.int(def.surnames.male.length);
    const first = sex === 'male' ? def.surnames.male[i] : def.surnames.female[i];
    if (!def.secondSurname || !rng.chance(def.secondSurname)) return [first];
    const j = rng.int(def.surnames.male.length);
    return j === i ? [first] : [first, sex === 'male' ? def.surnames.male[j] : def.surnames.female[j]];
  };
  return {
    id: def.id, script: def.script ?? 'Latn', familyFirst: false, middleInLatin: true, maidenNames: def.maidenNames,
    nationalities: def.nationalities, languages: def.languages, surname,
    compose(rng, sex) {
      const pool = sex === 'male' ? def.male : def.female;
      return { given: pickDistinct(rng, pool, rng.chance(def.secondGiven) ? 2 : 1), middle: [], family: surname(rng, sex) };
    },
  };
}
