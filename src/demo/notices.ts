import type { Notice, NoticeKind, NoticeStatus, SubjectParticulars } from '../notices/model.ts';
import { isInForce, subjectOf } from '../notices/model.ts';
import { possibleDuplicates } from '../notices/review.ts';
import type { SubjectCategory } from '../platform/access/envelope.ts';
import type { Draft } from './notice-content.ts';
import { KIND_LETTERS, addDays, black, blue, countryCode, diffusion, green, orange, particulars, purple, red, silver, unSpecial, yellow } from './notice-content.ts';
import type { DemoPerson } from './persons.ts';
import { DEMO_REFERENCE_YEAR, buildPerson } from './persons.ts';
import type { Seed } from './random.ts';
import { Random, STREAMS, seedNumber } from './random.ts';

/** The day demo notices are dated from unless told otherwise: dates never come from the clock. */
export const DEMO_TODAY = `${DEMO_REFERENCE_YEAR}-01-01`;

/** A generated notice and what its review should conclude. */
export interface DemoNotice {
  notice: Notice;
  /** The world's person the notice is about, when it names one. */
  personIndex?: number;
  /** `fail` marks a notice with a deliberate flaw, for demonstrating a refusal. */
  expected: 'pass' | 'fail';
  flaw?: Flaw;
}

/** The deliberate flaws, one kind each, that a review must catch. */
export const FLAWS = [
  'red_without_warrant', 'red_political_offence', 'red_warrant_in_future', 'red_penalty_too_low', 'red_duplicate',
  'green_name_only', 'black_found_in_future', 'purple_without_indicators', 'yellow_unknown_country', 'diffusion_military_offence',
] as const;
export type Flaw = (typeof FLAWS)[number];

// Red notices and diffusions are the most requested; every kind appears within one cycle.
const CYCLE: readonly NoticeKind[] = [
  'red', 'yellow', 'diffusion', 'blue', 'red', 'green', 'black', 'purple', 'yellow', 'silver', 'orange', 'red', 'un_special', 'diffusion',
];
const SUBJECTS: Partial<Record<NoticeKind, readonly SubjectCategory[]>> = {
  red: ['suspect', 'convicted'], green: ['convicted', 'suspect'], silver: ['suspect', 'convicted'], orange: ['suspect', 'convicted'],
  un_special: ['suspect', 'convicted'], diffusion: ['suspect', 'convicted', 'missing', 'victim'], blue: ['suspect', 'witness', 'other'],
  yellow: ['missing', 'victim'], black: ['unidentified'],
};

export interface NoticeStreamOptions {
  seed: Seed;
  count: number;
  /** Persons in the world; subjects are drawn from the first `personCount` (at least 1). */
  personCount: number;
  /** The day the world is set on (YYYY-MM-DD): dates fall before it, orange notices expire after it. */
  today?: string;
  /** One notice in this many carries a deliberate flaw; 0 for none. */
  flawEvery?: number;
}

/**
 * Streams notices of every kind about the world's persons, with plausible content that passes
 * review, in a realistic mix of statuses (mostly in force; drafts, requests awaiting review, a few
 * cancelled or withdrawn); every `flawEvery`-th carries one of FLAWS and is `refused`, or left
 * `submitted` for a reviewer to refuse.
 * Passing notices never duplicate one another, so the duplicate check stays meaningful.
 */
export function* generateNotices({ seed, count, personCount, today = DEMO_TODAY, flawEvery = 12 }: NoticeStreamOptions): Generator<DemoNotice> {
  if (count > 0 && personCount < 1) throw new RangeError('notices need at least one person to be about');
  const s = seedNumber(seed);
  const rng = new Random();
  const personRng = new Random();
  const accepted: Notice[] = [];
  // The same notices as if in force, by kind and year of birth (a duplicate needs both): a long stream need not rescan them all.
  const inForceBy = new Map<string, Notice[]>();
  const keysOf = (n: Notice) => [...new Set((subjectOf(n)?.datesOfBirth ?? []).map((d) => `${n.kind} ${d.slice(0, 4)}`))];
  let flawCount = 0;
  for (let i = 0; i < count; i++) {
    rng.reseed(s, STREAMS.notice, i);
    const flawed = flawEvery > 0 && i % flawEvery === flawEvery - 1;
    const flaw = flawed ? FLAWS[flawCount++ % FLAWS.length] : undefined;
    const kind = flaw ? flawKind(flaw) : CYCLE[i % CYCLE.length];
    const wanted = SUBJECTS[kind] ?? [];
    // Draw persons until one fits the kind and names no one already subject of a passing notice of that kind.
    for (let attempt = 0; ; attempt++) {
      const person = pickPerson(rng, personRng, s, personCount, wanted, attempt);
      const draft: Draft = { rng, today, base: { id: rng.uuid(), owner: person.owner, status: 'draft', createdAt: `${addDays(today, -rng.between(5, 900))}T09:00:00Z` } };
      let notice = build(kind, draft, person);
      if (flaw) notice = plantFlaw(flaw, notice, draft, accepted);
      const duplicate = !flaw && possibleDuplicates(notice, [...new Set(keysOf(notice).flatMap((k) => inForceBy.get(k) ?? []))]).length > 0;
      if (duplicate && attempt < 50) continue;
      notice = { ...notice, status: flaw ? flawedStatus(kind, flawCount - 1) : passingStatus(rng, kind), createdAt: requestedOn(notice, rng, today) };
      if (notice.status === 'published' && KIND_LETTERS[kind]) notice.reference = `${KIND_LETTERS[kind]}-${rng.between(100, 9999)}/${rng.between(1, 12)}-${notice.createdAt.slice(0, 4)}`;
      // A flawed diffusion already sent is in force too: later notices must not duplicate it.
      if (!flaw || isInForce(kind, notice.status)) {
        accepted.push(notice);
        const asInForce = { ...notice, status: inForceStatus(kind) } as Notice;
        for (const key of keysOf(notice)) inForceBy.set(key, [...(inForceBy.get(key) ?? []), asInForce]);
      }
      const names = 'subject' in notice && notice.subject !== undefined;
      yield { notice, ...(names || kind === 'black' ? { personIndex: person.index } : {}), expected: flaw ? 'fail' : 'pass', ...(flaw ? { flaw } : {}) };
      break;
    }
  }
}

/** A request is made after what it reports: the warrant, the disappearance, the finding of a body. */
function requestedOn(n: Notice, rng: Random, today: string): string {
  const events = [n.createdAt.slice(0, 10)];
  if ((n.kind === 'red' || n.kind === 'diffusion') && n.legalBasis) events.push(n.legalBasis.dateIssued);
  if (n.kind === 'yellow') events.push(n.lastSeen.on.length === 10 ? n.lastSeen.on : `${n.lastSeen.on}-28`);
  if (n.kind === 'black') events.push(n.body.foundOn);
  const latest = events.filter((e) => e <= today).sort().at(-1) ?? today;
  if (latest === events[0]) return n.createdAt;
  const day = addDays(latest, rng.between(1, 30));
  return `${day < today ? day : today}T09:00:00Z`;
}

const inForceStatus = (kind: NoticeKind): NoticeStatus => (kind === 'diffusion' ? 'sent' : 'published');

/** Where a notice that passes review stands: mostly in force, some on their way, a few ended by their owner. */
function passingStatus(rng: Random, kind: NoticeKind): NoticeStatus {
  const r = rng.float();
  if (kind === 'diffusion') return r < 0.4 ? 'sent' : r < 0.85 ? 'reviewed_ok' : r < 0.92 ? 'cancelled' : 'draft';
  return r < 0.7 ? 'published' : r < 0.78 ? 'submitted' : r < 0.85 ? 'under_review' : r < 0.91 ? 'draft' : r < 0.96 ? 'cancelled' : 'withdrawn';
}

/** A flawed request is refused with the review's reasons, but one in three still waits for a reviewer to catch it. */
const flawedStatus = (kind: NoticeKind, flawNumber: number): NoticeStatus => (flawNumber % 3 !== 0 ? 'refused' : kind === 'diffusion' ? 'sent' : 'submitted');

function pickPerson(rng: Random, personRng: Random, seed: number, personCount: number, wanted: readonly SubjectCategory[], attempt: number): DemoPerson {
  let fallback: DemoPerson | undefined;
  for (let tries = 0; tries < 400; tries++) {
    const p = buildPerson(personRng, seed, rng.int(personCount));
    const usable = wanted.includes('unidentified') || p.names.length > 0;
    if (usable && wanted.includes(p.subject)) return p;
    if (usable && !fallback) fallback = p;
  }
  // A small world may lack the category: any named person will do, the content does not depend on it.
  return fallback ?? buildPerson(personRng, seed, attempt % personCount);
}

function build(kind: NoticeKind, d: Draft, p: DemoPerson): Notice {
  const subject = (): SubjectParticulars => particulars(d.rng, p);
  switch (kind) {
    case 'red': return red(d, subject());
    case 'yellow': return yellow(d, subject(), p.nationalities[0] ?? countryCode(p.owner));
    case 'black': return black(d, p);
    case 'purple': return purple(d);
    case 'silver': return silver(d, subject());
    case 'orange': return orange(d, subject());
    case 'green': return green(d, subject(), countryCode(p.owner));
    case 'blue': return blue(d, subject());
    case 'un_special': return unSpecial(d, d.rng.chance(0.6) ? subject() : undefined, p.names[0]?.family ?? 'Example');
    case 'diffusion': return diffusion(d, subject());
  }
}

function flawKind(flaw: Flaw): NoticeKind {
  const kind = flaw.slice(0, flaw.indexOf('_'));
  return (kind === 'diffusion' ? 'diffusion' : kind) as NoticeKind;
}

function plantFlaw(flaw: Flaw, n: Notice, d: Draft, accepted: readonly Notice[]): Notice {
  switch (flaw) {
    case 'red_without_warrant': return n.kind === 'red' ? { ...n, legalBasis: undefined } : n;
    case 'red_political_offence':
      return n.kind === 'red' ? { ...n, offence: { ...n.offence, description: 'Insulting the head of state and membership of an opposition party', law: 'Penal Code, art. 197' } } : n;
    case 'red_warrant_in_future':
      return n.kind === 'red' && n.legalBasis ? { ...n, legalBasis: { ...n.legalBasis, dateIssued: addDays(d.today, 20) } } : n;
    case 'red_penalty_too_low':
      return n.kind === 'red' ? { ...n, offence: { ...n.offence, description: 'Employing a foreign worker without a permit', penaltyMax: { years: 1 } } } : n;
    case 'red_duplicate': {
      // The same person again, as an owner unaware of an earlier notice would request it.
      const earlier = accepted.find((a) => a.kind === 'red' && isInForce(a.kind, a.status));
      return n.kind === 'red' && earlier?.kind === 'red' ? { ...n, subject: earlier.subject } : { ...n, ...(n.kind === 'red' ? { legalBasis: undefined } : {}) };
    }
    case 'green_name_only':
      return n.kind === 'green' ? { ...n, subject: { ...n.subject, datesOfBirth: [], nationalities: [], identifiers: [], photoRefs: [] } } : n;
    case 'black_found_in_future': return n.kind === 'black' ? { ...n, body: { ...n.body, foundOn: addDays(d.today, 3) } } : n;
    case 'purple_without_indicators': return n.kind === 'purple' ? { ...n, modusOperandi: { ...n.modusOperandi, indicators: [] } } : n;
    case 'yellow_unknown_country': return n.kind === 'yellow' ? { ...n, lastSeen: { ...n.lastSeen, place: { ...n.lastSeen.place, country: 'XYZ' } } } : n;
    case 'diffusion_military_offence':
      return n.kind === 'diffusion'
        ? { ...n, purpose: 'arrest', offence: { description: 'Desertion from the armed forces', law: 'Military Penal Code, art. 12', penaltyMax: { years: 7 } }, legalBasis: { kind: 'arrest_warrant', reference: 'MIL-2024-0042', issuingAuthority: 'Military Court', dateIssued: addDays(d.today, -90) } }
        : n;
  }
}
