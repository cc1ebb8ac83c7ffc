import { Weighted } from './random.ts';
import { akan, edo, hausa, igbo, senegalese, yoruba } from './names/african.ts';
import { arabic } from './names/arabic.ts';
import { chinese, vietnamese } from './names/asian.ts';
import { russian, ukrainian } from './names/cyrillic.ts';
import { czech, polish, romanian, turkish } from './names/european.ts';
import { brazilian, hispanic } from './names/latin-american.ts';
import type { Culture } from './names/parts.ts';
import { bangladeshi, indian, pakistani } from './names/south-asian.ts';

export type { Culture, DemoSex, NameParts, Part } from './names/parts.ts';

/**
 * Naming cultures and their share of the demo population, weighted towards the nationalities
 * most seen among trafficking victims, smuggled migrants and their exploiters in Europe, the Gulf
 * and North America.
 */
export const CULTURES: readonly (readonly [Culture, number])[] = [
  [arabic, 15], [russian, 4], [ukrainian, 5], [polish, 3], [czech, 2], [romanian, 6], [turkish, 4],
  [vietnamese, 6], [chinese, 7], [yoruba, 3], [igbo, 3], [edo, 4], [hausa, 3], [akan, 4], [senegalese, 4],
  [indian, 6], [pakistani, 6], [bangladeshi, 5], [hispanic, 8], [brazilian, 3],
];

export const CULTURE_CHOICE = new Weighted(CULTURES);

const BY_ID = new Map(CULTURES.map(([c]) => [c.id, c]));

export function cultureById(id: string): Culture {
  const culture = BY_ID.get(id);
  if (!culture) throw new Error(`unknown naming culture "${id}"`);
  return culture;
}

/** Per culture, its weighted nationalities, built once. */
export const NATIONALITY_CHOICE = new Map(CULTURES.map(([c]) => [c.id, new Weighted(c.nationalities)]));
