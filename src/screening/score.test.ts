import { describe, expect, it } from 'vitest';
import { countryCode, isHit, normaliseIdentifier, preparePerson, scoreCeiling, scoreFacts, scorePerson, THRESHOLDS } from './score.ts';
import { syntheticPerson } from './synthetic.ts';
import type { PersonFacts } from './score.ts';
import { compareDobs, parseDate } from './dates.ts';

const base: PersonFacts = { names: ['Ahmed Khalil Haddad'] };
const score = (q: Partial<PersonFacts>, r: Partial<PersonFacts>): number => scoreFacts({ ...base, ...q }, { ...base, ...r }).score;
const agreement = (q: string[], r: string[]): string | undefined => compareDobs(q, r)?.agreement;

describe('dates of birth', () => {
  it('parses full and partial dates', () => {
    expect(parseDate('1980-05-12')).toEqual({ year: 1980, month: 5, day: 12 });
    expect(parseDate('1980-05')).toEqual({ year: 1980, month: 5 });
    expect(parseDate('1980')).toEqual({ year: 1980 });
    expect(parseDate('19800512')).toEqual({ year: 1980, month: 5, day: 12 });
    expect(parseDate('1980-00-00')).toEqual({ year: 1980 });
    expect(parseDate('12/05/1980')).toBeNull();
  });

  it('recognises exact, partial, swapped, off-by-one and different dates', () => {
    expect(agreement(['1980-05-12'], ['1980-05-12'])).toBe('exact');
    expect(agreement(['1980'], ['1980-05-12'])).toBe('same-year');
    expect(agreement(['1980-05'], ['1980-05-12'])).toBe('same-month');
    expect(agreement(['1980-05-12'], ['1980-12-05'])).toBe('day-month-swapped');
    expect(agreement(['1981-05-12'], ['1980-05-12'])).toBe('year-off-by-one');
    expect(agreement(['1980-05-13'], ['1980-05-12'])).toBe('one-digit');
    expect(agreement(['1970-05-12'], ['1980-05-12'])).toBe('one-digit');
    expect(agreement(['1982-01-01'], ['1980-05-12'])).toBe('near');
    expect(agreement(['1980-05-12'], ['1995-02-01'])).toBe('different');
    expect(agreement([], ['1980'])).toBeUndefined();
  });

  it('takes the best pair when either side has several dates', () => {
    expect(agreement(['1979-01-01', '1980-05-12'], ['1980-05-12', '1990'])).toBe('exact');
  });
});

describe('scorePerson', () => {
  it('scores a name-only comparison as its name similarity', () => {
    const s = scoreFacts({ names: ['Vladimir Putin'] }, { names: ['PUTIN, Vladimir'] });
    expect(s.score).toBe(1);
    expect(s.features.map((f) => f.feature)).toEqual(['name']);
  });

  it('raises the score for agreeing dates and lowers it for different ones', () => {
    const weak: Partial<PersonFacts> = { names: ['Ahmad Haddad'] };
    const none = score(weak, {});
    expect(score({ ...weak, dob: ['1980-05-12'] }, { dob: ['1980-05-12'] })).toBeGreaterThan(none);
    expect(score({ ...weak, dob: ['1980'] }, { dob: ['1980-05-12'] })).toBeGreaterThan(none);
    expect(score({ ...weak, dob: ['1980-12-05'] }, { dob: ['1980-05-12'] })).toBeGreaterThan(none);
    expect(score({ ...weak, dob: ['1981-05-12'] }, { dob: ['1980-05-12'] })).toBeGreaterThan(none);
    expect(score({ ...weak, dob: ['1960-01-01'] }, { dob: ['1980-05-12'] })).toBeLessThan(none);
    const exact = score({ ...weak, dob: ['1980-05-12'] }, { dob: ['1980-05-12'] });
    expect(exact).toBeGreaterThan(score({ ...weak, dob: ['1980'] }, { dob: ['1980-05-12'] }));
  });

  it('ranks a namesake born on the queried day above one whose date is unknown', () => {
    const query = { names: ['Maria Garcia'], dob: ['1984-07-19'] };
    const born = scoreFacts(query, { names: ['Maria Garcia'], dob: ['1984-07-19'] }).score;
    const unknown = scoreFacts(query, { names: ['Maria Garcia'] }).score;
    expect(born).toBeGreaterThan(unknown);
    expect(unknown).toBeGreaterThan(scoreFacts(query, { names: ['Maria Garcia'], dob: ['1950-01-01'] }).score);
  });

  it('counts nationality and sex a little', () => {
    const none = score({ names: ['Ahmad Haddad'] }, {});
    expect(score({ names: ['Ahmad Haddad'], nationality: ['SYR'] }, { nationality: ['SY'] })).toBeGreaterThan(none);
    expect(score({ names: ['Ahmad Haddad'], nationality: ['SY'] }, { nationality: ['FR'] })).toBeLessThan(none);
    expect(score({ names: ['Ahmad Haddad'], sex: 'F' }, { sex: 'M' })).toBeLessThan(none);
    expect(score({ names: ['Ahmad Haddad'], sex: 'M' }, { sex: 'M' })).toBeGreaterThan(none);
  });

  it('takes an identical document number as strong evidence, in any written form', () => {
    const q: PersonFacts = { names: ['John Doe'], identifiers: [{ type: 'passport', value: 'ab 123-456', country: 'GBR' }] };
    const r: PersonFacts = { names: ['Ahmed Haddad'], identifiers: [{ type: 'passport', value: 'AB123456', country: 'GB' }] };
    const s = scoreFacts(q, r);
    expect(s.score).toBeGreaterThan(0.9);
    expect(s.features.find((f) => f.feature === 'identifier')?.detail).toContain('AB123456');
    const otherCountry = scoreFacts(q, { ...r, identifiers: [{ type: 'passport', value: 'AB123456', country: 'FR' }] });
    expect(otherCountry.features.some((f) => f.feature === 'identifier')).toBe(false);
  });

  it('explains every feature that counted', () => {
    const s = scoreFacts(
      { names: ['Mohamed Haddad'], dob: ['1980-05-12'], nationality: ['SY'], sex: 'M' },
      { names: ['Muhammad al-Haddad'], dob: ['1980-12-05'], nationality: ['SYR', 'LB'], sex: 'M' },
    );
    expect(s.features.map((f) => f.feature)).toEqual(['name', 'dob', 'nationality', 'sex']);
    expect(s.features[1].detail).toContain('day-month-swapped');
    expect(s.name.matches.map((m) => m.how)).toContain('variant');
    expect(s.score).toBeGreaterThan(THRESHOLDS.analyst);
  });
});

describe('codes and thresholds', () => {
  it('normalises countries and identifiers', () => {
    expect(countryCode('deu')).toBe('DE');
    expect(countryCode('D')).toBe('DE');
    expect(countryCode('GBD')).toBe('GB');
    expect(normaliseIdentifier(' x-12 34/5 ')).toBe('X12345');
  });

  it('exports thresholds per use, frontline favouring recall', () => {
    expect(THRESHOLDS.frontline).toBeLessThan(THRESHOLDS.analyst);
    expect(isHit(THRESHOLDS.frontline, 'frontline')).toBe(true);
    expect(isHit(THRESHOLDS.frontline - 0.01, 'frontline')).toBe(false);
  });
});

describe('score ceiling', () => {
  const people = Array.from({ length: 400 }, (_, i) => syntheticPerson(11, i).entry);
  const prepared = people.map((p) => preparePerson({ ...p, sex: i2sex(p.recordId), nationality: [['SY', 'IQ', 'RU'][p.recordId.length % 3]] }));

  it('is never below the score itself, and equals it when the names agree in full', () => {
    let below = 0;
    for (let i = 0; i < prepared.length; i += 7) {
      for (let j = 0; j < prepared.length; j += 3) {
        const s = scorePerson(prepared[i], prepared[j]).score;
        const c = scoreCeiling(prepared[i], prepared[j]);
        expect(c).toBeGreaterThanOrEqual(s);
        if (c < THRESHOLDS.frontline) below++;
      }
      expect(scoreCeiling(prepared[i], prepared[i])).toBe(scorePerson(prepared[i], prepared[i]).score);
    }
    // Conflicting dates of birth keep most pairs of strangers below the frontline threshold.
    expect(below).toBeGreaterThan(1000);
  });

  it('keeps a conflicting date of birth below the frontline threshold, however close the name', () => {
    const q = preparePerson({ names: ['Ahmed Khalil Haddad'], dob: ['1980-05-12'] });
    expect(scoreCeiling(q, preparePerson({ names: ['Ahmed Khalil Haddad'], dob: ['1995-02-01'] }))).toBeLessThan(THRESHOLDS.frontline);
    expect(scoreCeiling(q, preparePerson({ names: ['Someone Else'], dob: ['1980-05-12'] }))).toBeGreaterThan(THRESHOLDS.analyst);
    expect(scoreCeiling(q, preparePerson({ names: ['Ahmed Khalil Haddad'] }))).toBe(1);
  });
});

function i2sex(id: string): 'M' | 'F' {
  return id.charCodeAt(id.length - 1) % 2 ? 'M' : 'F';
}
