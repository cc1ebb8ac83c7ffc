import anyAscii from 'any-ascii';
import { distance } from 'fastest-levenshtein';
import countries from 'i18n-iso-countries';

import type { LegalBasis, Notice, Offence, PartialDate, SubjectParticulars } from './model.ts';
import { isInForce, subjectOf } from './model.ts';
import { narrativeOf, neutralityFindings } from './neutrality.ts';

export { neutralityFindings, type NeutralityCharacter, type NeutralityFinding } from './neutrality.ts';

export type ReviewRule =
  | 'identity' | 'offence' | 'legal_basis' | 'penalty' | 'extradition' | 'photo'
  | 'last_seen' | 'circumstances' | 'body' | 'descriptors' | 'modus_operandi' | 'assets'
  | 'threat' | 'criminal_activity' | 'information_sought' | 'sanctions' | 'target'
  | 'recipients' | 'message' | 'neutrality' | 'dates' | 'countries' | 'duplicates';

/** One line of the reviewer's checklist. A failed blocking line stops publication. */
export interface ReviewCheck {
  rule: ReviewRule;
  passed: boolean;
  blocking: boolean;
  message: string;
}

export interface ReviewContext {
  /** Notices in force, to look for possible duplicates among. */
  publishedNotices: readonly Notice[];
  /** The reviewer's written reasons for publishing despite signs of a political, military, religious or racial character. */
  justification?: string;
  /** Ids of possible duplicates the reviewer has looked at and found to be other people or cases. */
  acknowledgedDuplicates?: readonly string[];
  /** Today, for date checks; the service passes its clock so tests stay stable. */
  now?: Date;
}

/** A rule of the organisation's own: an arrest notice needs an offence punishable by at least this. */
export const MIN_PENALTY_YEARS = 2;
/** A justification shorter than this says nothing a reviewer could be held to. */
export const MIN_JUSTIFICATION_LENGTH = 20;

const check = (rule: ReviewRule, passed: boolean, message: string, blocking = true): ReviewCheck => ({ rule, passed, blocking, message });

/** Reviews a notice request against the rules and returns the checklist, one line per rule. */
export function reviewNotice(notice: Notice, ctx: ReviewContext): ReviewCheck[] {
  const now = ctx.now ?? new Date();
  const checks = [...requiredData(notice)];
  checks.push(neutrality(notice, ctx.justification));
  const dateProblems = checkDates(notice, now);
  checks.push(check('dates', dateProblems.length === 0, dateProblems.length === 0 ? 'Dates are plausible.' : dateProblems.join(' ')));
  const badCountries = countryCodesOf(notice).filter((c) => !isCountryCode(c));
  checks.push(check('countries', badCountries.length === 0, badCountries.length === 0
    ? 'Country codes are valid ISO 3166-1 alpha-3.'
    : `Not ISO 3166-1 alpha-3 country codes: ${[...new Set(badCountries)].join(', ')}.`));
  const dup = duplicates(notice, ctx);
  if (dup) checks.push(dup);
  return checks;
}

/** True only when every blocking rule passed. */
export function canPublish(checklist: readonly ReviewCheck[]): boolean {
  return checklist.every((c) => c.passed || !c.blocking);
}

// ---- required data ---------------------------------------------------------------------------

function requiredData(n: Notice): ReviewCheck[] {
  switch (n.kind) {
    case 'red':
      return [identity(n.subject), offence(n.offence, true), legalBasis(n.legalBasis), penalty(n.offence),
        check('extradition', n.extraditionIntent, n.extraditionIntent
          ? 'The owner undertakes to seek extradition.'
          : 'A Red notice seeks arrest with a view to extradition: the owner must undertake to request it.'),
        photo(n.subject)];
    case 'yellow':
      return [identity(n.subject),
        check('last_seen', hasText(n.lastSeen.on) && hasText(n.lastSeen.place.country), hasText(n.lastSeen.on) && hasText(n.lastSeen.place.country)
          ? 'When and where the person was last seen is given.' : 'Give the date and country where the person was last seen.'),
        check('circumstances', hasText(n.circumstances), hasText(n.circumstances) ? 'The circumstances of the disappearance are described.' : 'Describe the circumstances of the disappearance.'),
        photo(n.subject)];
    case 'black': {
      const b = n.body;
      const found = hasText(b.foundOn) && hasText(b.place.country);
      const descriptors = [b.sex, b.estimatedAgeMin ?? b.estimatedAgeMax, b.heightCm, b.dnaProfileRef, b.fingerprintsRef].some((v) => v !== undefined)
        || b.marks.some(hasText) || b.photoRefs.length > 0;
      return [check('body', found, found ? 'When and where the body was found is given.' : 'Give the date and country where the body was found.'),
        check('descriptors', descriptors, descriptors ? 'The body is described (sex, age, height, marks, DNA, fingerprints or photos).'
          : 'Give at least one descriptor to identify the body by: sex, estimated age, height, marks, DNA, fingerprints or a photo.')];
    }
    case 'purple': {
      const mo = n.modusOperandi;
      const missing = [['crime type', hasText(mo.crimeType)], ['method', hasText(mo.method)], ['at least one indicator', mo.indicators.some(hasText)]]
        .filter(([, ok]) => !ok).map(([what]) => what);
      return [check('modus_operandi', missing.length === 0, missing.length === 0 ? 'The modus operandi is described.' : `The modus operandi lacks: ${missing.join(', ')}.`)];
    }
    case 'silver': {
      const ok = n.assets.length > 0 && n.assets.every((a) => hasText(a.description) && hasText(a.country));
      return [identity(n.subject), offence(n.offence, false),
        check('assets', ok, ok ? `${n.assets.length} asset(s) described with their country.` : 'Describe at least one asset, each with the country where it is.')];
    }
    case 'orange': {
      const ok = hasText(n.threat.description) && hasText(n.threat.actionAdvised);
      const checks = [check('threat', ok, ok ? 'The threat and the action advised are described.' : 'Describe the threat and the action advised.')];
      if (n.threat.nature === 'person') checks.unshift(n.subject ? identity(n.subject) : check('identity', false, 'A threat from a person needs that person\'s particulars.'));
      return checks;
    }
    case 'green': {
      const ok = hasText(n.criminalActivity.description) && hasText(n.criminalActivity.basis);
      return [identity(n.subject), check('criminal_activity', ok, ok ? 'The criminal activity and its basis (convictions, intelligence) are given.'
        : 'Describe the criminal activity and what the warning rests on (convictions, intelligence).')];
    }
    case 'blue':
      return [minimalIdentity(n.subject), check('information_sought', hasText(n.informationSought), hasText(n.informationSought)
        ? 'The information sought is stated.' : 'State what information is sought (identity, location, activities).')];
    case 'un_special': {
      const ok = hasText(n.sanctions.committee) && hasText(n.sanctions.reference) && n.sanctions.measures.length > 0;
      const target = (n.subject?.names.some((x) => hasText(x.value)) ?? false) || hasText(n.entity?.name);
      return [check('sanctions', ok, ok ? 'The committee, listing reference and measures are given.' : 'Give the sanctions committee, the listing reference and the measures.'),
        check('target', target, target ? 'The listed person or entity is named.' : 'Name the listed person or entity.')];
    }
    case 'diffusion': {
      const checks = [
        check('recipients', n.recipients.length > 0, n.recipients.length > 0 ? `Sent to ${n.recipients.length} member(s).` : 'Choose at least one recipient.'),
        check('message', hasText(n.message), hasText(n.message) ? 'The request is worded.' : 'Word the request to the recipients.'),
      ];
      if (n.purpose === 'arrest') {
        checks.push(n.subject ? identity(n.subject) : check('identity', false, 'An arrest diffusion needs the person\'s particulars.'));
        checks.push(n.offence ? offence(n.offence, true) : check('offence', false, 'An arrest diffusion needs the offence.'));
        checks.push(legalBasis(n.legalBasis));
        if (n.offence) checks.push(penalty(n.offence));
      } else if (n.purpose !== 'information') {
        checks.push(n.subject ? identity(n.subject) : check('identity', false, `A ${n.purpose} diffusion needs the person's particulars.`));
      } else if (n.subject) {
        checks.push(minimalIdentity(n.subject));
      }
      return checks;
    }
  }
}

/** Enough to identify: a name plus a date of birth, a nationality, an identifier or a photo. */
function identity(s: SubjectParticulars): ReviewCheck {
  const named = s.names.some((x) => hasText(x.value));
  const anchors = [
    s.datesOfBirth.some(hasText) && 'date of birth', s.nationalities.some(hasText) && 'nationality',
    s.identifiers.some((i) => hasText(i.value)) && 'identifier', s.photoRefs.length > 0 && 'photo',
  ].filter((a): a is string => typeof a === 'string');
  if (!named) return check('identity', false, 'The subject has no name.');
  if (anchors.length === 0) return check('identity', false, 'A name alone does not identify: add a date of birth, a nationality, an identifier or a photo.');
  return check('identity', true, `Named, with ${anchors.join(', ')}.`);
}

/** A Blue notice exists to learn who someone is, so any single handle is enough. */
function minimalIdentity(s: SubjectParticulars): ReviewCheck {
  const ok = s.names.some((x) => hasText(x.value)) || s.photoRefs.length > 0 || s.identifiers.some((i) => hasText(i.value));
  return check('identity', ok, ok ? 'The subject can be looked for (name, photo or identifier).' : 'Give at least a name, a photo or an identifier.');
}

function offence(o: Offence, needsLaw: boolean): ReviewCheck {
  const missing = [!hasText(o.description) && 'a description', needsLaw && !hasText(o.law) && 'the law that makes it an offence']
    .filter((m): m is string => typeof m === 'string');
  return check('offence', missing.length === 0, missing.length === 0 ? 'The offence is described with its legal provision.' : `The offence lacks ${missing.join(' and ')}.`);
}

function legalBasis(l: LegalBasis | undefined): ReviewCheck {
  const missing = [!hasText(l?.reference) && 'warrant or decision reference', !hasText(l?.issuingAuthority) && 'issuing authority', !hasText(l?.dateIssued) && 'date issued']
    .filter((m): m is string => typeof m === 'string');
  return check('legal_basis', missing.length === 0, missing.length === 0
    ? `${l?.kind === 'court_decision' ? 'Court decision' : 'Arrest warrant'} ${l?.reference} issued by ${l?.issuingAuthority} on ${l?.dateIssued}.`
    : `The legal basis lacks: ${missing.join(', ')}.`);
}

function penalty(o: Offence): ReviewCheck {
  const p = o.penaltyMax;
  if (!p) return check('penalty', false, 'Give the maximum penalty the offence carries.');
  if ('life' in p) return check('penalty', true, 'The offence carries up to life imprisonment.');
  return check('penalty', p.years >= MIN_PENALTY_YEARS, p.years >= MIN_PENALTY_YEARS
    ? `The offence carries up to ${p.years} years.`
    : `The offence carries at most ${p.years} year(s); an arrest request needs at least ${MIN_PENALTY_YEARS}.`);
}

/** Advice only: a wanted or missing person is found far more often with a photo. */
function photo(s: SubjectParticulars): ReviewCheck {
  return check('photo', s.photoRefs.length > 0, s.photoRefs.length > 0 ? 'A photo is attached.' : 'No photo: add one if the owner has it.', false);
}

// ---- neutrality, countries, duplicates ---------------------------------------------------------

function neutrality(n: Notice, justification: string | undefined): ReviewCheck {
  const findings = narrativeOf(n).flatMap(({ field, text }) => neutralityFindings(text).map((f) => ({ ...f, field })));
  if (findings.length === 0) return check('neutrality', true, 'No sign of a political, military, religious or racial character.');
  const summary = findings.map((f) => `${f.character}: "${f.term}" in ${f.field}`).join('; ');
  const reasons = justification?.trim() ?? '';
  if (reasons.length >= MIN_JUSTIFICATION_LENGTH) {
    return check('neutrality', true, `Possible ${summary}. Published on the reviewer's justification: ${reasons}`);
  }
  return check('neutrality', false, `Possible ${summary}. The organisation may not act on matters of a political, military, religious or racial character: refuse, or record a written justification of at least ${MIN_JUSTIFICATION_LENGTH} characters showing the ordinary-law offence predominates.`);
}

// ICAO codes for stateless persons and refugees are valid nationalities though not ISO countries.
const ICAO_NATIONALITIES = new Set(['XXA', 'XXB', 'XXC', 'XXX']);
const isCountryCode = (c: string) => (/^[A-Z]{3}$/.test(c) && countries.alpha3ToAlpha2(c) !== undefined) || ICAO_NATIONALITIES.has(c);

function countryCodesOf(n: Notice): string[] {
  const s = subjectOf(n);
  const codes = s ? [...s.nationalities, ...(s.placeOfBirth ? [s.placeOfBirth.country] : [])] : [];
  const offenceOf = 'offence' in n ? n.offence : undefined;
  if (offenceOf?.committedIn) codes.push(...offenceOf.committedIn);
  if (n.kind === 'yellow') codes.push(n.lastSeen.place.country);
  if (n.kind === 'black') codes.push(n.body.place.country);
  if (n.kind === 'purple') codes.push(...n.modusOperandi.route);
  if (n.kind === 'silver') codes.push(...n.assets.map((a) => a.country));
  if (n.kind === 'green') codes.push(...n.criminalActivity.countries);
  if (n.kind === 'un_special' && n.entity?.country) codes.push(n.entity.country);
  // An empty code is a required-data problem, reported by the kind's own rule.
  return codes.filter(hasText);
}

function duplicates(n: Notice, ctx: ReviewContext): ReviewCheck | null {
  if (!subjectOf(n)) return null;
  const found = possibleDuplicates(n, ctx.publishedNotices);
  if (found.length === 0) return check('duplicates', true, 'No published notice of this kind names a similar person with a matching date of birth.');
  const acknowledged = new Set(ctx.acknowledgedDuplicates ?? []);
  const open = found.filter((d) => !acknowledged.has(d.id));
  const list = found.map((d) => d.reference ?? d.id).join(', ');
  return open.length === 0
    ? check('duplicates', true, `Possible duplicates ${list} were checked by the reviewer and found to differ.`)
    : check('duplicates', false, `Possible duplicate of published notice(s) ${list}: same kind, similar name and date of birth. Compare them, then acknowledge or refuse.`);
}

const hasText = (v: string | undefined | null): v is string => typeof v === 'string' && v.trim() !== '';

/** Sorted lowercase ASCII tokens: "Muḥammad  AL-Masri" → "al masri muhammad". A stand-in until screening's matcher. */
export function normaliseName(value: string): string {
  return anyAscii(value).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).sort().join(' ');
}

function similarNames(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [ta, tb] = [a.split(' '), b.split(' ')];
  // A dropped middle name is the commonest difference between two records of one person.
  const [small, large] = ta.length <= tb.length ? [ta, new Set(tb)] : [tb, new Set(ta)];
  if (small.length >= 2 && small.every((x) => large.has(x))) return true;
  return 1 - distance(a, b) / Math.max(a.length, b.length) >= 0.8;
}

// "1985" is compatible with "1985-03-12": one may be a partial record of the other.
const datesCompatible = (a: readonly PartialDate[], b: readonly PartialDate[]) =>
  a.some((x) => b.some((y) => hasText(x) && hasText(y) && (x.startsWith(y) || y.startsWith(x))));

/** Published notices of the same kind naming a person with a similar name and a compatible date of birth. */
export function possibleDuplicates(notice: Notice, published: readonly Notice[]): Notice[] {
  const s = subjectOf(notice);
  if (!s || s.datesOfBirth.length === 0) return [];
  const keys = s.names.map((x) => normaliseName(x.value));
  return published.filter((p) => {
    const o = subjectOf(p);
    if (p.id === notice.id || p.kind !== notice.kind || !isInForce(p.kind, p.status) || !o) return false;
    if (!datesCompatible(s.datesOfBirth, o.datesOfBirth)) return false;
    return o.names.some((x) => { const k = normaliseName(x.value); return keys.some((m) => similarNames(m, k)); });
  });
}

// ---- dates -------------------------------------------------------------------------------------

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar date (or part of one). */
export function isPartialDate(value: string, fullOnly = false): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || (fullOnly && m[3] === undefined)) return false;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]);
}

// The earliest day a partial date may mean, so "2031" counts as future and "1985" as before 1985-06.
const earliestDay = (p: string) => (p.length === 4 ? `${p}-01-01` : p.length === 7 ? `${p}-01` : p);

function checkDates(n: Notice, now: Date): string[] {
  const today = now.toISOString().slice(0, 10);
  const oldest = `${now.getUTCFullYear() - 120}${today.slice(4)}`;
  const problems: string[] = [];
  const s = subjectOf(n);
  const births = (s?.datesOfBirth ?? []).filter(hasText);
  for (const dob of births) {
    if (!isPartialDate(dob)) problems.push(`Date of birth "${dob}" is not YYYY, YYYY-MM or YYYY-MM-DD.`);
    else if (earliestDay(dob) > today) problems.push(`Date of birth ${dob} is in the future.`);
    else if (earliestDay(dob) < oldest) problems.push(`Date of birth ${dob} makes the person over 120.`);
  }
  const born = births.filter((d) => isPartialDate(d)).map(earliestDay).sort()[0];
  const event = (label: string, value: string | undefined, fullOnly = false) => {
    if (!hasText(value)) return;
    if (!isPartialDate(value, fullOnly)) problems.push(`${label} "${value}" is not a ${fullOnly ? 'YYYY-MM-DD' : 'YYYY[-MM[-DD]]'} date.`);
    else if (earliestDay(value) > today) problems.push(`${label} ${value} is in the future.`);
    else if (born !== undefined && value.slice(0, born.length) < born.slice(0, value.length)) problems.push(`${label} ${value} is before the subject's birth.`);
  };
  const legal = n.kind === 'red' || n.kind === 'diffusion' ? n.legalBasis : undefined;
  event(legal?.kind === 'court_decision' ? 'Decision date' : 'Warrant date', legal?.dateIssued, true);
  if ('offence' in n) event('Offence date', n.offence?.committedOn);
  if (n.kind === 'yellow') event('Last seen', n.lastSeen.on);
  if (n.kind === 'black') {
    event('Body found', n.body.foundOn);
    const [lo, hi] = [n.body.estimatedAgeMin, n.body.estimatedAgeMax];
    if ((lo !== undefined && (lo < 0 || lo > 120)) || (hi !== undefined && (hi < 0 || hi > 120)) || (lo !== undefined && hi !== undefined && lo > hi)) {
      problems.push(`Estimated age ${lo ?? '?'}–${hi ?? '?'} is not a plausible range.`);
    }
  }
  const height = n.kind === 'black' ? n.body.heightCm : s?.heightCm;
  if (height !== undefined && (height < 40 || height > 250)) problems.push(`Height ${height} cm is not plausible.`);
  if (n.kind === 'orange') {
    const expires = Date.parse(n.expiresAt);
    if (Number.isNaN(expires)) problems.push(`Expiry "${n.expiresAt}" is not a date.`);
    else if (expires <= now.getTime()) problems.push(`Expiry ${n.expiresAt} has passed.`);
    // An orange notice is for an imminent threat: a year is already long.
    else if (expires - now.getTime() > 366 * 86_400_000) problems.push(`Expiry ${n.expiresAt} is more than a year away; an orange notice warns of an imminent threat.`);
  }
  return problems;
}
