import { describe, expect, it } from 'vitest';

import {
  DOCUMENT_STATUSES, DOCUMENT_TYPES, REPORT_KINDS, issuingCountryProblem, mayRecordStatus, normaliseDocumentInput,
  validateDocumentInput, validateDocumentReport,
} from './model.ts';
import type { DocumentInput } from './model.ts';

const passport: DocumentInput = {
  number: 'L898902C3', type: 'passport', issuingCountry: 'FRA', issueDate: '2020-01-15', expiryDate: '2030-01-14',
};
const fields = (input: Partial<DocumentInput>): string[] =>
  validateDocumentInput({ ...passport, ...input }).map((e) => e.field);

describe('vocabularies', () => {
  it('lists the document types, statuses and report kinds', () => {
    expect(DOCUMENT_TYPES).toEqual(['passport', 'identity_card', 'visa', 'residence_permit', 'travel_document', 'stolen_blank']);
    expect(DOCUMENT_STATUSES).toEqual(['stolen', 'lost', 'revoked', 'invalidated', 'counterfeit', 'forged', 'stolen_blank']);
    expect(REPORT_KINDS).toEqual(['status', 'seen', 'seized']);
  });
});

describe('mayRecordStatus', () => {
  it('lets the issuing country record the status of its own documents', () => {
    expect(mayRecordStatus('FRA', false, 'FRA', 'status')).toBe(true);
  });

  it('refuses a status record by another country', () => {
    expect(mayRecordStatus('ESP', false, 'FRA', 'status')).toBe(false);
  });

  it('lets the secretariat record a status on behalf of any issuing country', () => {
    expect(mayRecordStatus('XPO', true, 'FRA', 'status')).toBe(true);
  });

  it('lets any member report a document seen or seized, its issuer included', () => {
    for (const kind of ['seen', 'seized'] as const) {
      expect(mayRecordStatus('ESP', false, 'FRA', kind)).toBe(true);
      expect(mayRecordStatus('FRA', false, 'FRA', kind)).toBe(true);
    }
  });

  it('compares codes as the MRZ writes them: D is Germany, case and fillers do not matter', () => {
    expect(mayRecordStatus('DEU', false, 'D<<', 'status')).toBe(true);
    expect(mayRecordStatus('deu', false, 'D', 'status')).toBe(true);
  });

  it('refuses an actor without a country, and an unknown kind', () => {
    expect(mayRecordStatus('', false, '', 'status')).toBe(false);
    expect(mayRecordStatus('FRA', false, 'FRA', 'deleted' as never)).toBe(false);
  });
});

describe('issuingCountryProblem', () => {
  it.each(['FRA', 'deu', 'D<<', 'D', 'XPO', 'EUE', 'UNO', 'RKS'])('accepts %s', (code) => {
    expect(issuingCountryProblem(code)).toBeNull();
  });

  it.each([
    ['', /required/], ['<<<', /required/], ['UTO', /specimen/], ['XXA', /stateless.*holder/i], ['GBD', /holder/],
    ['ZZZ', /alpha-3/], ['FR', /alpha-3/], ['250', /alpha-3/], ['FRANCE', /alpha-3/],
  ])('refuses %j', (code, message) => {
    expect(issuingCountryProblem(code)).toMatch(message);
  });
});

describe('validateDocumentInput', () => {
  it('accepts a complete passport and one without dates', () => {
    expect(validateDocumentInput(passport)).toEqual([]);
    expect(fields({ issueDate: null, expiryDate: undefined })).toEqual([]);
    expect(fields({ type: 'stolen_blank', issueDate: '', expiryDate: '' })).toEqual([]);
  });

  it('checks the number after normalisation', () => {
    expect(fields({ number: ' l898-902.c3<< ' })).toEqual([]);
    expect(fields({ number: '<<< -. ' })).toEqual(['number']);
    expect(fields({ number: 'AB#12' })).toEqual(['number']);
    expect(fields({ number: 'ÀB12' })).toEqual(['number']);
  });

  it('checks the type and the issuing country', () => {
    expect(fields({ type: 'driving_licence' })).toEqual(['type']);
    expect(fields({ issuingCountry: 'D<<' })).toEqual([]);
    expect(fields({ issuingCountry: 'UTO' })).toEqual(['issuingCountry']);
  });

  it('checks that dates exist and that issue is not after expiry', () => {
    expect(fields({ issueDate: '2023-02-29' })).toEqual(['issueDate']);
    expect(fields({ issueDate: '2024-02-29' })).toEqual([]);
    expect(fields({ issueDate: '1900-02-29', expiryDate: '1910-01-01' })).toEqual(['issueDate']);
    expect(fields({ expiryDate: '2030-1-14' })).toEqual(['expiryDate']);
    expect(fields({ expiryDate: '14/01/2030' })).toEqual(['expiryDate']);
    expect(fields({ expiryDate: '2030-13-01' })).toEqual(['expiryDate']);
    expect(fields({ expiryDate: '2019-12-31' })).toEqual(['expiryDate']);
    expect(fields({ issueDate: '2030-01-14' })).toEqual([]);
  });

  it('reports every problem at once, each with a message', () => {
    const errors = validateDocumentInput({ number: '', type: 'x', issuingCountry: 'ZZ', issueDate: 'soon', expiryDate: '2020-02-30' });
    expect(errors.map((e) => e.field)).toEqual(['number', 'type', 'issuingCountry', 'issueDate', 'expiryDate']);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('does not throw on missing fields from untyped input', () => {
    expect(() => validateDocumentInput({} as DocumentInput)).not.toThrow();
    expect(validateDocumentInput({} as DocumentInput).map((e) => e.field)).toEqual(['number', 'type', 'issuingCountry']);
  });
});

describe('normaliseDocumentInput', () => {
  it('stores numbers and countries in their look-up form', () => {
    expect(normaliseDocumentInput({ ...passport, number: 'c01x-0006h', issuingCountry: 'D<<' }))
      .toEqual({ ...passport, number: 'C01X0006H', issuingCountry: 'DEU' });
  });
});

describe('validateDocumentReport', () => {
  it('needs a status on a status record and none on a seen or seized report', () => {
    expect(validateDocumentReport({ kind: 'status', status: 'stolen' })).toEqual([]);
    expect(validateDocumentReport({ kind: 'seized', date: '2026-03-01' })).toEqual([]);
    expect(validateDocumentReport({ kind: 'status' }).map((e) => e.field)).toEqual(['status']);
    expect(validateDocumentReport({ kind: 'status', status: 'misplaced' }).map((e) => e.field)).toEqual(['status']);
    expect(validateDocumentReport({ kind: 'seen', status: 'stolen' }).map((e) => e.field)).toEqual(['status']);
    expect(validateDocumentReport({ kind: 'lost' }).map((e) => e.field)).toEqual(['kind']);
    expect(validateDocumentReport({ kind: 'seen', date: '2026-02-30' }).map((e) => e.field)).toEqual(['date']);
  });
});
