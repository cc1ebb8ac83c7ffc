import countries from 'i18n-iso-countries';
import type { OrganisationKind } from '../platform/access/actor.ts';

/**
 * The 196 member countries: the UN's member states less the one that is not a member of the
 * global police organisation, plus the Holy See, Palestine, Aruba and Curaçao. A federation with
 * another membership edits this list; everything else follows from it.
 */
const NOT_MEMBERS = new Set('ASM AIA ATA BMU BVT IOT VGB CYM CXR CCK COK SXM FLK FRO GUF PYF ATF GIB GRL GLP GUM GGY HMD HKG IMN JEY MAC MTQ MYT MSR NCL NIU NFK MNP PRI REU BLM SHN MAF SPM SGS SJM TKL TCA UMI VIR WLF ESH ALA BES TWN PRK PCN XKK'.split(' '));

export const MEMBER_COUNTRIES: readonly string[] = Object.keys(countries.getAlpha3Codes())
  .filter((code) => !NOT_MEMBERS.has(code))
  .sort();

export interface OrganisationSeed { id: string; kind: OrganisationKind; name: string; country: string | null }

export const SECRETARIAT_ID = 'SECRETARIAT';

/** The national central bureau of a member country is identified by its ISO alpha-3 code. */
export function ncbId(country: string): string { return `NCB-${country}`; }

export function countryName(code: string): string {
  return countries.getName(code, 'en', { select: 'official' }) ?? code;
}

/** Every organisation the platform starts with: the NCBs, the secretariat, regional agencies and NGOs. */
export function organisationSeeds(): OrganisationSeed[] {
  return [
    { id: SECRETARIAT_ID, kind: 'secretariat', name: 'General Secretariat', country: null },
    ...MEMBER_COUNTRIES.map((c) => ({ id: ncbId(c), kind: 'ncb' as const, name: `National Central Bureau ${countryName(c)}`, country: c })),
    { id: 'AGENCY-EU', kind: 'agency', name: 'European regional police agency', country: null },
    { id: 'AGENCY-AFR', kind: 'agency', name: 'African regional police cooperation organisation', country: null },
    { id: 'AGENCY-ASEAN', kind: 'agency', name: 'South-East Asian regional police cooperation', country: null },
    { id: 'AGENCY-AMER', kind: 'agency', name: 'Regional police community of the Americas', country: null },
    { id: 'NGO-SHELTER', kind: 'ngo', name: 'Safe Harbour victim shelters (NGO)', country: null },
    { id: 'NGO-MIGRANT', kind: 'ngo', name: 'Migrant assistance network (NGO)', country: null },
    { id: 'SOCIAL-SERVICES', kind: 'ngo', name: 'Child and social protection services', country: null },
  ];
}
