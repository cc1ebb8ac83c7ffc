import countries from 'i18n-iso-countries';
import { states } from 'mrz';

import { normaliseCountryCode, normaliseDocumentNumber } from './mrz.ts';

export const DOCUMENT_TYPES = [
  'passport', 'identity_card', 'visa', 'residence_permit', 'travel_document', 'stolen_blank',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = [
  'stolen', 'lost', 'revoked', 'invalidated', 'counterfeit', 'forged', 'stolen_blank',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * `status`: the issuing country (or the secretariat for it) declares what the document is.
 * `seen` / `seized`: any member reports meeting or taking the document.
 */
export const REPORT_KINDS = ['status', 'seen', 'seized'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Only the issuing country, or the secretariat on its behalf, may declare a document of that
 * country stolen, lost, revoked or otherwise; anyone may report having seen or seized it.
 */
export function mayRecordStatus(
  actorCountry: string,
  actorIsSecretariat: boolean,
  issuingCountry: string,
  kind: ReportKind,
): boolean {
  if (kind !== 'status') return REPORT_KINDS.includes(kind);
  if (actorIsSecretariat) return true;
  const actor = normaliseCountryCode(actorCountry);
  return actor !== '' && actor === normaliseCountryCode(issuingCountry);
}

// ICAO 9303 part 3 codes for organisations that issue their own travel documents
// (EU laissez-passer, UN, INTERPOL…) and Kosovo, which has no ISO 3166-1 code.
const ORGANISATION_ISSUERS = new Set([
  'EUE', 'UNO', 'UNA', 'UNK', 'XPO', 'XCC', 'XES', 'XOM', 'XDC', 'XBA', 'XIM', 'XCE', 'XCO', 'XEC', 'RKS', 'XXK',
]);
// Codes that describe the holder's status, never the state that issued the document.
const HOLDER_ONLY_CODES = new Set(['XXA', 'XXB', 'XXC', 'XXX', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS']);

/** Why `code` cannot be an issuing country, or null when it can. */
export function issuingCountryProblem(code: string): string | null {
  const normalised = normaliseCountryCode(code);
  if (normalised === '') return 'the issuing country is required';
  if (normalised === 'UTO') return 'UTO is Utopia, the fictitious state of ICAO specimens';
  if (HOLDER_ONLY_CODES.has(normalised)) {
    return `${normalised} (${states[normalised]}) describes the holder, not an issuing state`;
  }
  if (/^[A-Z]{3}$/.test(normalised) && (countries.alpha3ToAlpha2(normalised) || ORGANISATION_ISSUERS.has(normalised))) {
    return null;
  }
  return `'${code}' is not an ISO 3166-1 alpha-3 country code`;
}

export interface DocumentInput {
  number: string;
  type: string;
  issuingCountry: string;
  /** `YYYY-MM-DD` */
  issueDate?: string | null;
  expiryDate?: string | null;
}

export interface DocumentReportInput {
  kind: string;
  status?: string | null;
  /** `YYYY-MM-DD` */
  date?: string | null;
}

/** The input with its number and country in the form documents are stored and looked up by. */
export function normaliseDocumentInput<T extends DocumentInput>(input: T): T {
  return {
    ...input,
    number: normaliseDocumentNumber(input.number),
    issuingCountry: normaliseCountryCode(input.issuingCountry),
  };
}

export function validateDocumentInput(input: DocumentInput): FieldError[] {
  const errors: FieldError[] = [];
  const number = normaliseDocumentNumber(input.number ?? '');
  if (number === '') errors.push({ field: 'number', message: 'the document number is empty' });
  else if (!/^[A-Z0-9]+$/.test(number)) {
    errors.push({ field: 'number', message: 'a document number has only letters A-Z and digits' });
  }
  if (!(DOCUMENT_TYPES as readonly string[]).includes(input.type)) {
    errors.push({ field: 'type', message: `the document type must be one of ${DOCUMENT_TYPES.join(', ')}` });
  }
  const country = issuingCountryProblem(input.issuingCountry ?? '');
  if (country) errors.push({ field: 'issuingCountry', message: country });
  const issue = dateProblem(input.issueDate);
  const expiry = dateProblem(input.expiryDate);
  if (issue) errors.push({ field: 'issueDate', message: issue });
  if (expiry) errors.push({ field: 'expiryDate', message: expiry });
  if (!issue && !expiry && input.issueDate && input.expiryDate && input.issueDate > input.expiryDate) {
    errors.push({ field: 'expiryDate', message: 'the expiry date is before the issue date' });
  }
  return errors;
}

export function validateDocumentReport(input: DocumentReportInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!(REPORT_KINDS as readonly string[]).includes(input.kind)) {
    errors.push({ field: 'kind', message: `the report kind must be one of ${REPORT_KINDS.join(', ')}` });
  } else if (input.kind === 'status' && !(DOCUMENT_STATUSES as readonly string[]).includes(input.status ?? '')) {
    errors.push({ field: 'status', message: `a status record needs a status: ${DOCUMENT_STATUSES.join(', ')}` });
  } else if (input.kind !== 'status' && input.status) {
    // A status is the issuer's word; a member that met the document reports what it saw instead.
    errors.push({ field: 'status', message: `a ${input.kind} report carries no status` });
  }
  const date = dateProblem(input.date);
  if (date) errors.push({ field: 'date', message: date });
  return errors;
}

function dateProblem(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `'${value}' is not a YYYY-MM-DD date`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days || day < 1 || day > days) {
    return `'${value}' is not a calendar date`;
  }
  return null;
}
