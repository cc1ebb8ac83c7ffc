import { describe, expect, it } from 'vitest';

import { changedFields, countryCodeProblem, pastDateProblem, validateDocumentRecord, validateSighting } from './record.ts';
import type { DocumentRecordInput } from './record.ts';

const NOW = new Date('2026-03-15T12:00:00Z');
const passport: DocumentRecordInput = {
  number: ' l898 902-c3 ', issuingCountry: 'd<<', type: 'passport', status: 'stolen', issueDate: '2020-01-15', expiryDate: '2030-01-14',
  holder: { names: ['  Erika   Mustermann '], birthDate: '1964-08', sex: 'F', nationality: 'D' },
};
const fields = (input: Partial<DocumentRecordInput>) => validateDocumentRecord({ ...passport, ...input }, NOW).problems.map((p) => p.field).sort();

describe('validateDocumentRecord', () => {
  it('keeps the number as entered beside its normalised form, and tidies codes and names', () => {
    const { data, problems } = validateDocumentRecord(passport, NOW);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      number: 'l898 902-c3', numberNormalised: 'L898902C3', issuingCountry: 'DEU', reportedOn: '2026-03-15',
      holder: { personId: null, names: ['Erika Mustermann'], birthDate: '1964-08', sex: 'F', nationality: 'DEU' },
    });
  });

  it('leaves out an empty holder', () => {
    expect(validateDocumentRecord({ ...passport, holder: { names: [] } }, NOW).data.holder).toBeNull();
  });

  it('names the status, the holder\'s dates and codes, and dates in the future', () => {
    expect(fields({ status: 'misplaced' })).toEqual(['status']);
    expect(fields({ holder: { birthDate: '1990-02-30', nationality: 'QQQ', names: ['1234'] } })).toEqual(['holder.birthDate', 'holder.names.0', 'holder.nationality']);
    expect(fields({ holder: { birthDate: '2027' } })).toEqual(['holder.birthDate']);
    expect(fields({ issueDate: '2026-03-16' })).toEqual(['issueDate']);
    expect(fields({ reportedOn: '2026-3-1' })).toEqual(['reportedOn']);
    expect(fields({ issuingCountry: 'XXA' })).toEqual(['issuingCountry']);
  });

  it('keeps stolen blanks apart: status stolen_blank and no holder', () => {
    expect(fields({ type: 'stolen_blank', status: 'stolen_blank', holder: null, issueDate: null, expiryDate: null })).toEqual([]);
    expect(fields({ type: 'stolen_blank', status: 'stolen' })).toEqual(['holder', 'status']);
    expect(fields({ status: 'stolen_blank' })).toEqual(['holder']);
  });
});

describe('validateSighting', () => {
  it('accepts seen and seized, and refuses a status', () => {
    expect(validateSighting({ kind: 'seized', observedOn: '2026-03-01', country: 'ita', place: ' Bari ' }, NOW)).toEqual({
      problems: [], data: { kind: 'seized', observedOn: '2026-03-01', place: 'Bari', country: 'ITA', circumstances: null },
    });
    expect(validateSighting({ kind: 'status' }, NOW).problems.map((p) => p.field)).toContain('kind');
  });

  it('names an impossible or future date and an unknown country', () => {
    expect(validateSighting({ kind: 'seen', observedOn: '2026-04-01', country: 'ZZZ' }, NOW).problems.map((p) => p.field)).toEqual(['observedOn', 'country']);
    expect(validateSighting({ kind: 'seen', observedOn: '2025-02-29' }, NOW).problems.map((p) => p.field)).toEqual(['observedOn']);
  });
});

describe('helpers', () => {
  it('accepts ISO and ICAO country codes', () => {
    expect(countryCodeProblem('FRA')).toBeNull();
    expect(countryCodeProblem('XXA')).toBeNull();
    expect(countryCodeProblem('D')).toBeNull();
    expect(countryCodeProblem('ZZZ')).toMatch(/not an ISO/);
  });

  it('checks full and partial dates', () => {
    expect(pastDateProblem('2024-02-29', NOW, false)).toBeNull();
    expect(pastDateProblem('2024-02', NOW, false)).toMatch(/YYYY-MM-DD/);
    expect(pastDateProblem('2024-02', NOW, true)).toBeNull();
    expect(pastDateProblem('2026-04', NOW, true)).toMatch(/future/);
    expect(pastDateProblem('1899', NOW, true)).toMatch(/calendar/);
  });

  it('lists changed fields', () => {
    const a = validateDocumentRecord(passport, NOW).data;
    expect(changedFields(a, { ...a, status: 'lost', circumstances: 'x' })).toEqual(['status', 'circumstances']);
  });
});
