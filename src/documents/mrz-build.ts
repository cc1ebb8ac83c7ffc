import anyAscii from 'any-ascii';
import { states } from 'mrz';

import type { Sex } from './mrz.ts';
import { computeCheckDigit, normaliseDocumentNumber, SPECIMEN_STATE } from './mrz-codes.ts';

export interface MrzBuildInput {
  /** Defaults to `P` (TD3) or `I` (TD1). */
  documentCode?: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  lastName: string;
  firstNames: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: Sex;
  expirationDate: string;
  /** TD3 personal number (14 characters) or TD1 line-2 optional data (11). */
  optionalData?: string;
}

/** Builds a passport zone (two lines of 44, joined by `\n`); throws on values that cannot be encoded. */
export function buildTd3Mrz(input: MrzBuildInput): string {
  const number = fit(normaliseDocumentNumber(input.documentNumber), 9, 'document number');
  const personal = fit(mrzText(input.optionalData ?? ''), 14, 'personal number');
  const top = `${fit(input.documentCode ?? 'P', 2, 'document code')}${state(input.issuingState)}${nameField(input, 39)}`;
  const parts = [
    withCheck(number), state(input.nationality), withCheck(yymmdd(input.birthDate)), sexCode(input.sex),
    withCheck(yymmdd(input.expirationDate)), personal, personal.replace(/</g, '') ? String(computeCheckDigit(personal)) : '<',
  ];
  const bottom = parts.join('');
  const composite = bottom.slice(0, 10) + bottom.slice(13, 20) + bottom.slice(21, 43);
  return `${top}\n${bottom}${computeCheckDigit(composite)}`;
}

/** Builds an identity-card zone (three lines of 30, joined by `\n`); numbers over nine characters use the ICAO extension. */
export function buildTd1Mrz(input: MrzBuildInput): string {
  const number = normaliseDocumentNumber(input.documentNumber);
  const numberField = number.length <= 9
    ? fit(withCheck(fit(number, 9, 'document number')), 25, 'document number')
    : fit(`${number.slice(0, 9)}<${number.slice(9)}${computeCheckDigit(number)}`, 25, 'document number');
  const line1 = `${fit(input.documentCode ?? 'I', 2, 'document code')}${state(input.issuingState)}${numberField}`;
  const head = `${withCheck(yymmdd(input.birthDate))}${sexCode(input.sex)}${withCheck(yymmdd(input.expirationDate))}`;
  const line2 = `${head}${state(input.nationality)}${fit(mrzText(input.optionalData ?? ''), 11, 'optional data')}`;
  const composite = line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29);
  return `${line1}\n${line2}${computeCheckDigit(composite)}\n${nameField(input, 30)}`;
}

// ICAO 9303 part 3 transliterations that differ from plain accent stripping.
const ICAO_LATIN: Record<string, string> = { Ä: 'AE', Å: 'AA', Æ: 'AE', Ö: 'OE', Ø: 'OE', Œ: 'OE', Ü: 'UE', ß: 'SS', Þ: 'TH', Ð: 'D' };

function mrzText(s: string): string {
  const latin = anyAscii(s.toUpperCase().replace(/[ÄÅÆÖØŒÜßÞÐ]/g, (c) => ICAO_LATIN[c]));
  return latin.toUpperCase().replace(/['’`]/g, '').replace(/[^A-Z0-9]+/g, '<').replace(/^<|<$/g, '');
}

function nameField(input: MrzBuildInput, width: number): string {
  const last = mrzText(input.lastName).replace(/\d/g, '');
  const first = mrzText(input.firstNames).replace(/\d/g, '');
  // Plain truncation; ICAO's finer rules (dropping given names first) matter little for demo data.
  return (first ? `${last}<<${first}` : last).slice(0, width).padEnd(width, '<');
}

function fit(value: string, width: number, what: string): string {
  if (value.length > width) throw new RangeError(`${what} '${value}' is longer than ${width} characters`);
  return value.padEnd(width, '<');
}

function withCheck(value: string): string {
  return `${value}${computeCheckDigit(value)}`;
}

function state(code: string): string {
  const cleaned = code.trim().toUpperCase();
  const mrz = cleaned === 'DEU' ? 'D' : cleaned;
  if (!Object.hasOwn(states, mrz.replace(/<+$/, '')) && mrz !== SPECIMEN_STATE) throw new RangeError(`'${code}' is not an ICAO state code`);
  return fit(mrz.replace(/<+$/, ''), 3, 'state code');
}

function yymmdd(iso: string): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(iso);
  const real = m && Number(iso.slice(0, 4)) >= 1000 && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  if (!m || !real) throw new RangeError(`'${iso}' is not a YYYY-MM-DD date`);
  return `${m[1]}${m[2]}${m[3]}`;
}

function sexCode(sex: Sex): string {
  return { male: 'M', female: 'F', unspecified: '<' }[sex];
}
