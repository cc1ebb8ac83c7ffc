/**
 * Romanisations used to build the Latin spellings of Cyrillic names, as the same person's name
 * really appears in different records: the ICAO 9303 passport table, the common English
 * (BGN-like) spelling, and Ukraine's 2010 national system. Run once when the name lists load.
 */

const RU_ICAO: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const RU_COMMON: Record<string, string> = { ...RU_ICAO, ё: 'yo', й: 'y', ъ: '', ю: 'yu', я: 'ya' };

const UK_NATIONAL: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', 'ʼ': '',
};
// The national system writes these differently at the start of a word.
const UK_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
const UK_COMMON: Record<string, string> = { ...UK_NATIONAL, є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

const VOWELS = new Set('аеёиоуыэюяьъ');

function capitalise(word: string): string {
  return word.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function mapWord(word: string, table: Record<string, string>, initial: Record<string, string> = {}, common = false): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const atStart = i === 0 || lower[i - 1] === ' ' || lower[i - 1] === '-';
    // Common English spelling: Yevgeny, Dmitry; "ye" at a word's start or after a vowel.
    if (common && ch === 'е' && (atStart || VOWELS.has(lower[i - 1]))) { out += 'ye'; continue; }
    if (common && ch === 'и' && lower[i + 1] === 'й' && (i + 2 === lower.length || lower[i + 2] === ' ')) { out += 'y'; i++; continue; }
    if (ch === 'з' && lower[i + 1] === 'г' && table === UK_NATIONAL) { out += 'zgh'; i++; continue; }
    out += (atStart ? initial[ch] : undefined) ?? table[ch] ?? ch;
  }
  return capitalise(out);
}

/** Latin spellings of a Russian name: ICAO passport form first, then the common English one. */
export const russianLatin = (name: string): string[] => unique([mapWord(name, RU_ICAO), mapWord(name, RU_COMMON, {}, true)]);

/** Latin spellings of a Ukrainian name: the national (passport) system first, then the common one. */
export const ukrainianLatin = (name: string): string[] => unique([mapWord(name, UK_NATIONAL, UK_INITIAL), mapWord(name, UK_COMMON)]);

const FOLD: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', œ: 'oe' };

/** The name without diacritics, as a system with only ASCII records it: Łukasz → Lukasz, Nguyễn → Nguyen. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁđĐıøØßæœ]/g, (c) => FOLD[c]);
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
