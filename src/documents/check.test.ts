import { describe, expect, it } from 'vitest';

import type { Actor } from '../platform/access/actor.ts';
import { DomainError } from '../platform/errors.ts';
import { checkAnswer, hitCandidates, hitQuery, readCheckQuery, withHits } from './check.ts';
import { buildTd1Mrz, buildTd3Mrz } from './mrz.ts';
import type { DocumentView } from './service.ts';
import type { DocumentRow } from './store.ts';

const NOW = new Date('2026-03-15T12:00:00Z');
const ita: Actor = { userId: 'u', username: 'ita.frontline', orgId: 'NCB-ITA', orgKind: 'ncb', country: 'ITA', roles: ['frontline'] };
const td3 = buildTd3Mrz({ issuingState: 'DEU', documentNumber: 'C01X00T47', nationality: 'DEU', lastName: 'Mustermann', firstNames: 'Erika', birthDate: '1964-08-12', sex: 'female', expirationDate: '2027-10-31' });

function row(over: Partial<DocumentRow>): DocumentRow {
  return {
    id: 'doc-1', owner_org: 'NCB-DEU', audience: 'all', audience_orgs: [], denied_orgs: [], tlp: 'AMBER', handling: 'H0', subject: 'other',
    review_at: new Date('2030-01-01'), source: null, reliability: 'B', accuracy: '2', created_by: null, created_at: NOW, updated_at: NOW,
    deleted_at: null, deleted_reason: null, version: 1, number: 'C01X00T47', number_norm: 'C01X00T47', issuing_country: 'DEU', type: 'passport',
    status: 'stolen', holder_person_id: null, holder_names: ['Erika Mustermann', 'Erika Gabler'], holder_birth_date: '1964-08-12', holder_sex: 'F',
    holder_nationality: 'DEU', issue_date: null, expiry_date: null, reported_on: '2025-01-02', reported_place: null, circumstances: 'burglary',
    cancelled_at: null, cancel_reason: null, sighting_count: 0, ...over,
  };
}
const view = (r: DocumentRow) => ({ id: r.id, status: r.status, holder: { personId: null, names: r.holder_names, birthDate: r.holder_birth_date, sex: r.holder_sex, nationality: r.holder_nationality }, sightings: [] }) as unknown as DocumentView;

describe('readCheckQuery', () => {
  it('reads the number and issuing state from a zone (D is Germany)', () => {
    const q = readCheckQuery({ mrz: td3 }, NOW);
    expect(q).toMatchObject({ via: 'mrz', number: 'C01X00T47', numberNormalised: 'C01X00T47', issuingCountry: 'DEU' });
    expect(q.mrz?.valid).toBe(true);
  });

  it('reads a number over nine characters from a TD1 optional field', () => {
    const td1 = buildTd1Mrz({ issuingState: 'BEL', documentNumber: '000590240601', nationality: 'BEL', lastName: 'Reinartz', firstNames: 'Ulrike', birthDate: '1985-12-01', sex: 'female', expirationDate: '2028-01-01' });
    expect(readCheckQuery({ mrz: td1 }, NOW)).toMatchObject({ numberNormalised: '000590240601', issuingCountry: 'BEL' });
  });

  it('looks nothing up when the zone yields no number, and never throws on a bad zone', () => {
    for (const mrz of ['hello', '<<<<', 'P<'.padEnd(44, '<'), '\u0000\u0001']) {
      const q = readCheckQuery({ mrz }, NOW);
      expect(q.mrz?.valid).toBe(false);
      expect(q.numberNormalised).toBeNull();
    }
  });

  it('normalises a number and a country; refuses what cannot be a number or a country, naming the field', () => {
    expect(readCheckQuery({ number: ' c01x-00t.47<< ', issuingCountry: 'd' }, NOW)).toMatchObject({ numberNormalised: 'C01X00T47', issuingCountry: 'DEU' });
    expect(readCheckQuery({ number: 'C01X00T47' }, NOW).issuingCountry).toBeNull();
    const fieldsOf = (q: Parameters<typeof readCheckQuery>[0]) => {
      try { readCheckQuery(q, NOW); return []; } catch (e) { return (e as DomainError).details.fields?.map((f) => f.field); }
    };
    expect(fieldsOf({ number: '<< >>', issuingCountry: 'ZZZ' })).toEqual(['number', 'issuingCountry']);
    expect(fieldsOf({})).toEqual(['mrz']);
    expect(fieldsOf({ mrz: td3, issuingCountry: 'DEU' })).toEqual(['mrz']);
  });
});

describe('checkAnswer', () => {
  const lookup = readCheckQuery({ mrz: td3 }, NOW);

  it('shows a record in full, with the holder from the zone and the record', () => {
    const a = checkAnswer(ita, lookup, [row({})], new Map(), view);
    expect(a.hit).toBe(true);
    expect(a.matches[0]).toMatchObject({ reference: 'doc-1', visibility: 'full', owner: 'NCB-DEU', message: expect.stringMatching(/recorded as stolen by NCB-DEU/) });
    expect(a.holder).toEqual({ names: ['ERIKA MUSTERMANN', 'Erika Gabler'], birthDates: ['1964-08-12'], sex: 'F', nationality: 'DEU', namesTruncated: false });
  });

  it('says only that a record exists, and whom to contact, when the owner withholds it', () => {
    const a = checkAnswer(ita, lookup, [row({ audience: 'owner' })], new Map(), view);
    expect(a.matches).toEqual([{ reference: 'doc-1', owner: 'NCB-DEU', visibility: 'existence', hitId: null, message: expect.stringContaining('contact NCB-DEU') }]);
    // The holder comes from the zone only: the withheld record adds no name.
    expect(a.holder?.names).toEqual(['ERIKA MUSTERMANN']);
  });

  it('drops a row the actor may not learn of, should one reach it', () => {
    expect(checkAnswer(ita, lookup, [row({ denied_orgs: ['NCB-ITA'] })], new Map(), view)).toMatchObject({ hit: false, matches: [] });
  });
});

describe('hits from a check', () => {
  const lookup = readCheckQuery({ mrz: td3 }, NOW);
  const deu: Actor = { ...ita, username: 'deu.frontline', orgId: 'NCB-DEU', country: 'DEU' };

  it('raises one hit per record of another organisation the checker may learn of, named by the document', () => {
    const rows = [row({}), row({ id: 'doc-2', audience: 'owner' }), row({ id: 'doc-3', denied_orgs: ['NCB-ITA'] })];
    expect(hitCandidates(ita, rows)).toEqual([
      expect.objectContaining({ recordType: 'document', recordId: 'doc-1', ownerOrg: 'NCB-DEU', disclosure: 'full', queryIdentity: 'document:DEU:C01X00T47', title: 'DEU passport C01X00T47: stolen' }),
      expect.objectContaining({ recordId: 'doc-2', disclosure: 'existence' }),
    ]);
    expect(hitCandidates(deu, rows)).toEqual([]);
  });

  it('tells the owner what was checked, the traveller as the zone gives them', () => {
    expect(hitQuery(lookup)).toMatchObject({
      kind: 'document', via: 'mrz', documentNumber: 'C01X00T47', issuingCountry: 'DEU', names: ['ERIKA MUSTERMANN'], birthDates: ['1964-08-12'], sex: 'F',
      mrz: { valid: true, failedChecks: [], expirationDate: '2027-10-31' },
    });
    expect(hitQuery(readCheckQuery({ number: 'c01x 00t47' }, NOW))).toMatchObject({ via: 'number', documentNumber: 'C01X00T47', issuingCountry: null, names: [], mrz: null });
  });

  it('gives each match its hit and says the owner was told', () => {
    const a = withHits(checkAnswer(ita, lookup, [row({ audience: 'owner' })], new Map(), view), new Map([['doc-1', 'hit-1']]));
    expect(a.matches[0]).toMatchObject({ hitId: 'hit-1', message: expect.stringMatching(/contact NCB-DEU.*NCB-DEU has been told of this check.*hit hit-1/) });
    expect(withHits(checkAnswer(ita, lookup, [row({})], new Map(), view), new Map()).matches[0].hitId).toBeNull();
  });
});
