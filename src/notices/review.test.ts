import { describe, expect, it } from 'vitest';

import type { Notice, NoticeKind, RedNotice, SubjectParticulars } from './model.ts';
import { NOTICE_KINDS } from './model.ts';
import type { ReviewCheck, ReviewRule } from './review.ts';
import { canPublish, neutralityFindings, normaliseName, possibleDuplicates, reviewNotice } from './review.ts';

const NOW = new Date('2025-06-01T12:00:00Z');

const person = (over: Partial<SubjectParticulars> = {}): SubjectParticulars => ({
  names: [
    { value: 'Mohammed Ali Hassan', kind: 'primary', script: 'Latn', given: 'Mohammed Ali', family: 'Hassan' },
    { value: 'محمد علي حسن', kind: 'primary', script: 'Arab' },
  ],
  sex: 'male', datesOfBirth: ['1984-07-19'], placeOfBirth: { country: 'SYR', locality: 'Aleppo' },
  nationalities: ['SYR'], identifiers: [{ type: 'passport', value: 'N01234567', country: 'SYR' }],
  distinguishingMarks: ['scar on left forearm'], photoRefs: ['photo:1'], languages: ['ar', 'en'], heightCm: 176,
  ...over,
});

const base = { owner: 'NCB-ITA', status: 'under_review' as const, createdAt: '2025-05-01T09:00:00Z' };
const trafficking = { description: 'Trafficking in human beings for sexual exploitation of six women', law: 'Codice penale art. 601', penaltyMax: { years: 20 }, committedOn: '2023-11', committedIn: ['ITA', 'LBY'] };
const warrant = { kind: 'arrest_warrant' as const, reference: 'GIP-PA 2024/1187', issuingAuthority: 'Tribunale di Palermo', dateIssued: '2024-02-12' };

/** A complete, compliant notice of each kind. */
function valid(kind: NoticeKind, id = `n-${kind}`): Notice {
  switch (kind) {
    case 'red': return { ...base, id, kind, subject: person(), offence: trafficking, legalBasis: warrant, extraditionIntent: true, publicExtractAgreed: true };
    case 'yellow': return { ...base, id, kind, subject: person({ names: [{ value: 'Blessing Okafor', kind: 'primary', script: 'Latn' }], sex: 'female', datesOfBirth: ['2008-03'], nationalities: ['NGA'] }),
      lastSeen: { on: '2025-03-14', place: { country: 'NER', locality: 'Agadez' } }, circumstances: 'Left a reception centre with an unknown man promising work in Europe.' };
    case 'black': return { ...base, id, kind, body: { foundOn: '2025-04-02', place: { country: 'GRC', locality: 'Lesvos' }, sex: 'female', estimatedAgeMin: 20, estimatedAgeMax: 30, heightCm: 162, marks: ['tattoo of a rose on right ankle'], causeOfDeath: 'drowning', photoRefs: [] } };
    case 'purple': return { ...base, id, kind, modusOperandi: { crimeType: 'migrant smuggling', method: 'Migrants hidden in a false floor of refrigerated lorries', concealment: 'welded compartment under the cargo bed', route: ['TUR', 'BGR', 'SRB', 'HUN', 'AUT'], indicators: ['CO2 detector alarms', 'freshly welded floor plates'] } };
    case 'silver': return { ...base, id, kind, subject: person(), offence: { description: 'Laundering proceeds of migrant smuggling', law: 'Art. 648-bis c.p.' },
      assets: [{ type: 'real_estate', description: 'Villa in Antalya', country: 'TUR', estimatedValue: { amount: 900_000, currency: 'EUR' } }] };
    case 'orange': return { ...base, id, kind, subject: person(), threat: { nature: 'person', description: 'Armed and known to use violence against victims who try to leave', actionAdvised: 'Do not approach alone; inform the NCB of Italy' }, expiresAt: '2025-11-30T00:00:00Z' };
    case 'green': return { ...base, id, kind, subject: person(), criminalActivity: { description: 'Recruits young women online with false job offers', countries: ['NGA', 'ITA'], basis: 'Convicted in 2016 (Tribunale di Torino)' } };
    case 'blue': return { ...base, id, kind, subject: person({ datesOfBirth: [], nationalities: [], identifiers: [] }), informationSought: 'Identity and whereabouts of the man who drove the boat' };
    case 'un_special': return { ...base, id, kind, entity: { name: 'Example Trading LLC', aliases: [], country: 'LBY' }, sanctions: { committee: 'Security Council Committee established pursuant to resolution 1970 (2011)', reference: 'LYe.001', measures: ['assets_freeze'] } };
    case 'diffusion': return { ...base, id, kind, status: 'sent', purpose: 'arrest', recipients: ['NCB-FRA', 'NCB-DEU'], message: 'Please arrest with a view to extradition', subject: person(), offence: trafficking, legalBasis: warrant };
  }
}

const rule = (list: ReviewCheck[], r: ReviewRule) => list.find((c) => c.rule === r);
const review = (n: Notice, extra: { justification?: string; publishedNotices?: Notice[]; acknowledgedDuplicates?: string[] } = {}) =>
  reviewNotice(n, { publishedNotices: [], now: NOW, ...extra });

describe('reviewNotice: required data', () => {
  it.each(NOTICE_KINDS)('a complete %s notice passes every blocking rule', (kind) => {
    const checklist = review(valid(kind));
    expect(checklist.filter((c) => c.blocking && !c.passed)).toEqual([]);
    expect(canPublish(checklist)).toBe(true);
  });

  const failures: [string, () => Notice, ReviewRule][] = [
    ['red without DOB, nationality, identifier or photo', () => ({ ...valid('red') as RedNotice, subject: person({ datesOfBirth: [], nationalities: [], identifiers: [], photoRefs: [] }) }), 'identity'],
    ['red with no name', () => ({ ...valid('red') as RedNotice, subject: person({ names: [] }) }), 'identity'],
    ['red without the law', () => ({ ...valid('red') as RedNotice, offence: { ...trafficking, law: '' } }), 'offence'],
    ['red without a warrant', () => ({ ...valid('red') as RedNotice, legalBasis: undefined }), 'legal_basis'],
    ['red without the issuing authority', () => ({ ...valid('red') as RedNotice, legalBasis: { ...warrant, issuingAuthority: ' ' } }), 'legal_basis'],
    ['red without a penalty', () => ({ ...valid('red') as RedNotice, offence: { ...trafficking, penaltyMax: undefined } }), 'penalty'],
    ['red with a one-year penalty', () => ({ ...valid('red') as RedNotice, offence: { ...trafficking, penaltyMax: { years: 1 } } }), 'penalty'],
    ['red without extradition intent', () => ({ ...valid('red') as RedNotice, extraditionIntent: false }), 'extradition'],
    ['yellow without circumstances', () => ({ ...valid('yellow'), circumstances: '' } as Notice), 'circumstances'],
    ['yellow without a last-seen date', () => { const n = valid('yellow'); return n.kind === 'yellow' ? { ...n, lastSeen: { ...n.lastSeen, on: '' } } : n; }, 'last_seen'],
    ['black without a place', () => { const n = valid('black'); return n.kind === 'black' ? { ...n, body: { ...n.body, place: { country: '' } } } : n; }, 'body'],
    ['black with no descriptor', () => ({ ...base, id: 'b', kind: 'black', body: { foundOn: '2025-01-01', place: { country: 'ESP' }, marks: [], photoRefs: [] } }), 'descriptors'],
    ['purple without indicators', () => { const n = valid('purple'); return n.kind === 'purple' ? { ...n, modusOperandi: { ...n.modusOperandi, indicators: [] } } : n; }, 'modus_operandi'],
    ['silver without assets', () => ({ ...valid('silver'), assets: [] } as Notice), 'assets'],
    ['orange without action advised', () => { const n = valid('orange'); return n.kind === 'orange' ? { ...n, threat: { ...n.threat, actionAdvised: '' } } : n; }, 'threat'],
    ['orange about a person without one', () => ({ ...valid('orange'), subject: undefined } as Notice), 'identity'],
    ['green without basis', () => { const n = valid('green'); return n.kind === 'green' ? { ...n, criminalActivity: { ...n.criminalActivity, basis: '' } } : n; }, 'criminal_activity'],
    ['blue with nothing to look for', () => ({ ...valid('blue'), subject: person({ names: [], photoRefs: [], identifiers: [] }) } as Notice), 'identity'],
    ['blue without the question', () => ({ ...valid('blue'), informationSought: '' } as Notice), 'information_sought'],
    ['UN special without a reference', () => { const n = valid('un_special'); return n.kind === 'un_special' ? { ...n, sanctions: { ...n.sanctions, reference: '' } } : n; }, 'sanctions'],
    ['UN special naming no one', () => ({ ...valid('un_special'), entity: undefined } as Notice), 'target'],
    ['diffusion without recipients', () => ({ ...valid('diffusion'), recipients: [] } as Notice), 'recipients'],
    ['arrest diffusion without warrant', () => ({ ...valid('diffusion'), legalBasis: undefined } as Notice), 'legal_basis'],
    ['locate diffusion without a subject', () => ({ ...valid('diffusion'), purpose: 'locate', subject: undefined } as Notice), 'identity'],
  ];
  it.each(failures)('%s fails', (_label, make, expected) => {
    const checklist = review(make());
    expect(rule(checklist, expected)?.passed).toBe(false);
    expect(rule(checklist, expected)?.message).toMatch(/\w/);
    expect(canPublish(checklist)).toBe(false);
  });

  it('accepts a name with only a photo as identity, and reports a missing photo as advice only', () => {
    const anchored = review({ ...valid('red') as RedNotice, subject: person({ datesOfBirth: [], nationalities: [], identifiers: [] }) });
    expect(rule(anchored, 'identity')?.passed).toBe(true);
    const noPhoto = review({ ...valid('red') as RedNotice, subject: person({ photoRefs: [] }) });
    expect(rule(noPhoto, 'photo')).toMatchObject({ passed: false, blocking: false });
    expect(canPublish(noPhoto)).toBe(true);
  });

  it('accepts life imprisonment as the penalty', () => {
    expect(rule(review({ ...valid('red') as RedNotice, offence: { ...trafficking, penaltyMax: { life: true } } }), 'penalty')?.passed).toBe(true);
  });
});

describe('reviewNotice: neutrality', () => {
  const political = (description: string, law = 'Penal code art. 299'): Notice =>
    ({ ...valid('red') as RedNotice, offence: { ...trafficking, description, law } });

  it.each([
    ['Insulting the President of the Republic on social media', 'political'],
    ['Membership of an opposition party', 'political'],
    ['Apostasy', 'religious'],
    ['Blasphemy against the Prophet', 'religious'],
    ['Desertion from the armed forces', 'military'],
    ['Evading mobilisation', 'military'],
    ['Organising an unauthorised demonstration', 'political'],
    ['Offences motivated by the victim\'s ethnic origin', 'racial'],
  ])('flags "%s" as %s and blocks it without justification', (description, character) => {
    const checklist = review(political(description));
    const n = rule(checklist, 'neutrality');
    expect(n?.passed).toBe(false);
    expect(n?.message).toContain(character);
    expect(canPublish(checklist)).toBe(false);
  });

  it('passes a flagged notice once the reviewer writes a justification', () => {
    const n = political('Desertion while armed, and murder of two civilians during the escape');
    expect(rule(review(n, { justification: 'too short' }), 'neutrality')?.passed).toBe(false);
    const justified = review(n, { justification: 'The murders are ordinary-law crimes that predominate over the desertion.' });
    expect(rule(justified, 'neutrality')).toMatchObject({ passed: true });
    expect(rule(justified, 'neutrality')?.message).toContain('predominate');
    expect(canPublish(justified)).toBe(true);
  });

  it('looks at the issuing authority, the circumstances and the message too', () => {
    expect(rule(review({ ...valid('red') as RedNotice, legalBasis: { ...warrant, issuingAuthority: 'Military Court of Appeal' } }), 'neutrality')?.passed).toBe(false);
    expect(rule(review({ ...valid('yellow'), circumstances: 'Fled after being charged with blasphemy' } as Notice), 'neutrality')?.passed).toBe(false);
    expect(rule(review({ ...valid('diffusion'), message: 'Wanted for political activities abroad' } as Notice), 'neutrality')?.passed).toBe(false);
  });

  it('does not flag ordinary trafficking vocabulary, names or places', () => {
    for (const text of ['Membership of a criminal organisation', 'Smuggling migrants through the desert', 'Forced labour on a farm', 'Money laundering via hawala', 'Deserted the victims at sea']) {
      expect(neutralityFindings(text)).toEqual([]);
    }
    const named = { ...valid('red') as RedNotice, subject: person({ names: [{ value: 'Islam Rahman Christian', kind: 'primary', script: 'Latn' }] }) };
    expect(rule(review(named), 'neutrality')?.passed).toBe(true);
    expect(neutralityFindings('Insulte au président')).toEqual([]); // English lexicon only; documented limit
    expect(neutralityFindings('APOSTASÍA')).toEqual([]);
    expect(neutralityFindings('apostasy')).toEqual([{ character: 'religious', term: 'apostasy' }]);
  });
});

describe('reviewNotice: data quality', () => {
  it('refuses a warrant dated in the future', () => {
    const checklist = review({ ...valid('red') as RedNotice, legalBasis: { ...warrant, dateIssued: '2025-07-01' } });
    expect(rule(checklist, 'dates')).toMatchObject({ passed: false });
    expect(rule(checklist, 'dates')?.message).toContain('Warrant date 2025-07-01 is in the future');
  });

  it.each([
    [{ datesOfBirth: ['1985-02-30'] }, 'is not YYYY'],
    [{ datesOfBirth: ['2030'] }, 'in the future'],
    [{ datesOfBirth: ['1890-01-01'] }, 'over 120'],
    [{ datesOfBirth: ['2024-03'] }, 'before the subject\'s birth'],
    [{ heightCm: 320 }, 'Height'],
  ] as [Partial<SubjectParticulars>, string][])('flags subject %j', (over, message) => {
    const checklist = review({ ...valid('red') as RedNotice, subject: person(over) });
    expect(rule(checklist, 'dates')?.message).toContain(message);
    expect(canPublish(checklist)).toBe(false);
  });

  it('accepts partial dates of birth and a warrant on the birth year', () => {
    expect(rule(review({ ...valid('red') as RedNotice, subject: person({ datesOfBirth: ['1985', '1985-03'] }) }), 'dates')?.passed).toBe(true);
  });

  it('checks last-seen, body-found and orange expiry dates', () => {
    expect(rule(review({ ...valid('yellow'), lastSeen: { on: '2026-01-01', place: { country: 'NER' } } } as Notice), 'dates')?.passed).toBe(false);
    const black = valid('black');
    if (black.kind === 'black') expect(rule(review({ ...black, body: { ...black.body, estimatedAgeMin: 40, estimatedAgeMax: 30 } }), 'dates')?.passed).toBe(false);
    expect(rule(review({ ...valid('orange'), expiresAt: '2025-05-01T00:00:00Z' } as Notice), 'dates')?.message).toContain('has passed');
    expect(rule(review({ ...valid('orange'), expiresAt: '2027-01-01T00:00:00Z' } as Notice), 'dates')?.message).toContain('imminent');
  });

  it('refuses unknown country codes but accepts ICAO stateless and refugee codes', () => {
    expect(rule(review({ ...valid('red') as RedNotice, subject: person({ nationalities: ['SY'] }) }), 'countries')?.message).toContain('SY');
    expect(rule(review({ ...valid('red') as RedNotice, subject: person({ nationalities: ['XXA'] }) }), 'countries')?.passed).toBe(true);
    const purple = valid('purple');
    if (purple.kind === 'purple') expect(rule(review({ ...purple, modusOperandi: { ...purple.modusOperandi, route: ['TUR', 'XYZ'] } }), 'countries')?.passed).toBe(false);
  });
});

describe('reviewNotice: possible duplicates', () => {
  const published = (id: string, subject: SubjectParticulars, status: Notice['status'] = 'published'): Notice =>
    ({ ...valid('red') as RedNotice, id, status, reference: `A-${id}/2024`, subject });

  it('normalises names across case, diacritics, punctuation and order', () => {
    expect(normaliseName('  Muḥammad AL-Masri ')).toBe('al masri muhammad');
    expect(normaliseName('Masri, Muhammad al')).toBe(normaliseName('Muhammad Al-Masri'));
  });

  it('finds a published red notice on a romanisation variant with a compatible date of birth', () => {
    const earlier = published('1', person({ names: [{ value: 'Muhammad Ali Hasan', kind: 'primary', script: 'Latn' }], datesOfBirth: ['1984'] }));
    const checklist = review(valid('red'), { publishedNotices: [earlier] });
    expect(rule(checklist, 'duplicates')).toMatchObject({ passed: false, blocking: true });
    expect(rule(checklist, 'duplicates')?.message).toContain('A-1/2024');
    expect(canPublish(checklist)).toBe(false);
    expect(canPublish(review(valid('red'), { publishedNotices: [earlier], acknowledgedDuplicates: ['1'] }))).toBe(true);
  });

  it('finds a record with a dropped middle name', () => {
    const earlier = published('2', person({ names: [{ value: 'HASSAN Mohammed', kind: 'primary', script: 'Latn' }] }));
    expect(possibleDuplicates(valid('red'), [earlier]).map((n) => n.id)).toEqual(['2']);
  });

  it('ignores other dates of birth, other kinds, other people and notices no longer in force', () => {
    const others: Notice[] = [
      published('3', person({ datesOfBirth: ['1990-01-01'] })),
      { ...valid('green'), id: '4', status: 'published' },
      published('5', person({ names: [{ value: 'Olena Kovalenko', kind: 'primary', script: 'Latn' }] })),
      published('6', person(), 'cancelled'),
      published('n-red', person()),
    ];
    expect(possibleDuplicates(valid('red'), others)).toEqual([]);
    expect(rule(review(valid('red'), { publishedNotices: others }), 'duplicates')?.passed).toBe(true);
  });

  it('does not look for duplicates of notices that name no person', () => {
    expect(rule(review(valid('purple'), { publishedNotices: [valid('purple', 'other')] }), 'duplicates')).toBeUndefined();
  });
});
