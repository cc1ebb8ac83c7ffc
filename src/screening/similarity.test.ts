import { describe, expect, it } from 'vitest';
import { normaliseName } from './names.ts';
import type { NameToken } from './names.ts';
import { compareNames, compareTokens, MIN_TOKEN_SIMILARITY } from './similarity.ts';

const sim = (a: string, b: string): number => compareNames(normaliseName(a), normaliseName(b)).score;
const how = (a: string, b: string): string[] => compareNames(normaliseName(a), normaliseName(b)).matches.map((m) => `${m.query.join('+')}=${m.record.join('+')}:${m.how}`);
const token = (s: string): NameToken => normaliseName(s).tokens[0];

describe('compareNames', () => {
  it('ignores token order', () => {
    expect(sim('Vladimir Putin', 'PUTIN, Vladimir')).toBe(1);
    expect(sim('Garcia Lopez Maria', 'Maria Garcia Lopez')).toBe(1);
  });

  it('costs little for a missing middle name or patronymic, a lot for a missing surname', () => {
    const middle = sim('John Smith', 'John Michael Smith');
    const patronymic = sim('Vladimir Putin', 'Vladimir Vladimirovich Putin');
    const surname = sim('John Smith', 'John Brown');
    expect(middle).toBeGreaterThan(0.85);
    expect(patronymic).toBeGreaterThan(middle);
    expect(surname).toBeLessThan(0.55);
  });

  it('matches initials against full names, weakly', () => {
    expect(how('J. Smith', 'John Smith')).toContain('j=john:initial');
    expect(sim('J. Smith', 'John Smith')).toBeGreaterThan(0.9);
    expect(sim('V. V. Putin', 'Vladimir Vladimirovich Putin')).toBeGreaterThan(0.9);
    expect(sim('K. Smith', 'John Smith')).toBeLessThan(sim('J. Smith', 'John Smith'));
  });

  it('handles compound, hyphenated and concatenated names', () => {
    expect(sim('Maria Garcia-Lopez', 'Maria Garcia Lopez')).toBe(1);
    expect(sim('Maria Garcialopez', 'Maria Garcia Lopez')).toBeGreaterThan(0.95);
    expect(how('Maria Garcialopez', 'Maria Garcia Lopez')).toContain('garcialopez=garcia+lopez:compound');
    expect(sim('Mari Elena Ruiz', 'Marielena Ruiz')).toBeGreaterThan(0.95);
    expect(sim('Abdul Rahman Khalil', 'Abdulrahman Khalil')).toBe(1);
    expect(sim('Maria Garcia', 'Maria Garcia Lopez')).toBeGreaterThan(0.8);
  });

  it('treats the Arabic article and particles as light', () => {
    expect(sim('Abdullah al-Rashid', 'Abdallah Alrashid')).toBeGreaterThan(0.95);
    expect(sim('Abdullah al-Rashid', 'Abdullah Rashid')).toBeGreaterThan(0.95);
    expect(how('Abdullah Rashid', 'Abdallah Alrashid')).toContain('rashid=alrashid:particle');
    expect(sim('Osama bin Laden', 'Osama Laden')).toBeGreaterThan(0.95);
  });

  it('tolerates typing errors and says so', () => {
    expect(sim('Vladimr Putni', 'Vladimir Putin')).toBeGreaterThan(0.85);
    expect(how('Jonh Smith', 'John Smith')).toContain('jonh=john:typo');
    expect(sim('Mohamad Hasan', 'Mohammed Hassan')).toBeGreaterThan(0.9);
  });

  it('explains variants, phonetic and cross-script matches', () => {
    expect(how('Mohammed Yusuf', 'Muhammad Youssef')).toEqual(['mohammed=muhammad:variant', 'yusuf=youssef:variant']);
    expect(how('Tchaikovsky', 'Tschaikowski')).toEqual(['tchaikovsky=tschaikowski:phonetic']);
    expect(how('Vladimir Putin', 'Путин Владимир')).toEqual(['vladimir=vladimir:transliteration', 'putin=putin:transliteration']);
  });

  it('matches names across scripts', () => {
    const pairs: [string, string][] = [
      ['Vladimir Putin', 'Владимир Путин'], ['Vladimir Putin', 'فلاديمير بوتين'], ['Vladimir Putin', 'ולדימיר פוטין'],
      ['Vladimir Putin', 'ウラジーミル・プーチン'], ['Vladimir Putin', '블라디미르 푸틴'], ['Vladimir Putin', 'Βλαντίμιρ Πούτιν'],
      ['Vladimir Putin', 'व्लादिमीर पुतिन'], ['Vladimir Putin', 'ვლადიმერ პუტინი'], ['Vladimir Putin', 'Վլադիմիր Պուտին'],
      ['Xi Jinping', '习近平'], ['Kim Jong Un', '김정은'], ['Mohammed Ali', 'محمد علي'], ['Isabella', '伊莎貝拉'],
      ['Mannerheim', 'مانرهايم'], ['Sidwell', '시드웰'], ['Tiffany', 'تيفاني'], ['Mahsa Amini', 'مهسا امینی'],
    ];
    for (const [a, b] of pairs) expect(sim(a, b), `${a} / ${b}`).toBeGreaterThan(0.6);
  });

  it('keeps different people apart', () => {
    const pairs: [string, string][] = [
      ['Vladimir Putin', 'Vladimir Biliy'], ['Vladimir Putin', 'Dmitry Medvedev'], ['George Bush', 'Georgios Georgiou'],
      ['Mohammed Ali', 'Ahmed Hassan'], ['Xi Jinping', '李克强'], ['Maria Garcia', 'Mario Gomez'],
    ];
    for (const [a, b] of pairs) expect(sim(a, b), `${a} / ${b}`).toBeLessThan(0.55);
  });

  it('lets rare name parts weigh more than common ones', () => {
    const common = new Set(['mohammed', 'ali']);
    const weigh = (t: NameToken): number => (common.has(t.latin) ? 0.3 : 1);
    const rareShared = compareNames(normaliseName('Mohammed Zawahiri'), normaliseName('Ali Zawahiri'), weigh).score;
    const commonShared = compareNames(normaliseName('Mohammed Zawahiri'), normaliseName('Mohammed Haddad'), weigh).score;
    expect(rareShared).toBeGreaterThan(0.7);
    expect(commonShared).toBeLessThan(0.35);
  });

  it('returns 0 for empty names', () => {
    expect(sim('', 'John Smith')).toBe(0);
    expect(sim('Mr.', 'John Smith')).toBeLessThan(0.5);
  });
});

describe('compareTokens', () => {
  it('scores identical tokens 1 and unrelated ones below the match floor', () => {
    expect(compareTokens(token('smith'), token('Smith'))).toEqual({ similarity: 1, how: 'exact' });
    expect(compareTokens(token('smith'), token('xu')).similarity).toBeLessThan(MIN_TOKEN_SIMILARITY);
  });

  it('keeps similarity in [0, 1]', () => {
    for (const [a, b] of [['putin', 'пуцін'], ['a', 'anna'], ['hassan', 'حسن'], ['li', '李']]) {
      const s = compareTokens(token(a), token(b)).similarity;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
