import type { Role } from '../platform/access/actor.ts';

/** Notice kinds, plus the diffusion a member sends straight to chosen members. */
export const NOTICE_KINDS = [
  'red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un_special', 'diffusion',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * One status set for both flows. Notices: draft → submitted → under_review → published | refused,
 * then cancelled | withdrawn | expired. Diffusions: draft → sent, then reviewed_ok | refused once
 * the secretariat has looked at what members already received. `withdrawn` means the owner pulled
 * it before it took effect; `cancelled` means it stopped being in force after it did.
 */
export const NOTICE_STATUSES = [
  'draft', 'submitted', 'under_review', 'published', 'refused', 'sent', 'reviewed_ok',
  'cancelled', 'withdrawn', 'expired',
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export type NoticeAction =
  | 'submit' | 'take_under_review' | 'publish' | 'refuse' | 'revise' | 'send' | 'confirm'
  | 'withdraw' | 'cancel' | 'expire';

/** Who may take a step: the owner's officers, the secretariat's reviewers, or the system (expiry). */
export type TransitionParty = 'owner' | 'secretariat' | 'system';

export interface Transition {
  from: NoticeStatus;
  to: NoticeStatus;
  action: NoticeAction;
  by: TransitionParty;
  /** The step must record why (a refusal, or the secretariat cancelling a member's notice). */
  needsReasons: boolean;
}

const t = (from: NoticeStatus, to: NoticeStatus, action: NoticeAction, by: TransitionParty, needsReasons = false): Transition =>
  ({ from, to, action, by, needsReasons });

const NOTICE_FLOW: readonly Transition[] = [
  t('draft', 'submitted', 'submit', 'owner'),
  t('draft', 'withdrawn', 'withdraw', 'owner'),
  t('submitted', 'under_review', 'take_under_review', 'secretariat'),
  t('submitted', 'withdrawn', 'withdraw', 'owner'),
  t('under_review', 'published', 'publish', 'secretariat'),
  t('under_review', 'refused', 'refuse', 'secretariat', true),
  t('under_review', 'withdrawn', 'withdraw', 'owner'),
  // A refusal explains what is missing; the owner may correct the draft and submit again.
  t('refused', 'draft', 'revise', 'owner'),
  t('published', 'cancelled', 'cancel', 'owner'),
  // The secretariat must be able to end a notice later found not to comply with the rules.
  t('published', 'cancelled', 'cancel', 'secretariat', true),
  t('published', 'expired', 'expire', 'system'),
];

// A diffusion reaches its recipients at once; the review comes after and can only confirm it or
// refuse it (recipients are then told not to act on it). A refused diffusion is not re-sent: the
// owner sends a new one.
const DIFFUSION_FLOW: readonly Transition[] = [
  t('draft', 'sent', 'send', 'owner'),
  t('draft', 'withdrawn', 'withdraw', 'owner'),
  t('sent', 'reviewed_ok', 'confirm', 'secretariat'),
  t('sent', 'refused', 'refuse', 'secretariat', true),
  t('sent', 'cancelled', 'cancel', 'owner'),
  t('reviewed_ok', 'cancelled', 'cancel', 'owner'),
  t('reviewed_ok', 'cancelled', 'cancel', 'secretariat', true),
  t('sent', 'expired', 'expire', 'system'),
  t('reviewed_ok', 'expired', 'expire', 'system'),
];

/** Every step allowed for this kind of notice. */
export const transitionsOf = (kind: NoticeKind): readonly Transition[] => (kind === 'diffusion' ? DIFFUSION_FLOW : NOTICE_FLOW);

/** Whether any party may move a notice of this kind from one status to the other. */
export function allowedTransition(from: NoticeStatus, to: NoticeStatus, kind: NoticeKind): boolean {
  return transitionsOf(kind).some((s) => s.from === from && s.to === to);
}

/** Who is acting, as far as the lifecycle cares: the service sets `isOwner` from the notice's owner. */
export interface NoticeActor {
  roles: readonly Role[];
  isOwner: boolean;
  system?: boolean;
}

function plays(actor: NoticeActor, party: TransitionParty): boolean {
  if (party === 'system') return actor.system === true;
  if (party === 'owner') return actor.isOwner && actor.roles.includes('officer');
  return actor.roles.includes('reviewer');
}

/** The steps this actor may take from `from`; empty when the actor may do nothing. */
export function nextTransitions(kind: NoticeKind, from: NoticeStatus, actor: NoticeActor): Transition[] {
  return transitionsOf(kind).filter((s) => s.from === from && plays(actor, s.by));
}

/** The statuses this actor may move the notice to from `from`. */
export function nextStatuses(kind: NoticeKind, from: NoticeStatus, actor: NoticeActor): NoticeStatus[] {
  return [...new Set(nextTransitions(kind, from, actor).map((s) => s.to))];
}

/** The statuses in which a notice is in force: recipients see it and screening reports it. */
export function isInForce(kind: NoticeKind, status: NoticeStatus): boolean {
  return kind === 'diffusion' ? status === 'sent' || status === 'reviewed_ok' : status === 'published';
}

export const isFinal = (status: NoticeStatus): boolean => status === 'cancelled' || status === 'withdrawn' || status === 'expired';

export type TransitionResult<N> = { ok: true; notice: N; transition: Transition } | { ok: false; reason: string };

/**
 * Moves a notice along its lifecycle, or says why it cannot. Pure: the service stores the result
 * and writes the audit entry.
 */
export function applyTransition<N extends Notice>(notice: N, to: NoticeStatus, actor: NoticeActor, opts: { at: string; reasons?: readonly string[] }): TransitionResult<N> {
  if (!allowedTransition(notice.status, to, notice.kind)) {
    return { ok: false, reason: `a ${notice.kind} notice cannot go from ${notice.status} to ${to}` };
  }
  const step = nextTransitions(notice.kind, notice.status, actor).find((s) => s.to === to);
  if (!step) return { ok: false, reason: `you may not move this ${notice.kind} notice from ${notice.status} to ${to}` };
  const reasons = (opts.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
  if (step.needsReasons && reasons.length === 0) return { ok: false, reason: `${step.action} needs at least one written reason` };
  const next: N = { ...notice, status: to, updatedAt: opts.at };
  if (step.needsReasons) next.decisionReasons = reasons;
  return { ok: true, notice: next, transition: step };
}

// ---- content -------------------------------------------------------------------------------

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: records often know only part of a date of birth. */
export type PartialDate = string;
export type Sex = 'male' | 'female' | 'unspecified';
/** ISO 15924 script of a written name. */
export type Script = 'Latn' | 'Arab' | 'Cyrl' | 'Hani';
export type NameKind = 'primary' | 'alias' | 'birth' | 'maiden';

/** One written form of a person's name; `given` / `family` are kept where known (documents need them). */
export interface PersonName {
  value: string;
  kind: NameKind;
  script: Script;
  given?: string;
  family?: string;
}

export interface Place { country: string; locality?: string }
export interface PersonIdentifier { type: string; value: string; country?: string }

/** Who a notice is about; the same particulars for every kind that names a person. */
export interface SubjectParticulars {
  names: PersonName[];
  sex?: Sex;
  datesOfBirth: PartialDate[];
  placeOfBirth?: Place;
  /** ISO 3166-1 alpha-3 (or ICAO's XXA/XXB/XXC/XXX for stateless and refugees). */
  nationalities: string[];
  identifiers: PersonIdentifier[];
  distinguishingMarks: string[];
  photoRefs: string[];
  languages?: string[];
  heightCm?: number;
}

export type PenaltyMax = { years: number } | { life: true };
export interface Offence { description: string; law: string; penaltyMax?: PenaltyMax; committedOn?: PartialDate; committedIn?: string[] }
export interface LegalBasis { kind: 'arrest_warrant' | 'court_decision'; reference: string; issuingAuthority: string; dateIssued: string }

interface NoticeBase {
  id: string;
  /** Organisation that requested it (`NCB-FRA`), the data owner. */
  owner: string;
  status: NoticeStatus;
  /** Control number given at publication. */
  reference?: string;
  createdAt: string;
  updatedAt?: string;
  /** The owner agrees that an extract appears on the public website (Red and Yellow only). */
  publicExtractAgreed?: boolean;
  /** Why the secretariat refused or cancelled it. */
  decisionReasons?: readonly string[];
  remarks?: string;
}

export interface RedNotice extends NoticeBase {
  kind: 'red'; subject: SubjectParticulars; offence: Offence; legalBasis?: LegalBasis;
  /** The owner undertakes to request extradition once the person is found. */
  extraditionIntent: boolean;
}
export interface YellowNotice extends NoticeBase {
  kind: 'yellow'; subject: SubjectParticulars; lastSeen: { on: PartialDate; place: Place }; circumstances: string;
}
export interface BodyDescription {
  foundOn: string; place: Place; sex?: Sex; estimatedAgeMin?: number; estimatedAgeMax?: number;
  heightCm?: number; marks: string[]; causeOfDeath?: string; dnaProfileRef?: string; fingerprintsRef?: string; photoRefs: string[];
}
export interface BlackNotice extends NoticeBase { kind: 'black'; body: BodyDescription }
export interface ModusOperandi {
  crimeType: string; method: string; concealment?: string;
  /** Countries in travel order, ISO alpha-3. */
  route: string[]; indicators: string[];
}
export interface PurpleNotice extends NoticeBase { kind: 'purple'; modusOperandi: ModusOperandi }
export interface Asset {
  type: 'bank_account' | 'real_estate' | 'vehicle' | 'vessel' | 'company' | 'crypto_wallet' | 'other';
  description: string; country: string; estimatedValue?: { amount: number; currency: string };
}
export interface SilverNotice extends NoticeBase { kind: 'silver'; subject: SubjectParticulars; assets: Asset[]; offence: Offence }
export interface OrangeNotice extends NoticeBase {
  kind: 'orange'; subject?: SubjectParticulars;
  threat: { nature: 'person' | 'object' | 'event' | 'process'; description: string; actionAdvised: string };
  /** An orange notice warns of an imminent threat, so it always ends. */
  expiresAt: string;
}
export interface GreenNotice extends NoticeBase {
  kind: 'green'; subject: SubjectParticulars; criminalActivity: { description: string; countries: string[]; basis: string };
}
export interface BlueNotice extends NoticeBase { kind: 'blue'; subject: SubjectParticulars; informationSought: string; relatedOffence?: string }
export interface EntityParticulars { name: string; aliases: string[]; country?: string }
export interface UnSpecialNotice extends NoticeBase {
  kind: 'un_special'; subject?: SubjectParticulars; entity?: EntityParticulars;
  sanctions: { committee: string; reference: string; measures: ('assets_freeze' | 'travel_ban' | 'arms_embargo')[] };
}
export type DiffusionPurpose = 'arrest' | 'locate' | 'missing' | 'information' | 'warning';
export interface Diffusion extends NoticeBase {
  kind: 'diffusion'; purpose: DiffusionPurpose;
  /** Organisations it goes to, chosen by the owner. */
  recipients: string[];
  message: string; subject?: SubjectParticulars; offence?: Offence; legalBasis?: LegalBasis;
}

export type Notice =
  | RedNotice | YellowNotice | BlackNotice | PurpleNotice | SilverNotice
  | OrangeNotice | GreenNotice | BlueNotice | UnSpecialNotice | Diffusion;

/** The subject a notice names, for the kinds that name one. */
export function subjectOf(notice: Notice): SubjectParticulars | undefined {
  return 'subject' in notice ? notice.subject : undefined;
}

// ---- public extract ------------------------------------------------------------------------

/** What a public "wanted" or "missing" page shows: identity and a photo, never the legal file. */
export interface PublicExtract {
  kind: 'red' | 'yellow';
  reference?: string;
  /** Requesting country's organisation. */
  requestedBy: string;
  names: { value: string; script: Script }[];
  sex?: Sex;
  datesOfBirth: PartialDate[];
  placeOfBirth?: Place;
  nationalities: string[];
  distinguishingMarks: string[];
  languages: string[];
  heightCm?: number;
  photoRefs: string[];
  /** Red: the charges as the public page words them. */
  charges?: string;
  /** Yellow: when and where the person disappeared. */
  disappearance?: { on: PartialDate; place: Place };
}

/**
 * The public extract of a published Red or Yellow notice whose owner agreed to it, else null.
 * Identifiers, the warrant, the law and the circumstances stay out: they are for police eyes.
 */
export function publicExtract(notice: Notice): PublicExtract | null {
  if ((notice.kind !== 'red' && notice.kind !== 'yellow') || notice.publicExtractAgreed !== true) return null;
  if (!isInForce(notice.kind, notice.status)) return null;
  const s = notice.subject;
  const base: PublicExtract = {
    kind: notice.kind,
    requestedBy: notice.owner,
    // Birth and maiden names can expose a victim's or a relative's history; public pages show the names in use.
    names: s.names.filter((n) => n.kind === 'primary' || n.kind === 'alias').map((n) => ({ value: n.value, script: n.script })),
    datesOfBirth: [...s.datesOfBirth],
    nationalities: [...s.nationalities],
    distinguishingMarks: [...s.distinguishingMarks],
    languages: [...(s.languages ?? [])],
    photoRefs: [...s.photoRefs],
  };
  if (notice.reference !== undefined) base.reference = notice.reference;
  if (s.sex !== undefined) base.sex = s.sex;
  if (s.placeOfBirth !== undefined) base.placeOfBirth = { ...s.placeOfBirth };
  if (s.heightCm !== undefined) base.heightCm = s.heightCm;
  if (notice.kind === 'red') base.charges = notice.offence.description;
  else base.disappearance = { on: notice.lastSeen.on, place: { ...notice.lastSeen.place } };
  return base;
}
