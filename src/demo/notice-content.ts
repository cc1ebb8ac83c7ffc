import { SECRETARIAT_ID, ncbId } from '../identity/members.ts';
import type {
  Asset, BlackNotice, BlueNotice, Diffusion, DiffusionPurpose, GreenNotice, LegalBasis, ModusOperandi, NoticeKind, Offence,
  OrangeNotice, PurpleNotice, RedNotice, SilverNotice, SubjectParticulars, UnSpecialNotice, YellowNotice,
} from '../notices/model.ts';
import type { DemoCountry } from './countries.ts';
import { DEMO_COUNTRIES, countriesWith, demoCountry } from './countries.ts';
import type { DemoPerson } from './persons.ts';
import type { Random } from './random.ts';

/** What every notice builder needs: the stream, the day the world is set on, and the common fields. */
export interface Draft { rng: Random; today: string; base: { id: string; owner: string; status: 'draft'; createdAt: string } }

/** `day` (YYYY-MM-DD) moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const countryOf = (code: string): DemoCountry => demoCountry(code) ?? DEMO_COUNTRIES[0];
const ORIGINS = countriesWith('origin');
const TRANSITS = countriesWith('transit');
const DESTINATIONS = countriesWith('destination');

/** The particulars a notice carries of a demo person; most records have a photo. */
export function particulars(rng: Random, p: DemoPerson): SubjectParticulars {
  const s: SubjectParticulars = {
    names: p.names.map((n) => ({ ...n })), sex: p.sex, datesOfBirth: [...p.datesOfBirth], nationalities: [...p.nationalities],
    identifiers: p.identifiers.filter((i) => i.type !== 'phone'), distinguishingMarks: [...p.description.marks],
    photoRefs: rng.chance(0.8) ? [`photo:${p.id}/1`] : [], languages: [...p.languages], heightCm: p.description.heightCm,
  };
  if (p.placeOfBirth) s.placeOfBirth = { ...p.placeOfBirth };
  return s;
}

// Trafficking and smuggling provisions of the destination countries most often requesting notices.
const LAWS: Record<string, [trafficking: string, smuggling: string]> = {
  FRA: ['Code pénal, art. 225-4-1', 'CESEDA, art. L823-1'], DEU: ['StGB § 232', 'AufenthG § 96'],
  ITA: ['Codice penale, art. 601', 'D.Lgs. 286/1998, art. 12'], ESP: ['Código Penal, art. 177 bis', 'Código Penal, art. 318 bis'],
  GBR: ['Modern Slavery Act 2015, s. 2', 'Immigration Act 1971, s. 25'], NLD: ['Wetboek van Strafrecht, art. 273f', 'Wetboek van Strafrecht, art. 197a'],
  GRC: ['Penal Code, art. 323A', 'Law 4251/2014, art. 29'], USA: ['18 U.S.C. § 1591', '8 U.S.C. § 1324'],
  NGA: ['Trafficking in Persons (Prohibition) Act 2015, s. 13', 'Trafficking in Persons (Prohibition) Act 2015, s. 26'],
};

const OFFENCES: readonly [text: string, law: 0 | 1, minYears: number, maxYears: number | 'life'][] = [
  ['Trafficking in human beings for the sexual exploitation of {n} women recruited in {origin}', 0, 10, 20],
  ['Trafficking in human beings for forced labour on farms in {destination}', 0, 8, 20],
  ['Trafficking in children for forced begging and pickpocketing', 0, 10, 20],
  ['Trafficking in human beings through debt bondage in domestic servitude', 0, 8, 15],
  ['Smuggling of migrants by sea resulting in the death of {n} persons', 1, 15, 'life'],
  ['Aggravated facilitation of illegal entry of {n} migrants as part of an organised criminal group', 1, 5, 15],
  ['Smuggling of migrants in sealed lorries from {transit} to {destination}', 1, 5, 15],
  ['Laundering the proceeds of migrant smuggling through money-transfer agents and hawala', 1, 4, 12],
  ['Supplying forged passports and fraudulent visas to smuggled migrants', 1, 5, 10],
];

function fill(rng: Random, text: string): string {
  return text.replace('{n}', String(rng.between(3, 40))).replace('{origin}', rng.pick(ORIGINS).name)
    .replace('{transit}', rng.pick(TRANSITS).name).replace('{destination}', rng.pick(DESTINATIONS).name);
}

export function offence(d: Draft, owner: string): Offence {
  const { rng } = d;
  const [text, kind, lo, hi] = rng.pick(OFFENCES);
  const law = LAWS[owner]?.[kind] ?? `Penal Code of ${countryOf(owner).name}, art. ${rng.between(120, 480)}`;
  const committedOn = addDays(d.today, -rng.between(400, 2500)).slice(0, rng.chance(0.5) ? 7 : 10);
  const penaltyMax = hi === 'life' ? { life: true as const } : { years: rng.between(lo, hi) };
  return { description: fill(rng, text), law, penaltyMax, committedOn, committedIn: [owner, rng.pick(TRANSITS).code].filter((c, i, all) => all.indexOf(c) === i) };
}

export function legalBasis(d: Draft, owner: string, after: string | undefined): LegalBasis {
  const { rng } = d;
  const city = rng.pick(countryOf(owner).cities);
  const earliest = after && after.length === 10 ? after : after ? `${after}-28` : addDays(d.today, -1500);
  const span = Math.max(1, Math.round((Date.parse(d.today) - Date.parse(earliest)) / 86_400_000) - 2);
  const dateIssued = addDays(earliest, rng.between(1, span));
  const authority = rng.pick([`Investigating judge, ${city}`, `${city} District Court`, `Court of Appeal of ${city}`, `Public Prosecutor's Office, ${city}`]);
  return { kind: rng.chance(0.85) ? 'arrest_warrant' : 'court_decision', reference: `${owner}-AW-${dateIssued.slice(0, 4)}-${rng.between(10000, 99999)}`, issuingAuthority: authority, dateIssued };
}

export function red(d: Draft, subject: SubjectParticulars): RedNotice {
  const o = offence(d, countryCode(d.base.owner));
  return { ...d.base, kind: 'red', subject, offence: o, legalBasis: legalBasis(d, countryCode(d.base.owner), o.committedOn), extraditionIntent: true, publicExtractAgreed: d.rng.chance(0.5) };
}

const DISAPPEARANCES = [
  'Left home in {city} after accepting a job offer abroad made online; the last call came from {transit}.',
  'Disappeared from a reception centre for unaccompanied minors in {city}.',
  'Last seen boarding a bus towards the border with a man who had promised work in {destination}.',
  'Contact lost during the sea crossing from {transit}; not among the survivors registered on arrival.',
  'Left school in {city} with an older friend who arranged travel documents; not heard from since.',
];

export function yellow(d: Draft, subject: SubjectParticulars, home: string): YellowNotice {
  const { rng } = d;
  const where = rng.chance(0.5) ? countryOf(home) : rng.pick(TRANSITS);
  const city = rng.pick(where.cities);
  const circumstances = fill(rng, rng.pick(DISAPPEARANCES)).replace('{city}', city);
  const on = addDays(d.today, -rng.between(10, 700)).slice(0, rng.chance(0.8) ? 10 : 7);
  return { ...d.base, kind: 'yellow', subject, lastSeen: { on, place: { country: where.code, locality: city } }, circumstances, publicExtractAgreed: rng.chance(0.6) };
}

const BODY_PLACES = ['GRC', 'ITA', 'ESP', 'LBY', 'MEX', 'USA', 'NER', 'TUR', 'FRA'];
const CAUSES = ['drowning', 'hypothermia', 'dehydration and heat exposure', 'asphyxia in a closed vehicle', 'blunt force trauma', 'undetermined'];

export function black(d: Draft, p: DemoPerson): BlackNotice {
  const { rng } = d;
  const where = countryOf(rng.pick(BODY_PLACES));
  const age = rng.between(16, 55);
  return {
    ...d.base, owner: ncbId(where.code), kind: 'black',
    body: {
      foundOn: addDays(d.today, -rng.between(3, 400)), place: { country: where.code, locality: rng.pick(where.cities) }, sex: p.sex,
      estimatedAgeMin: age, estimatedAgeMax: age + rng.between(5, 15), heightCm: p.description.heightCm, marks: [...p.description.marks],
      causeOfDeath: rng.pick(CAUSES), photoRefs: rng.chance(0.4) ? [`photo:body-${d.base.id}`] : [],
      ...(rng.chance(0.7) ? { dnaProfileRef: `dna:${d.base.id}` } : {}), ...(rng.chance(0.5) ? { fingerprintsRef: `afis:${d.base.id}` } : {}),
    },
  };
}

const MODI: readonly ModusOperandi[] = [
  { crimeType: 'migrant smuggling', method: 'Migrants hidden in sealed refrigerated lorries crossing several borders without stopping', concealment: 'behind pallets of frozen goods, in a space cut into the cargo load', route: ['TUR', 'BGR', 'SRB', 'HUN', 'AUT', 'DEU'], indicators: ['CO2 readings above normal in the cargo area', 'customs seals renewed after the loading point', 'drivers paid in cash per trip'] },
  { crimeType: 'migrant smuggling', method: 'Overloaded inflatable boats launched at night with a migrant made to steer', route: ['NER', 'LBY', 'ITA'], indicators: ['bulk purchases of outboard engines and fuel', 'satellite phones handed to passengers', 'departures announced in messaging groups'] },
  { crimeType: 'trafficking in human beings', method: 'Recruitment through fake modelling and au-pair agencies advertised online', route: ['UKR', 'POL', 'DEU', 'NLD'], indicators: ['same phone number behind several agencies', 'travel paid by the "agency" and recorded as a debt', 'passports kept by the employer on arrival'] },
  { crimeType: 'trafficking in human beings', method: 'Debt bondage enforced through an oath ceremony before departure and threats to the family', route: ['NGA', 'NER', 'LBY', 'ITA', 'FRA'], indicators: ['victims unable to state the size of their debt', 'daily collection of earnings by a "madam"', 'victims coached to claim asylum with identical stories'] },
  { crimeType: 'trafficking in human beings', method: 'Minors moved through Europe to work in cannabis farms and nail bars', concealment: 'cannabis grown in residential houses with windows blacked out', route: ['VNM', 'RUS', 'POL', 'CZE', 'DEU', 'FRA', 'GBR'], indicators: ['electricity meters bypassed', 'minors with no school enrolment', 'one address on many arrival forms'] },
  { crimeType: 'document fraud', method: 'Genuine passports rented to travellers who resemble the holder (look-alike fraud)', route: ['MAR', 'ESP', 'FRA'], indicators: ['ticket bought by a third party shortly before departure', 'traveller cannot answer questions about the passport\'s details', 'photo resembles but differs in ear shape'] },
  { crimeType: 'trafficking in human beings', method: 'Workers recruited for construction through chains of subcontractors and letterbox companies', route: ['ROU', 'HUN', 'AUT', 'DEU'], indicators: ['wages paid into accounts controlled by the recruiter', 'workers housed at the site', 'companies dissolved after a few months'] },
];

export function purple(d: Draft): PurpleNotice {
  const mo = d.rng.pick(MODI);
  return { ...d.base, kind: 'purple', modusOperandi: { ...mo, route: [...mo.route], indicators: [...mo.indicators] } };
}

export function silver(d: Draft, subject: SubjectParticulars): SilverNotice {
  const { rng } = d;
  const at = () => rng.pick(DEMO_COUNTRIES);
  const c1 = at(), c2 = at();
  const options: Asset[] = [
    { type: 'real_estate', description: `Villa in ${rng.pick(c1.cities)}`, country: c1.code, estimatedValue: { amount: rng.between(2, 20) * 100_000, currency: 'EUR' } },
    { type: 'bank_account', description: `Current account held through a front company in ${c2.name}`, country: c2.code, estimatedValue: { amount: rng.between(50, 900) * 1000, currency: 'USD' } },
    { type: 'vehicle', description: 'Two Mercedes-Benz vans registered to a relative', country: c1.code },
    { type: 'crypto_wallet', description: 'USDT wallet on the Tron network receiving payments from migrants', country: c2.code },
    { type: 'company', description: `Travel agency in ${rng.pick(c2.cities)} used to buy tickets for smuggled migrants`, country: c2.code },
    { type: 'vessel', description: 'Fishing vessel used for crossings, registered under another name', country: c1.code },
  ];
  const assets = options.filter(() => rng.chance(0.4));
  if (assets.length === 0) assets.push(options[0]);
  const o = offence(d, countryCode(d.base.owner));
  return { ...d.base, kind: 'silver', subject, assets, offence: { description: `Laundering the proceeds of: ${o.description.toLowerCase()}`, law: o.law } };
}

export function orange(d: Draft, subject: SubjectParticulars): OrangeNotice {
  const { rng } = d;
  const expiresAt = `${addDays(d.today, rng.between(30, 300))}T00:00:00Z`;
  const owner = countryOf(countryCode(d.base.owner)).name;
  if (rng.chance(0.5)) {
    return { ...d.base, kind: 'orange', subject, expiresAt, threat: { nature: 'person', description: 'Armed; fired at border guards during a pursuit and threatens victims who try to leave', actionAdvised: `Do not approach alone; detain if possible and inform the NCB of ${owner} at once` } };
  }
  const threats: OrangeNotice['threat'][] = [
    { nature: 'object', description: 'Vans fitted with sealed compartments without ventilation, used to carry up to 30 people', actionAdvised: 'Open and ventilate any such compartment at once; call medical help' },
    { nature: 'event', description: 'A large crossing with overloaded boats is planned during the next spell of bad weather', actionAdvised: 'Alert coastguard and maritime rescue coordination centres' },
    { nature: 'process', description: 'Counterfeit residence permits with convincing security features are being sold to migrants', actionAdvised: 'Check the chip of every permit presented; report seizures to the issuing country' },
  ];
  return { ...d.base, kind: 'orange', expiresAt, threat: rng.pick(threats) };
}

export function green(d: Draft, subject: SubjectParticulars, owner: string): GreenNotice {
  const { rng } = d;
  const activity = rng.pick([
    'Recruits young women through social media with false job offers abroad', 'Organises crossings and collects payments for a smuggling network',
    'Supplies forged documents to smuggling networks', 'Controls victims of forced labour on farms through debts and threats',
  ]);
  const year = Number(d.today.slice(0, 4)) - rng.between(2, 9);
  const basis = rng.chance(0.6) ? `Convicted in ${year} by the ${rng.pick(countryOf(owner).cities)} court; released in ${year + rng.between(1, 2)}` : 'Consistent intelligence from three member countries over two years';
  return { ...d.base, kind: 'green', subject, criminalActivity: { description: activity, countries: [rng.pick(ORIGINS).code, owner], basis } };
}

export function blue(d: Draft, subject: SubjectParticulars): BlueNotice {
  const { rng } = d;
  // A Blue notice exists because identity is incomplete: some drop the date of birth or the identifiers.
  const partial = rng.chance(0.4) ? { ...subject, datesOfBirth: [], identifiers: [] } : subject;
  return {
    ...d.base, kind: 'blue', subject: partial, relatedOffence: fill(rng, rng.pick(OFFENCES)[0]),
    informationSought: rng.pick(['Identity, nationality and whereabouts', 'Current location and travel movements since last year', 'Phone numbers and associates used', 'Criminal record and any other identities in member countries']),
  };
}

export function unSpecial(d: Draft, subject: SubjectParticulars | undefined, surname: string): UnSpecialNotice {
  const { rng } = d;
  const committee = 'Security Council Committee established pursuant to resolution 1970 (2011) concerning Libya';
  const base = { ...d.base, owner: SECRETARIAT_ID, kind: 'un_special' as const };
  if (subject) return { ...base, subject, sanctions: { committee, reference: `LYi.0${rng.between(30, 99)}`, measures: ['assets_freeze', 'travel_ban'] } };
  return { ...base, entity: { name: `${surname} Maritime Services`, aliases: [`${surname} Shipping`], country: 'LBY' }, sanctions: { committee, reference: `LYe.0${rng.between(10, 99)}`, measures: ['assets_freeze'] } };
}

const PURPOSES: readonly DiffusionPurpose[] = ['arrest', 'locate', 'missing', 'information', 'warning'];
const MESSAGES: Record<DiffusionPurpose, string> = {
  arrest: 'Please locate and arrest with a view to extradition; a warrant copy follows.',
  locate: 'Please locate and report whereabouts; do not arrest.',
  missing: 'Possible victim of trafficking; please locate, protect and inform us.',
  information: 'Please check your records for this person and any associates and reply.',
  warning: 'Known facilitator expected to travel through your country in the coming weeks.',
};

export function diffusion(d: Draft, subject: SubjectParticulars): Diffusion {
  const { rng } = d;
  const purpose = rng.pick(PURPOSES);
  const owner = countryCode(d.base.owner);
  const recipients = DEMO_COUNTRIES.filter((c) => c.code !== owner && rng.chance(0.12)).map((c) => ncbId(c.code));
  if (recipients.length === 0) recipients.push(ncbId(rng.pick(DEMO_COUNTRIES.filter((c) => c.code !== owner)).code));
  const n: Diffusion = { ...d.base, kind: 'diffusion', purpose, recipients, message: MESSAGES[purpose], subject };
  if (purpose === 'arrest') {
    n.offence = offence(d, owner);
    n.legalBasis = legalBasis(d, owner, n.offence.committedOn);
  }
  return n;
}

/** The country code of an NCB id (`NCB-ITA` → `ITA`). */
export const countryCode = (orgId: string): string => orgId.replace(/^NCB-/, '');

export const KIND_LETTERS: Partial<Record<NoticeKind, string>> = { red: 'A', blue: 'B', green: 'C', yellow: 'D', black: 'E', orange: 'F', purple: 'G', silver: 'S', un_special: 'U' };
