import { describe, expect, it } from 'vitest';

import { russianFeminine, russianPatronymic } from './names/cyrillic.ts';
import { russianLatin, stripDiacritics, ukrainianLatin } from './names/translit.ts';
import { Random, Weighted, hashString } from './random.ts';

describe('Random', () => {
  it('repeats a stream exactly and keeps streams apart', () => {
    const draw = (seed: number | string, stream: number, index: number) => {
      const r = new Random(seed, stream, index);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 2, 3)).toEqual(draw(1, 2, 3));
    expect(draw('world', 0, 0)).toEqual(draw(hashString('world'), 0, 0));
    const neighbours = new Set([draw(1, 2, 3), draw(1, 2, 4), draw(1, 3, 3), draw(2, 2, 3)].map((xs) => xs.join()));
    expect(neighbours.size).toBe(4);
  });

  it('pins the first values, so a change of algorithm cannot pass unnoticed', () => {
    const r = new Random(42);
    expect([r.next(), r.next(), r.next()]).toEqual([2887996185, 3251104927, 307333211]);
  });

  it('draws uniform floats and integers in range', () => {
    const r = new Random(5);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      counts[r.int(10)]++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) expect(r.between(3, 5)).toBeGreaterThanOrEqual(3);
  });

  it('honours weights', () => {
    const w = new Weighted([['a', 1], ['b', 3]] as const);
    const r = new Random(8);
    let b = 0;
    for (let i = 0; i < 40_000; i++) if (w.pick(r) === 'b') b++;
    expect(b / 40_000).toBeCloseTo(0.75, 1);
  });
});

describe('transliteration', () => {
  it('romanises Russian the ICAO way and the common way', () => {
    expect(russianLatin('Юрий')).toEqual(['Iurii', 'Yury']);
    expect(russianLatin('Евгений')).toEqual(['Evgenii', 'Yevgeny']);
    expect(russianLatin('Щукин')).toEqual(['Shchukin']);
    expect(russianLatin('Алексеевич')).toEqual(['Alekseevich', 'Alekseyevich']);
    expect(russianLatin('Фёдоров')).toEqual(['Fedorov', 'Fyodorov']);
  });

  it('romanises Ukrainian by the national system and the common way', () => {
    expect(ukrainianLatin('Олександр')).toEqual(['Oleksandr']);
    expect(ukrainianLatin('Юлія')).toEqual(['Yuliia', 'Yuliya']);
    expect(ukrainianLatin('Андрій')).toEqual(['Andrii', 'Andriy']);
    expect(ukrainianLatin('Євген')).toEqual(['Yevhen']);
    expect(ukrainianLatin('Згурський')).toEqual(['Zghurskyi', 'Zhurskyy']);
  });

  it('makes Russian surnames and patronymics agree with sex', () => {
    expect(['Иванов', 'Вишневский', 'Толстой', 'Дьяченко'].map(russianFeminine)).toEqual(['Иванова', 'Вишневская', 'Толстая', 'Дьяченко']);
    expect(russianPatronymic('Сергей', 'male')).toBe('Сергеевич');
    expect(russianPatronymic('Николай', 'female')).toBe('Николаевна');
    expect(russianPatronymic('Дмитрий', 'male')).toBe('Дмитриевич');
    expect(russianPatronymic('Игорь', 'female')).toBe('Игоревна');
    expect(russianPatronymic('Илья', 'male')).toBe('Ильич');
    expect(russianPatronymic('Иван', 'female')).toBe('Ивановна');
  });

  it('strips diacritics, including letters Unicode does not decompose', () => {
    expect(stripDiacritics('Łukasz Wójcik Nguyễn Đặng Yılmaz Ștefan Dvořák')).toBe('Lukasz Wojcik Nguyen Dang Yilmaz Stefan Dvorak');
  });
});
