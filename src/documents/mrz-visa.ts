import { states } from 'mrz';

import type { MrzError, Reading, RawFields } from './mrz.ts';
import { checkDigitError, computeCheckDigit, fillerToSpace, stateMessage } from './mrz-codes.ts';

/** Reads a visa zone (MRV-A, MRV-B), which the `mrz` package does not parse. */
export function readVisa(lines: string[]): Reading {
  const [top, bottom] = lines;
  const width = top.length;
  const fields: RawFields = {};
  const errors: MrzError[] = [];
  if (bottom.length !== width) {
    throw new Error(`both lines of a visa MRZ have ${width} characters, line 2 has ${bottom.length}`);
  }
  const text = (field: string, label: string, line: number, start: number, end: number, pattern: RegExp): string | null => {
    const raw = lines[line].slice(start, end);
    if (pattern.test(raw)) return raw;
    errors.push({ field, message: `${label}: invalid characters in '${raw}'`, line, column: start });
    return null;
  };
  const code = text('documentCode', 'Document code', 0, 0, 2, /^V[A-Z<]$/);
  fields.documentCode = code?.replace(/<$/, '') ?? null;
  for (const [field, label, line, start] of [['issuingState', 'Issuing state', 0, 2], ['nationality', 'Nationality', 1, 10]] as const) {
    const state = text(field, label, line, start, start + 3, /^[A-Z<]{3}$/)?.replace(/<+$/, '') ?? null;
    fields[field] = state;
    if (state !== null && !Object.hasOwn(states, state)) errors.push({ field, message: stateMessage(label, state), line, column: start });
  }
  const name = text('lastName', 'Name', 0, 5, width, /^[A-Z<]+$/);
  if (name !== null) {
    const split = name.indexOf('<<');
    fields.lastName = fillerToSpace(split < 0 ? name : name.slice(0, split));
    fields.firstName = split < 0 ? '' : fillerToSpace(name.slice(split + 2));
  }
  const checked = (field: string, label: string, start: number, end: number, pattern: RegExp): string | null => {
    const value = text(field, label, 1, start, end, pattern);
    const found = bottom[end];
    if (value !== null && found !== String(computeCheckDigit(value))) {
      errors.push(checkDigitError(`${field}CheckDigit`, `${label} check digit`, String(computeCheckDigit(value)), found, { line: 1, column: end }));
    }
    return value;
  };
  fields.documentNumber = checked('documentNumber', 'Document number', 0, 9, /^[A-Z0-9<]{9}$/)?.replace(/<+$/, '') ?? null;
  fields.birthDate = checked('birthDate', 'Birth date', 13, 19, /^[0-9<]{6}$/);
  fields.expirationDate = checked('expirationDate', 'Expiration date', 21, 27, /^[0-9]{6}$/);
  fields.sex = { M: 'male', F: 'female', '<': 'unspecified' }[bottom[20]] ?? null;
  if (fields.sex === null) errors.push({ field: 'sex', message: `Sex: '${bottom[20]}' is not M, F or <`, line: 1, column: 20 });
  const optional = text('optionalData', 'Optional data', 1, 28, width, /^[A-Z0-9<]*$/);
  fields.optional = optional === null ? null : fillerToSpace(optional);
  return { format: width === 44 ? 'MRV-A' : 'MRV-B', fields, errors, corrections: [] };
}
