import { ncbId } from '../identity/members.ts';
import type { SubjectCategory } from '../platform/access/envelope.ts';
import type { PartialDate, PersonIdentifier, PersonName, Place } from '../notices/model.ts';
import type { DemoCountry } from './countries.ts';
import { DEMO_COUNTRIES, countriesWith, demoCountry, fillPattern } from './countries.ts';
import type { Culture, DemoSex, NameParts, Part } from './cultures.ts';
import { CULTURE_CHOICE, NATIONALITY_CHOICE } from './cultures.ts';
import type { Seed } from './random.ts';
import { Random, STREAMS, Weighted, seedNumber } from './random.ts';

/** Ages and dates are counted from this year, not from the clock, so a seed always gives the same world. */
export const DEMO_REFERENCE_YEAR = 2025;

export interface PhysicalDescription {
  heightCm: number;
  build: string;
  eyes: string;
  hair: string;
  marks: string[];
}

/** A person record of the demo world. */
export interface DemoPerson {
  id: string;
  /** Position in the stream: `personAt(seed, index)` rebuilds exactly this person. */
  index: number;
  /** The NCB that entered the record (`NCB-ITA`), its data owner. */
  owner: string;
  culture: string;
  /** Primary Latin form first, then the native-script form, aliases, maiden and birth names. Empty for an unidentified person. */
  names: PersonName[];
  sex: DemoSex;
  /** Some records know only the year or the month; some persons have used more than one. */
  datesOfBirth: PartialDate[];
  placeOfBirth?: Place;
  nationalities: string[];
  identifiers: PersonIdentifier[];
  description: PhysicalDescription;
  subject: SubjectCategory;
  /** ISO 639 codes. */
  languages: string[];
}

const SUBJECT_CHOICE = new Weighted<SubjectCategory>([
  ['suspect', 34], ['convicted', 10], ['victim', 26], ['witness', 10], ['missing', 10], ['unidentified', 2], ['other', 8],
]);
// [youngest, span, skew]: skew > 1 crowds ages toward the youngest (victims are mostly young).
const AGES: Record<SubjectCategory, [number, number, number]> = {
  suspect: [19, 46, 1.3], convicted: [21, 50, 1.2], victim: [14, 30, 1.8], witness: [18, 52, 1], missing: [6, 60, 1.8],
  unidentified: [16, 44, 1.2], other: [18, 62, 1],
};
const FEMALE_SHARE: Record<SubjectCategory, number> = { suspect: 0.22, convicted: 0.18, victim: 0.72, witness: 0.5, missing: 0.55, unidentified: 0.4, other: 0.5 };

const LIGHT = new Set(['russian', 'ukrainian', 'polish', 'czech']);
const HAIR_LIGHT = new Weighted([['brown', 5], ['dark blond', 3], ['blond', 2], ['black', 2], ['red', 0.5]] as const);
const HAIR_DARK = new Weighted([['black', 8], ['dark brown', 3], ['brown', 1]] as const);
const EYES_LIGHT = new Weighted([['blue', 4], ['grey', 2], ['green', 2], ['brown', 4], ['hazel', 1]] as const);
const EYES_DARK = new Weighted([['dark brown', 8], ['brown', 4], ['black', 2], ['hazel', 1], ['green', 0.3]] as const);
const BUILDS = ['slim', 'slim', 'medium', 'medium', 'medium', 'athletic', 'heavy'] as const;
const MARKS = [
  'scar on left cheek', 'scar above right eyebrow', 'scar on chin', 'burn scar on right hand', 'burn scar on left forearm',
  'tattoo of a scorpion on right forearm', 'tattoo of a rose on left shoulder', 'tattoo of a name on left wrist', 'tattoo of a barcode on the neck',
  'tattoo of a crown on the chest', 'tattoo of a dragon on the back', 'tattoo of stars on the right hand', 'tattoo of a date on the forearm',
  'mole on left cheek', 'mole above upper lip', 'birthmark on neck', 'missing upper front tooth', 'gold upper canine',
  'pierced left eyebrow', 'limps on right leg', 'missing tip of left index finger', 'facial scarification on both cheeks',
];

const DESTINATIONS = countriesWith('destination');
const TRANSITS = countriesWith('transit');
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const PAD = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function dateOfBirth(rng: Random, year: number): PartialDate {
  const r = rng.float();
  if (r < 0.12) return String(year);
  const month = rng.between(1, 12);
  if (r < 0.19) return `${year}-${PAD[month]}`;
  // Records of people without birth registration often carry 1 January.
  if (r < 0.23) return `${year}-01-01`;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${year}-${PAD[month]}-${PAD[rng.between(1, MONTH_DAYS[month - 1] + (leap ? 1 : 0))]}`;
}

/** Another date of birth the same person has used: day and month swapped, or a year off. */
function otherDateOfBirth(rng: Random, dob: string): PartialDate {
  if (dob.length === 10 && Number(dob.slice(8)) <= 12 && dob.slice(5, 7) !== dob.slice(8) && rng.chance(0.6)) {
    return `${dob.slice(0, 4)}-${dob.slice(8)}-${dob.slice(5, 7)}`;
  }
  return `${Number(dob.slice(0, 4)) + (rng.chance(0.5) ? 1 : -1)}${dob.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/**
 * How a name is spelt: `NATIVE` in its own script, `MIXED` a random Latin spelling per part, or
 * k ≥ 0 the k-th Latin spelling of every part (0 the usual one; for Latin-script cultures 1 drops
 * the diacritics), so one record is spelt one way throughout.
 */
const NATIVE = -1;
const MIXED = -2;

// Hot-path helpers live at module level: closures created per person cost more than the work itself.
function spell(p: Part, style: number, rng: Random): string {
  if (style === NATIVE) return p.native;
  if (style === MIXED) return p.latin[rng.int(p.latin.length)];
  return p.latin[style < p.latin.length ? style : 0];
}

function joinParts(ps: readonly Part[], style: number, rng: Random, sep: string): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) out += (i > 0 ? sep : '') + spell(ps[i], style, rng);
  return out;
}

const joinNonEmpty = (a: string, b: string, sep: string) => (a === '' ? b : b === '' ? a : a + sep + b);

/** Writes name parts in the culture's order; a family-first culture's middle part sits before the given name. */
function write(culture: Culture, np: NameParts, style: number, rng: Random, kind: PersonName['kind'], western = false, withMiddle = true): PersonName {
  const native = style === NATIVE;
  const sep = native && culture.script === 'Hani' ? '' : ' ';
  const middle = withMiddle && (native || culture.middleInLatin) ? joinParts(np.middle, style, rng, sep) : '';
  const first = joinParts(np.given, style, rng, sep);
  const given = culture.familyFirst ? joinNonEmpty(middle, first, sep) : joinNonEmpty(first, middle, sep);
  const family = joinParts(np.family, style, rng, sep);
  const value = culture.familyFirst && !western ? family + sep + given : given + sep + family;
  return { value, kind, script: native ? culture.script : 'Latn', given, family };
}

function addName(names: PersonName[], n: PersonName): void {
  for (const m of names) if (m.value === n.value) return;
  names.push(n);
}

function personNames(rng: Random, culture: Culture, sex: DemoSex, age: number, subject: SubjectCategory): PersonName[] {
  const np = culture.compose(rng, sex);
  let maiden: NameParts | null = null;
  if (culture.maidenNames && sex === 'female' && age >= 22 && rng.chance(0.4)) {
    maiden = { given: np.given, middle: np.middle, family: np.family };
    np.family = culture.surname(rng, 'female');
  }
  // Most records use the usual spelling; others another romanisation, or no diacritics.
  const usual = rng.chance(0.7) ? 0 : rng.between(1, 2);
  const names = [write(culture, np, usual, rng, 'primary')];
  if (culture.script !== 'Latn') names.push(write(culture, np, NATIVE, rng, 'primary'));
  if (rng.chance(0.45)) addName(names, write(culture, np, rng.chance(0.5) ? MIXED : (usual + 1) % 3, rng, 'alias'));
  if (culture.familyFirst && rng.chance(0.3)) addName(names, write(culture, np, usual, rng, 'alias', true));
  if (np.middle.length > 0 && culture.middleInLatin && rng.chance(0.25)) addName(names, write(culture, np, usual, rng, 'alias', false, false));
  if ((subject === 'suspect' || subject === 'convicted') && rng.chance(0.15)) addName(names, write(culture, culture.compose(rng, sex), usual, rng, 'alias'));
  if (maiden) addName(names, write(culture, maiden, usual, rng, 'maiden'));
  if (rng.chance(0.015)) addName(names, write(culture, { given: np.given, middle: np.middle, family: culture.surname(rng, sex) }, usual, rng, 'birth'));
  return names;
}

function identifiers(rng: Random, country: DemoCountry | undefined): PersonIdentifier[] {
  if (!country) return [];
  const ids: PersonIdentifier[] = [];
  if (rng.chance(0.55)) ids.push({ type: 'passport', value: fillPattern(country.passport, rng), country: country.code });
  if (country.identityCard && rng.chance(0.4)) ids.push({ type: 'national_id', value: fillPattern(country.identityCard, rng), country: country.code });
  if (rng.chance(0.35)) ids.push({ type: 'phone', value: `+${country.callingCode}${fillPattern('#########', rng)}`, country: country.code });
  return ids;
}

function owner(rng: Random, nationality: string | undefined): string {
  const r = rng.float();
  const own = nationality ? demoCountry(nationality) : undefined;
  const entering = r < 0.45 ? rng.pick(DESTINATIONS) : r < 0.75 || !own ? rng.pick(TRANSITS) : own;
  return ncbId(entering.code);
}

/** Builds person `index` of the world `seed` from its own random stream, reusing `rng` (which it reseeds). */
export function buildPerson(rng: Random, seed: number, index: number): DemoPerson {
  rng.reseed(seed, STREAMS.person, index);
  const id = rng.uuid();
  const subject = SUBJECT_CHOICE.pick(rng);
  const culture = CULTURE_CHOICE.pick(rng);
  const sex: DemoSex = rng.chance(FEMALE_SHARE[subject]) ? 'female' : 'male';
  const [youngest, span, skew] = AGES[subject];
  const age = youngest + Math.floor(Math.pow(rng.float(), skew) * span);
  const light = LIGHT.has(culture.id);
  const child = age < 16 ? (16 - age) * 6 : 0;
  const description: PhysicalDescription = {
    heightCm: Math.round(rng.normal(sex === 'male' ? 174 : 161, 6) - child),
    build: rng.pick(BUILDS),
    eyes: (light ? EYES_LIGHT : EYES_DARK).pick(rng),
    hair: age > 55 && rng.chance(0.5) ? 'grey' : (light ? HAIR_LIGHT : HAIR_DARK).pick(rng),
    marks: [],
  };
  if (rng.chance(0.3)) {
    description.marks.push(rng.pick(MARKS));
    const second = rng.chance(0.2) ? rng.pick(MARKS) : description.marks[0];
    if (second !== description.marks[0]) description.marks.push(second);
  }
  if (subject === 'unidentified') {
    return { id, index, owner: owner(rng, undefined), culture: culture.id, names: [], sex, datesOfBirth: [], placeOfBirth: undefined, nationalities: [], identifiers: [], description, subject, languages: [] };
  }
  const nationality = NATIONALITY_CHOICE.get(culture.id)?.pick(rng) ?? 'XXX';
  const nationalities = [nationality];
  if (rng.chance(0.07)) {
    const second = rng.pick(DESTINATIONS).code;
    if (second !== nationality) nationalities.push(second);
  }
  const dob = dateOfBirth(rng, DEMO_REFERENCE_YEAR - age - (rng.chance(0.5) ? 1 : 0));
  const datesOfBirth = [dob];
  if ((subject === 'suspect' || subject === 'convicted') && rng.chance(0.08)) {
    const other = otherDateOfBirth(rng, dob);
    if (other !== dob) datesOfBirth.push(other);
  }
  const bornIn = rng.chance(0.92) ? demoCountry(nationality) : rng.pick(DEMO_COUNTRIES);
  const languages = [culture.languages[0]];
  for (let i = 1; i < culture.languages.length; i++) if (rng.chance(0.4)) languages.push(culture.languages[i]);
  // One object shape for every person (placeOfBirth present even when unknown) keeps the hot path monomorphic.
  return {
    id, index, owner: owner(rng, nationality), culture: culture.id,
    names: personNames(rng, culture, sex, age, subject),
    sex, datesOfBirth,
    placeOfBirth: bornIn ? { country: bornIn.code, locality: rng.pick(bornIn.cities) } : undefined,
    nationalities, identifiers: identifiers(rng, demoCountry(nationality)), description, subject, languages,
  };
}

/** Person `index` of the world `seed`, without generating the ones before it. */
export function personAt(seed: Seed, index: number): DemoPerson {
  return buildPerson(new Random(), seedNumber(seed), index);
}

export interface PersonStreamOptions {
  seed: Seed;
  count: number;
  /** First index, to resume or to split a world between workers. */
  start?: number;
}

/** Streams persons `start` … `start + count − 1`; holds none of them, so a million cost no memory. */
export function* generatePersons({ seed, count, start = 0 }: PersonStreamOptions): Generator<DemoPerson> {
  const rng = new Random();
  const s = seedNumber(seed);
  for (let i = start; i < start + count; i++) yield buildPerson(rng, s, i);
}
