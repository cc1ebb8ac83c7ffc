import type { Notice } from './model.ts';

// Signs that a request has a political, military, religious or racial character, which the
// organisation may not act on (articles 2 and 3 of a police organisation's constitution).

export type NeutralityCharacter = 'political' | 'military' | 'religious' | 'racial';
export interface NeutralityFinding { character: NeutralityCharacter; term: string }

// Patterns run on lowercased text without diacritics. They flag for a human decision: a match is
// not a refusal (an ordinary crime can mention an army), and no list catches every wording. English
// only: requests in other languages are reviewed on their English translation.
const LEXICON: readonly [NeutralityCharacter, RegExp][] = [
  ['political', /\binsult\w*\s+(?:to\s+|of\s+|against\s+)?(?:the\s+)?(?:president|head of state|king|monarch|sovereign|supreme leader|leader|state|nation|government|flag)\b/],
  ['political', /\b(?:lese[- ]majest\w*|sedition|seditious|subversi(?:on|ve)|high treason|treason|separatis[mt]|secession\w*|dissident|espionage)\b/],
  ['political', /\b(?:member(?:ship)?|join\w*|support\w*|found\w*)\s+(?:of|in|for)?\s*(?:an?\s+|the\s+)?(?:opposition|banned|outlawed|illegal|unregistered|dissolved)\s+(?:political\s+)?(?:party|movement)\b/],
  ['political', /\bopposition\s+(?:party|leader|activist|movement|politician|newspaper|journalist)\b/],
  ['political', /\b(?:unauthori[sz]ed|illegal|unsanctioned|unlawful)\s+(?:demonstration|protest|assembly|rally|gathering|strike)\b/],
  ['political', /\b(?:anti[- ]government|anti[- ]state|overthrow\w*\s+(?:of\s+)?the\s+(?:government|regime|constitutional order)|propaganda against|undermin\w*\s+(?:the\s+)?(?:state|government|authorities))\b/],
  ['political', /\b(?:political\s+(?:activist|activity|activities|opinion|views|offence|party)|spreading false (?:news|information)|extremis[mt])\b/],
  ['military', /\b(?:desertion|deserter|deserted (?:from )?(?:the )?(?:army|armed forces|military|unit|post)|mutiny|insubordination|absen\w* without leave|awol|court[- ]martial\w*)\b/],
  ['military', /\b(?:(?:draft|conscription|military service|mobili[sz]ation)\s+(?:evasion|dodging|avoidance)|evad\w*\s+(?:the\s+)?(?:draft|conscription|military service|mobili[sz]ation)|conscientious object\w*)\b/],
  ['military', /\b(?:refus\w*\s+(?:to\s+)?(?:perform\s+|do\s+)?(?:military service|mobili[sz]ation|conscription)|military\s+(?:court|tribunal|prosecutor|code|offence|discipline))\b/],
  ['religious', /\b(?:apostasy|apostate|blasphem\w*|heres(?:y|ies)|heretic\w*|proselyti[sz]\w*|witchcraft|sorcery)\b/],
  ['religious', /\b(?:insult\w*|defam\w*|offend\w*|outrag\w*)\s+(?:to\s+|of\s+|against\s+)?(?:the\s+)?(?:religio\w*|prophet|faith|god|sacred|holy)\b/],
  ['religious', /\b(?:conver(?:sion|ting|ted|t)\s+(?:to|from)\s+(?:another\s+)?(?:religion|faith|christianity|islam|judaism|hinduism|buddhism)|religious\s+(?:dress|attire|practice|worship|belief|minority|sect)|unregistered\s+(?:church|mosque|religious))\b/],
  ['racial', /\b(?:race|racial|ethnic(?:ity)?|ethnic origin|tribe|tribal|caste)\b/],
];

/** Words and phrases in a text that suggest a political, military, religious or racial character. */
export function neutralityFindings(text: string): NeutralityFinding[] {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
  const found: NeutralityFinding[] = [];
  for (const [character, pattern] of LEXICON) {
    const m = pattern.exec(plain);
    if (m) found.push({ character, term: m[0] });
  }
  return found;
}

// Free-text fields where a request states its case; names, places and codes are not scanned
// (a person called Islam or a town called Christchurch says nothing about the request).
const NARRATIVE_KEYS = new Set([
  'description', 'law', 'issuingAuthority', 'circumstances', 'causeOfDeath', 'crimeType', 'method', 'concealment',
  'indicators', 'basis', 'informationSought', 'relatedOffence', 'message', 'remarks', 'actionAdvised',
]);
const NEVER_SCANNED = new Set(['subject', 'entity', 'sanctions']);

/** The free-text fields of a notice where a request states its case, with their paths. */
export function narrativeOf(n: Notice): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const walk = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'string') { if (NARRATIVE_KEYS.has(key)) out.push({ field: path, text: value }); }
    else if (Array.isArray(value)) value.forEach((v) => walk(v, path, key));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!NEVER_SCANNED.has(k)) walk(v, path ? `${path}.${k}` : k, k);
    }
  };
  walk(n, '', '');
  return out;
}
