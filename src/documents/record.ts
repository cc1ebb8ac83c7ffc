import countries from 'i18n-iso-countries';
import { states } from 'mrz';

import { DOCUMENT_STATUSES, validateDocumentInput, validateDocumentReport, type DocumentStatus, type DocumentType, type FieldError } from './model.ts';
import { normaliseCountryCode, normaliseDocumentNumber } from './mrz.ts';

export const HOLDER_SEXES = ['M', 'F', 'X'] as const;
export type HolderSex = (typeof HOLDER_SEXES)[number];

/** The holder as the reporting country knows them; `personId` links a person record. */
export interface DocumentHolder {
  personId: string | null;
  names: string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: an MRZ may leave the day or month unknown. */
  birthDate: string | null;
  sex: HolderSex | null;
  nationality: string | null;
}

/** A document record as stored: the number as entered and in the form it is compared in. */
export interface DocumentData {
  number: string;
  numberNormalised: string;
  issuingCountry: string;
  type: DocumentType;
  status: DocumentStatus;
  holder: DocumentHolder | null;
  issueDate: string | null;
  expiryDate: string | null;
  reportedOn: string;
  reportedPlace: string | null;
  circumstances: string | null;
}

/** What a client sends to record a document's status. */
export interface DocumentRecordInput {
  number: string;
  issuingCountry: string;
  type: string;
  status: string;
  holder?: Partial<DocumentHolder> | null;
  issueDate?: string | null;
  expiryDate?: string | null;
  reportedOn?: string | null;
  reportedPlace?: string | null;
  circumstances?: string | null;
}

/** A member's report of having seen or seized a document. */
export interface SightingInput {
  kind: string;
  observedOn?: string | null;
  place?: string | null;
  country?: string | null;
  circumstances?: string | null;
}

export interface SightingData { kind: 'seen' | 'seized'; observedOn: string | null; place: string | null; country: string | null; circumstances: string | null }

const today = (now: Date) => now.toISOString().slice(0, 10);
const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** A nationality or place code: ISO 3166-1 alpha-3, or an ICAO code (XXA stateless, D Germany…). */
export function countryCodeProblem(code: string): string | null {
  const c = normaliseCountryCode(code);
  if (/^[A-Z]{3}$/.test(c) && (countries.alpha3ToAlpha2(c) || Object.hasOwn(states, c))) return null;
  return `'${code}' is not an ISO 3166-1 alpha-3 or ICAO country code`;
}

/** A full or partial date (YYYY, YYYY-MM, YYYY-MM-DD) that exists and is not in the future. */
export function pastDateProblem(value: string, now: Date, partial: boolean): string | null {
  const m = (partial ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(value);
  if (!m) return `'${value}' is not a ${partial ? 'YYYY, YYYY-MM or YYYY-MM-DD' : 'YYYY-MM-DD'} date`;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return `'${value}' is not a calendar date`;
  if (value.slice(0, 10) > today(now).slice(0, value.length)) return `'${value}' is in the future`;
  return null;
}

function holderOf(input: Partial<DocumentHolder>, now: Date, problems: FieldError[]): DocumentHolder | null {
  const names = (input.names ?? []).map((n) => n.normalize('NFC').replace(/\s+/g, ' ').trim());
  names.forEach((n, i) => { if (!/\p{L}/u.test(n)) problems.push({ field: `holder.names.${i}`, message: 'a name needs at least one letter' }); });
  const birthDate = text(input.birthDate);
  const birthProblem = birthDate === null ? null : pastDateProblem(birthDate, now, true);
  if (birthProblem) problems.push({ field: 'holder.birthDate', message: birthProblem });
  const nationality = text(input.nationality);
  const nationalityProblem = nationality === null ? null : countryCodeProblem(nationality);
  if (nationalityProblem) problems.push({ field: 'holder.nationality', message: nationalityProblem });
  if (input.sex && !(HOLDER_SEXES as readonly string[]).includes(input.sex)) problems.push({ field: 'holder.sex', message: 'M, F or X' });
  const holder: DocumentHolder = {
    personId: input.personId ?? null, names, birthDate, sex: input.sex ?? null,
    nationality: nationality === null ? null : normaliseCountryCode(nationality),
  };
  return holder.personId || names.length || birthDate || holder.sex || nationality ? holder : null;
}

/** Validates a status record from a client into stored form, naming every problem with its field. */
export function validateDocumentRecord(input: DocumentRecordInput, now = new Date()): { data: DocumentData; problems: FieldError[] } {
  const problems: FieldError[] = [...validateDocumentInput(input)];
  const status = input.status as DocumentStatus;
  if (!(DOCUMENT_STATUSES as readonly string[]).includes(status)) problems.push({ field: 'status', message: `the status must be one of ${DOCUMENT_STATUSES.join(', ')}` });
  if (input.type === 'stolen_blank' && status !== 'stolen_blank') problems.push({ field: 'status', message: 'a stolen blank has the status stolen_blank' });
  const holder = input.holder ? holderOf(input.holder, now, problems) : null;
  if ((status === 'stolen_blank' || input.type === 'stolen_blank') && holder) problems.push({ field: 'holder', message: 'a blank stolen before personalisation has no holder' });
  const issueDate = text(input.issueDate);
  const issueProblem = issueDate && !problems.some((p) => p.field === 'issueDate') ? pastDateProblem(issueDate, now, false) : null;
  if (issueProblem) problems.push({ field: 'issueDate', message: issueProblem });
  const reportedOn = text(input.reportedOn);
  const reportedProblem = reportedOn ? pastDateProblem(reportedOn, now, false) : null;
  if (reportedProblem) problems.push({ field: 'reportedOn', message: reportedProblem });
  return {
    problems,
    data: {
      number: input.number.trim(), numberNormalised: normaliseDocumentNumber(input.number), issuingCountry: normaliseCountryCode(input.issuingCountry),
      type: input.type as DocumentType, status, holder, issueDate, expiryDate: text(input.expiryDate),
      reportedOn: reportedOn ?? today(now), reportedPlace: text(input.reportedPlace), circumstances: text(input.circumstances),
    },
  };
}

/** Validates a seen / seized report. */
export function validateSighting(input: SightingInput, now = new Date()): { data: SightingData; problems: FieldError[] } {
  const problems: FieldError[] = validateDocumentReport({ kind: input.kind, date: input.observedOn })
    .map((e) => (e.field === 'date' ? { ...e, field: 'observedOn' } : e));
  if (input.kind === 'status') problems.push({ field: 'kind', message: 'a status is recorded on the document by its issuing country; report seen or seized' });
  const observedOn = text(input.observedOn);
  const future = observedOn && !problems.some((p) => p.field === 'observedOn') ? pastDateProblem(observedOn, now, false) : null;
  if (future) problems.push({ field: 'observedOn', message: future });
  const country = text(input.country);
  const countryProblem = country === null ? null : countryCodeProblem(country);
  if (countryProblem) problems.push({ field: 'country', message: countryProblem });
  return {
    problems,
    data: { kind: input.kind as SightingData['kind'], observedOn, place: text(input.place), country: country === null ? null : normaliseCountryCode(country), circumstances: text(input.circumstances) },
  };
}

/** Which fields differ between two versions, for the history. */
export function changedFields(before: DocumentData, after: DocumentData): string[] {
  return (Object.keys(after) as (keyof DocumentData)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
