// Every string of the web workbench exists in every language, with the same placeholders, and
// every key the source uses exists. Pure: no browser, no server.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from '../../web/src/i18n/messages/index.ts';
import { en } from '../../web/src/i18n/messages/en.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
const keys = Object.keys(en).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'messages' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('web workbench translations', () => {
  it('offers Arabic, English, French and Spanish', () => {
    expect([...LOCALES].sort()).toEqual(['ar', 'en', 'es', 'fr']);
  });

  for (const locale of LOCALES) {
    it(`${locale} has every key, none extra, none empty, with the same placeholders`, () => {
      const catalogue = MESSAGES[locale] as Record<string, string>;
      const have = Object.keys(catalogue).sort();
      expect(keys.filter((k) => !have.includes(k)), `missing in ${locale}`).toEqual([]);
      expect(have.filter((k) => !keys.includes(k)), `extra in ${locale}`).toEqual([]);
      for (const k of keys) {
        expect(catalogue[k].trim(), `${locale}.${k} is empty`).not.toBe('');
        expect(placeholders(catalogue[k]), `${locale}.${k} placeholders`).toEqual(placeholders(en[k as keyof typeof en]));
      }
    });
  }

  it('translates rather than copies: most strings differ from English', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const catalogue = MESSAGES[locale] as Record<string, string>;
      const same = keys.filter((k) => catalogue[k] === en[k as keyof typeof en]);
      // Codes, names and words shared by both languages (TLP, Vigil, Documents…) may stay.
      expect(same.length / keys.length, `${locale}: ${same.join(', ')}`).toBeLessThan(0.1);
    }
  });

  it('Arabic strings are written in Arabic script', () => {
    const latinOnly = keys.filter((k) => !/[\u0600-\u06FF]/.test(MESSAGES.ar[k as keyof typeof en]));
    // Brand, codes and TLP labels are Latin on purpose.
    expect(latinOnly.every((k) => /^(app\.name|envelope\.tlp|event\.notice|pager\.range)$/.test(k)), latinOnly.join(', ')).toBe(true);
  });

  it('every key the web app names in its source exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve(import.meta.dirname, '../../web/src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.+-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
