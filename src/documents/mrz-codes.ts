import type { MrzError } from './mrz.ts';

// Character-level rules of ICAO Doc 9303 shared by reading and building zones.

export const SPECIMEN_STATE = 'UTO';
const CHECK_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The ICAO 7-3-1 check digit of a field (`<` counts 0, letters A=10 … Z=35). */
export function computeCheckDigit(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i].toUpperCase();
    const value = c === '<' ? 0 : CHECK_VALUES.indexOf(c);
    if (value < 0) throw new RangeError(`'${c}' is not an MRZ character`);
    sum += value * [7, 3, 1][i % 3];
  }
  return sum % 10;
}

/** A document number in the form numbers are compared in: no case, fillers, spaces, dots or dashes. */
export function normaliseDocumentNumber(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[<\s.-]/g, '');
}

/** MRZ country code to ISO 3166-1 alpha-3: fillers stripped and Germany's `D` mapped to `DEU`. */
export function normaliseCountryCode(code: string): string {
  const cleaned = code.trim().toUpperCase().replace(/<+/g, '');
  return cleaned === 'D' ? 'DEU' : cleaned;
}

/** A failed check digit, named with what it should have been and what was read. */
export function checkDigitError(field: string, label: string, expected: string, found: string, at: { line: number; column: number }): MrzError {
  return { field, message: `${label} is '${found}', expected '${expected}'`, expected, found, ...at };
}

export function stateMessage(label: string, code: string): string {
  return code === SPECIMEN_STATE
    ? `${label} UTO is Utopia, the fictitious state of ICAO specimens, not a real state`
    : `${label} '${code}' is not an ICAO state or organisation code`;
}

export function fillerToSpace(s: string): string {
  return s.replace(/<+$/, '').replace(/<+/g, ' ').trim();
}
