import countries from 'i18n-iso-countries';
import type { FieldProblem } from '../platform/errors.ts';

export const NAME_KINDS = ['primary', 'alias', 'birth', 'maiden', 'original_script'] as const;
export const SEXES = ['M', 'F', 'X', 'U'] as const;

/** One name of a person; `script` is an ISO 15924 code such as Latn, Arab, Cyrl, Hans. */
export interface PersonName { value: string; kind: (typeof NAME_KINDS)[number]; script?: string }
export interface Identifier { kind: string; value: string; country?: string }
export interface BirthPlace { place?: string; country?: string }

/** Nominal data about a person. Dates of birth may be partial (YYYY, YYYY-MM) and several. */
export interface PersonData {
  names: PersonName[];
  sex: (typeof SEXES)[number];
  birthDates: string[];
  birthPlaces: BirthPlace[];
  nationalities: string[];
  identifiers: Identifier[];
  description: { heightCm?: number; weightKg?: number; eyes?: string; hair?: string; build?: string; notes?: string };
  marks: string[];
  languages: string[];
  photos: string[];
  notes?: string;
}

export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Checks a full or partial date: a real calendar date, not in the future, not before 1900. */
export function checkPartialDate(value: string, today = new Date()): string | undefined {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return 'use YYYY, YYYY-MM or YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (year < 1900) return 'a year before 1900 is not plausible';
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${m[2]}`;
  if (day !== undefined) {
    const d = new Date(Date.UTC(year, month! - 1, day));
    if (d.getUTCMonth() !== month! - 1) return `${value} is not a calendar date`;
    if (d.getTime() > today.getTime()) return 'a date of birth cannot be in the future';
  } else if (year > today.getUTCFullYear()) return 'a date of birth cannot be in the future';
  return undefined;
}

export const isCountry = (code: string) => /^[A-Z]{3}$/.test(code) && countries.isValid(code);

/** Normalised form of an identifier or document number: no case, spaces, fillers or punctuation. */
export const normaliseIdentifier = (value: string) => value.toUpperCase().replace(/[\s<\-./]/g, '');

/** Validates and tidies client input into person data, collecting every problem with its field. */
export function validatePerson(input: Partial<PersonData>, opts: { unidentified?: boolean } = {}): { data: PersonData; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const names = (input.names ?? []).map((n) => ({ ...n, value: n.value.normalize('NFC').replace(/\s+/g, ' ').trim() }));
  // An unidentified person (a body, a rescued child who cannot say) may have no name yet.
  if (names.length === 0 && !opts.unidentified) problems.push({ field: 'names', message: 'a person needs at least one name (or the subject category unidentified)' });
  names.forEach((n, i) => {
    if (!/\p{L}/u.test(n.value)) problems.push({ field: `names.${i}.value`, message: 'a name needs at least one letter' });
  });
  if (names.length && !names.some((n) => n.kind === 'primary')) names[0] = { ...names[0], kind: 'primary' };
  const birthDates = [...new Set(input.birthDates ?? [])];
  birthDates.forEach((d, i) => {
    const err = checkPartialDate(d);
    if (err) problems.push({ field: `birthDates.${i}`, message: err });
  });
  const nationalities = [...new Set((input.nationalities ?? []).map((c) => c.toUpperCase()))];
  nationalities.forEach((c, i) => { if (!isCountry(c)) problems.push({ field: `nationalities.${i}`, message: `unknown country code "${c}" (use ISO 3166-1 alpha-3)` }); });
  (input.birthPlaces ?? []).forEach((b, i) => { if (b.country && !isCountry(b.country)) problems.push({ field: `birthPlaces.${i}.country`, message: `unknown country code "${b.country}"` }); });
  (input.identifiers ?? []).forEach((id, i) => {
    if (!normaliseIdentifier(id.value)) problems.push({ field: `identifiers.${i}.value`, message: 'an identifier needs a value' });
    if (id.country && !isCountry(id.country)) problems.push({ field: `identifiers.${i}.country`, message: `unknown country code "${id.country}"` });
  });
  (input.photos ?? []).forEach((h, i) => { if (!/^[0-9a-f]{64}$/.test(h)) problems.push({ field: `photos.${i}`, message: 'a photo is referenced by the SHA-256 returned when it was uploaded' }); });
  const description = input.description ?? {};
  if (description.heightCm !== undefined && (description.heightCm < 40 || description.heightCm > 260)) problems.push({ field: 'description.heightCm', message: 'a height between 40 and 260 cm' });
  return {
    problems,
    data: {
      names, sex: input.sex ?? 'U', birthDates, birthPlaces: input.birthPlaces ?? [], nationalities,
      identifiers: input.identifiers ?? [], description, marks: input.marks ?? [], languages: input.languages ?? [],
      photos: input.photos ?? [], ...(input.notes ? { notes: input.notes } : {}),
    },
  };
}

/** Text indexed for list filtering by name (trigram search), all names and identifiers. */
export function searchTextOf(d: PersonData): string {
  return [...d.names.map((n) => n.value), ...d.identifiers.map((i) => normaliseIdentifier(i.value))].join(' ').toLowerCase();
}

export const primaryNameOf = (d: PersonData) => (d.names.find((n) => n.kind === 'primary') ?? d.names[0])?.value ?? 'Unidentified person';

/** Which top-level fields differ between two versions, for the history. */
export function changedFields(before: PersonData, after: PersonData): string[] {
  return (Object.keys(after) as (keyof PersonData)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
