import { parse } from 'mrz';
import type { Details } from 'mrz';

import type { DocumentType } from './model.ts';
import { checkDigitError, normaliseCountryCode, stateMessage } from './mrz-codes.ts';
import { readVisa } from './mrz-visa.ts';

export { computeCheckDigit, normaliseCountryCode, normaliseDocumentNumber } from './mrz-codes.ts';
export { buildTd1Mrz, buildTd3Mrz, type MrzBuildInput } from './mrz-build.ts';

export type MrzFormat =
  | 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B'
  | 'FRENCH_NATIONAL_ID' | 'FRENCH_DRIVING_LICENSE' | 'SWISS_DRIVING_LICENSE';
export type Sex = 'male' | 'female' | 'unspecified';
export type MrzDocumentKind = Exclude<DocumentType, 'stolen_blank'> | 'driving_licence';

export interface MrzFields {
  documentCode: string | null;
  documentType: MrzDocumentKind | null;
  /** As printed in the zone: Germany is `D`, specimens are `UTO`. */
  issuingState: string | null;
  /** Full number, including the part a TD1/TD2 carries in its optional field. */
  documentNumber: string | null;
  nationality: string | null;
  lastName: string | null;
  firstNames: string | null;
  /** ISO 8601; reduced to `YYYY-MM` or `YYYY` when the zone marks day or month unknown. */
  birthDate: string | null;
  sex: Sex | null;
  expirationDate: string | null;
  issueDate: string | null;
  optionalData: string[];
  /** Format-specific fields (administrative codes, licence PIN, language…). */
  extra: Record<string, string>;
}

export interface MrzError {
  /**
   * What failed: an `MrzFields` key, a check digit (`birthDateCheckDigit`, `compositeCheckDigit`…),
   * a format-specific field, or `input` when the text is not an MRZ at all.
   */
  field: string;
  message: string;
  expected?: string;
  found?: string;
  line?: number;
  column?: number;
}

export interface MrzCorrection { line: number; column: number; original: string; corrected: string }

export interface MrzHolder {
  names: string[];
  birthDate: string | null;
  sex: Sex | null;
  /** ISO alpha-3 where one exists (`D` becomes `DEU`), else the ICAO code as read. */
  nationality: string | null;
  /** The name field is full to its last character, so the real name may be longer. */
  namesTruncated: boolean;
}

export interface MrzCheck {
  format: MrzFormat | null;
  valid: boolean;
  lines: string[];
  fields: MrzFields;
  errors: MrzError[];
  corrections: MrzCorrection[];
  holder: MrzHolder | null;
  expired: boolean | null;
}

export interface CheckMrzOptions {
  /** Reference date for century resolution and expiry; defaults to the current time. */
  now?: Date;
  /** Let the parser fix OCR confusions (O/0, I/1, B/8…) in fields of known type. */
  autocorrect?: boolean;
}

export type RawFields = Partial<Record<string, string | null>>;
/** One zone as read, before dates are resolved and the holder is assembled. */
export interface Reading { format: MrzFormat; fields: RawFields; errors: MrzError[]; corrections: MrzCorrection[] }
export function checkMrz(raw: string, options: CheckMrzOptions = {}): MrzCheck {
  const now = options.now ?? new Date();
  const lines = splitLines(typeof raw === 'string' ? raw : '');
  try {
    const problem = shapeProblem(lines);
    if (problem) return failed(lines, problem);
    const isVisa = lines.length === 2 && lines[0][0] === 'V' && [36, 44].includes(lines[0].length);
    const reading = isVisa ? readVisa(lines) : readWithPackage(lines, options.autocorrect ?? false);
    return finish(lines, reading, now);
  } catch (error) {
    // The package throws on shapes it does not know; a screening call must still get an answer.
    return failed(lines, error instanceof Error ? error.message : String(error));
  }
}

function splitLines(raw: string): string[] {
  const lines = raw.toUpperCase().split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  // Copy-paste from other systems often loses the line breaks of a two- or three-line zone.
  const size = { 72: 36, 88: 44, 90: 30 }[lines.length === 1 ? lines[0].length : 0];
  return size ? (lines[0].match(new RegExp(`.{${size}}`, 'g')) ?? lines) : lines;
}

function shapeProblem(lines: string[]): string | null {
  if (lines.length === 0) return 'the MRZ is empty';
  if (lines.length > 3) return `an MRZ has one to three lines, found ${lines.length}`;
  if (lines.some((l) => l.length > 44)) return `an MRZ line has at most 44 characters, found ${Math.max(...lines.map((l) => l.length))}`;
  return null;
}

function failed(lines: string[], message: string): MrzCheck {
  return {
    format: null, valid: false, lines, fields: emptyFields(), errors: [{ field: 'input', message }],
    corrections: [], holder: null, expired: null,
  };
}

function emptyFields(): MrzFields {
  return {
    documentCode: null, documentType: null, issuingState: null, documentNumber: null, nationality: null,
    lastName: null, firstNames: null, birthDate: null, sex: null, expirationDate: null, issueDate: null,
    optionalData: [], extra: {},
  };
}

function readWithPackage(lines: string[], autocorrect: boolean): Reading {
  const result = parse(lines, { autocorrect });
  // The package's documentNumber is the one printed on the card (French ID: issue date + office + number).
  const fields: RawFields = { ...result.fields, documentNumber: result.documentNumber };
  if (result.fields.documentNumber && result.fields.documentNumber !== result.documentNumber) {
    fields.mrzDocumentNumber = result.fields.documentNumber;
  }
  for (const d of result.details) {
    // An unknown state code is nulled by the package, yet the letters read are still evidence.
    const unknown = /^invalid state code: ([A-Z]{1,3})$/.exec(d.error ?? '');
    if (unknown && (d.field === 'issuingState' || d.field === 'nationality')) fields[d.field] = unknown[1];
  }
  // A number longer than nine characters spills, with its check digit, into the optional field.
  const spill = (result.format === 'TD1' && lines[0][14] === '<' && 'optional1')
    || (result.format === 'TD2' && lines[1][9] === '<' && 'optional');
  const spilled = spill ? fields[spill] : null;
  if (spill && spilled) fields[spill] = spilled.split(' ').slice(1).join(' ');
  // Fields sharing characters (both names read one range) each list the same correction.
  const corrections = [...new Map(result.details.flatMap((d) => d.autocorrect).map((c) => [`${c.line}:${c.column}`, c])).values()];
  return { format: result.format, fields, errors: result.details.filter((d) => !d.valid).map(detailError), corrections };
}

function detailError(d: Details): MrzError {
  const field = d.field === 'firstName' ? 'firstNames' : (d.field ?? d.label);
  const at = { line: d.line, column: d.start };
  const message = d.error ?? 'invalid';
  const digit = /^invalid check digit: (.)\. Must be (\d)$/.exec(message)
    ?? /^invalid check digit (.): must be (0) or <$/.exec(message);
  // The package computes the expected digit itself, including for TD1 numbers over nine characters.
  if (digit) return checkDigitError(field, d.label, digit[2], digit[1], at);
  const state = /^invalid state code: (.*)$/.exec(message);
  if (state) return { field, message: stateMessage(d.label, state[1]), ...at };
  return { field, message: `${d.label}: ${message}`, ...at };
}

const SEXES: Record<string, Sex> = { male: 'male', female: 'female', nonspecified: 'unspecified', unspecified: 'unspecified' };
const MAPPED = new Set(['documentCode', 'issuingState', 'documentNumber', 'nationality', 'lastName', 'firstName',
  'birthDate', 'sex', 'expirationDate', 'issueDate', 'optional', 'optional1', 'optional2', 'personalNumber']);

function finish(lines: string[], reading: Reading, now: Date): MrzCheck {
  const { format, fields: f } = reading;
  const errors = [...reading.errors];
  const date = (field: 'birthDate' | 'expirationDate' | 'issueDate', label: string): string | null => {
    const raw = f[field];
    if (!raw) return null;
    const resolved = resolveDate(raw, field === 'expirationDate' ? 'expiry' : 'past', now);
    if (resolved === undefined) errors.push({ field, message: `${label} ${raw} is not a calendar date` });
    return resolved ?? null;
  };
  const fields: MrzFields = {
    documentCode: f.documentCode ?? null,
    documentType: documentTypeOf(format, f.documentCode ?? null),
    issuingState: f.issuingState ?? null,
    documentNumber: f.documentNumber ?? null,
    nationality: f.nationality ?? null,
    lastName: f.lastName ?? null,
    firstNames: f.firstName ?? null,
    birthDate: date('birthDate', 'Birth date'),
    sex: SEXES[f.sex ?? ''] ?? null,
    expirationDate: date('expirationDate', 'Expiration date'),
    issueDate: date('issueDate', 'Issue date'),
    optionalData: [f.optional1, f.optional2, f.optional, f.personalNumber].filter((v): v is string => !!v),
    extra: Object.fromEntries(Object.entries(f).filter((e): e is [string, string] =>
      !MAPPED.has(e[0]) && !e[0].endsWith('CheckDigit') && typeof e[1] === 'string' && e[1] !== '')),
  };
  const today = isoDay(now);
  return {
    format, valid: errors.length === 0, lines, fields, errors, corrections: reading.corrections,
    holder: holderOf(fields, lines, format),
    expired: fields.expirationDate && fields.expirationDate.length === 10 ? fields.expirationDate < today : null,
  };
}

function documentTypeOf(format: MrzFormat, code: string | null): MrzDocumentKind | null {
  if (format === 'FRENCH_DRIVING_LICENSE' || format === 'SWISS_DRIVING_LICENSE') return 'driving_licence';
  if (!code) return null;
  if (code[0] === 'P') return 'passport';
  if (code[0] === 'V') return 'visa';
  // The second letter is left to the issuer, but EU residence permits agree on R (AR, CR, IR).
  if (code[1] === 'R') return 'residence_permit';
  return 'identity_card';
}

function holderOf(fields: MrzFields, lines: string[], format: MrzFormat): MrzHolder | null {
  const full = [fields.firstNames, fields.lastName].filter((n): n is string => !!n).join(' ');
  if (!full && !fields.birthDate) return null;
  const nameLine = format === 'TD1' || format === 'SWISS_DRIVING_LICENSE' ? lines[2] : lines[0];
  const nationality = fields.nationality ?? (format === 'FRENCH_NATIONAL_ID' ? fields.issuingState : null);
  return {
    names: full ? [full] : [],
    birthDate: fields.birthDate,
    sex: fields.sex,
    nationality: nationality === null ? null : normaliseCountryCode(nationality),
    namesTruncated: format !== 'FRENCH_NATIONAL_ID' && format !== 'FRENCH_DRIVING_LICENSE' && !!nameLine && !nameLine.endsWith('<'),
  };
}

/**
 * Two-digit years: a birth or issue date is the latest one not after `now`; an expiry date is
 * the latest one no more than 20 years ahead (no document is valid longer). Returns undefined
 * for an impossible calendar date, a reduced ISO date when the day or month is unknown (`<<`).
 */
export function resolveDate(yymmdd: string, kind: 'past' | 'expiry', now: Date): string | null | undefined {
  if (!/^[0-9<]{4}([0-9<]{2})?$/.test(yymmdd) || yymmdd.startsWith('<')) return yymmdd.startsWith('<<') ? null : undefined;
  const [yy, mm, dd] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6)].map((p) => (/^\d\d$/.test(p) ? Number(p) : 0));
  const base = Math.floor(now.getUTCFullYear() / 100) * 100;
  const limit = kind === 'past' ? isoDay(now) : `${now.getUTCFullYear() + 20}-12-31`;
  const iso = (year: number): string => [String(year).padStart(4, '0'), mm && pad2(mm), mm && dd && pad2(dd)].filter(Boolean).join('-');
  const year = [base + 100, base, base - 100].map((c) => c + yy).find((y) => iso(y) <= limit) ?? base - 100 + yy;
  if (mm > 12 || (dd && (!mm || dd > new Date(Date.UTC(year, mm, 0)).getUTCDate()))) return undefined;
  return iso(year);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
