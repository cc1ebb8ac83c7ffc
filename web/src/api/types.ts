/** Shapes of the public API's replies, as the web app reads them. */

export const ROLES = ['frontline', 'officer', 'analyst', 'reviewer', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: string | null;
  username: string;
  orgId: string;
  orgKind: string;
  country: string | null;
  roles: Role[];
}

export interface Organisation { id: string; kind: string; name: string; country: string | null }

export const AUDIENCES = ['all', 'listed', 'owner'] as const;
export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const SUBJECTS = ['suspect', 'convicted', 'victim', 'witness', 'missing', 'unidentified', 'other'] as const;
export const RELIABILITIES = ['A', 'B', 'C', 'X'] as const;
export const ACCURACIES = ['1', '2', '3', '4'] as const;

export type Audience = (typeof AUDIENCES)[number];
export type Tlp = (typeof TLPS)[number];
export type Subject = (typeof SUBJECTS)[number];

export interface Envelope {
  owner: string;
  audience: Audience;
  audienceOrgs: string[];
  deniedOrgs: string[];
  tlp: Tlp;
  handling: (typeof HANDLING_CODES)[number];
  subject: Subject;
  reviewAt: string;
  source: string | null;
  reliability: (typeof RELIABILITIES)[number];
  accuracy: (typeof ACCURACIES)[number];
}

export type EnvelopeInput = Partial<Omit<Envelope, 'owner' | 'source'>> & { source?: string };

export const NAME_KINDS = ['primary', 'alias', 'birth', 'maiden', 'original_script'] as const;
export const SEXES = ['M', 'F', 'X', 'U'] as const;
export type Sex = (typeof SEXES)[number];

export interface PersonName { value: string; kind: (typeof NAME_KINDS)[number]; script?: string }

export interface PersonData {
  names: PersonName[];
  sex: Sex;
  birthDates: string[];
  birthPlaces: { place?: string; country?: string }[];
  nationalities: string[];
  identifiers: { kind: string; value: string; country?: string }[];
  description: { heightCm?: number; weightKg?: number; eyes?: string; hair?: string; build?: string; notes?: string };
  marks: string[];
  languages: string[];
  photos: string[];
  notes?: string;
}

export interface Person extends PersonData {
  id: string;
  version: number;
  envelope: Envelope;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> { total: number; items: T[] }

export interface HistoryEntry { version: number; changedBy: string; changedAt: string; change: string; reason: string | null; snapshot: unknown }

export interface AuditEntry {
  seq: number; at: string; userId: string | null; username: string; orgId: string | null; action: string; outcome: string;
  recordType: string | null; recordIds: string[]; query: unknown; purpose: string | null; resultCount: number | null; requestId: string | null;
}

export interface InboxItem {
  id: number; at: string; type: string; recordType: string | null; recordId: string | null;
  payload: Record<string, unknown>; read?: boolean;
}

export interface User { id: string; username: string; displayName: string; orgId: string; roles: Role[]; disabled: boolean; createdAt: string }
export interface Token { id: string; name: string; userId: string; createdAt: string; expiresAt: string; revokedAt: string | null; lastUsedAt: string | null }

// ---- documents ----------------------------------------------------------------------------

export const DOCUMENT_TYPES = ['passport', 'identity_card', 'visa', 'residence_permit', 'travel_document', 'stolen_blank'] as const;
export const DOCUMENT_STATUSES = ['stolen', 'lost', 'revoked', 'invalidated', 'counterfeit', 'forged', 'stolen_blank'] as const;

export const SIGHTING_KINDS = ['seen', 'seized'] as const;

export interface DocumentHolder { personId: string | null; names: string[]; birthDate: string | null; sex: string | null; nationality: string | null }

export interface Sighting {
  id: string; kind: string; observedOn: string | null; place: string | null; country: string | null; circumstances: string | null;
  reportedBy: { org: string; username: string }; reportedAt: string; envelope?: Envelope;
}

export interface TravelDocument {
  id: string;
  number: string;
  numberNormalised?: string;
  type: string;
  issuingCountry: string;
  status: string;
  holder: DocumentHolder | null;
  issueDate: string | null;
  expiryDate: string | null;
  reportedOn: string | null;
  reportedPlace: string | null;
  circumstances: string | null;
  version: number;
  cancelledAt: string | null;
  cancelReason: string | null;
  envelope: Envelope;
  createdAt: string;
  updatedAt: string;
  sightings?: Sighting[];
}

export interface DocumentCheck {
  query?: { via?: string; number?: string | null; numberNormalised?: string | null; issuingCountry?: string | null };
  mrz: {
    format?: string; valid?: boolean; expired?: boolean | null;
    fields?: Record<string, unknown>;
    errors?: ({ field?: string; message?: string; expected?: string; found?: string } | string)[];
    corrections?: unknown[];
  } | null;
  hit: boolean;
  matches: { reference: string; owner: string; visibility: string; message: string; document?: TravelDocument; hitId?: string | null }[];
  holder: { names: string[]; birthDates: string[]; sex: string | null; nationality: string | null; namesTruncated?: boolean } | null;
}

// ---- notices ------------------------------------------------------------------------------

export const NOTICE_KINDS = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un_special', 'diffusion'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['draft', 'submitted', 'under_review', 'published', 'refused', 'sent', 'reviewed_ok', 'cancelled', 'withdrawn', 'expired'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface NoticeSubject {
  names?: { value: string; script?: string; kind?: string }[];
  sex?: string;
  datesOfBirth?: string[];
  nationalities?: string[];
  distinguishingMarks?: string[];
  photoRefs?: string[];
  [k: string]: unknown;
}

export interface Notice {
  id: string;
  kind: NoticeKind;
  /** The requesting organisation: `envelope.owner`; some replies also give it here. */
  owner?: string;
  title?: string;
  content?: Record<string, unknown>;
  /** The lifecycle steps the caller may take next (`submit`, `publish`, `take_under_review`…). */
  actions?: string[];
  version?: number;
  submittedAt?: string | null;
  publishedAt?: string | null;
  status: NoticeStatus;
  reference?: string | null;
  createdAt: string;
  updatedAt?: string;
  subject?: NoticeSubject;
  offence?: { description?: string; law?: string; penaltyMax?: { years?: number; life?: boolean } };
  legalBasis?: { kind?: string; reference?: string; issuingAuthority?: string; dateIssued?: string };
  extraditionIntent?: boolean;
  publicExtractAgreed?: boolean;
  decisionReasons?: string[];
  remarks?: string;
  message?: string;
  recipients?: string[];
  envelope?: Envelope;
  [k: string]: unknown;
}

export interface ReviewCheck { rule: string; passed: boolean; blocking: boolean; message: string }
export interface PossibleDuplicate { id: string; reference: string | null; kind: string; owner: string; title: string; datesOfBirth: string[]; publishedAt: string | null }
export interface Checklist { canPublish: boolean; checks: ReviewCheck[]; possibleDuplicates: PossibleDuplicate[] }

// ---- screening and hits -------------------------------------------------------------------

export interface FeatureEffect { feature: string; detail: string; effect: number }

export interface TokenMatch { query: string[]; record: string[]; how: string; similarity: number; weight?: number }

export interface NameExplanation { score: number; matches: TokenMatch[]; unmatchedQuery: string[]; unmatchedRecord: string[]; queryName?: string; recordName?: string }

/** One record a screening found: in full, or only that it exists and whom to contact. */
export interface ScreeningHit {
  recordType: string;
  recordId: string | null;
  owner: string;
  ownerName: string;
  disclosure: 'full' | 'existence' | string;
  subject: string;
  score: number;
  hitId: string | null;
  person: { names: { value: string; kind: string; script?: string }[]; birthDates: string[]; nationalities: string[]; sex: string; photos: string[] } | null;
  tlp: string | null;
  handling: string | null;
  explanation: { name: NameExplanation | null; features: FeatureEffect[] } | null;
}

export interface ScreeningResult {
  outcome: 'hit' | 'no_hit';
  use: string;
  /** The server's advice, in English; the page words its own from the hits. */
  action: string;
  hits: ScreeningHit[];
  mrz: unknown;
  tookMs: number;
}

export const HIT_STATUSES = ['pending', 'confirmed', 'false_positive'] as const;

export interface HitMessage { id: number; at: string; username: string; orgId: string; body: string }

export interface Hit {
  id: string;
  createdAt: string;
  recordType: string;
  recordId: string;
  ownerOrg: string;
  querierOrg: string;
  querierName: string;
  /** What was screened: names, dates of birth, nationalities… */
  query: { names?: string[]; birthDates?: string[]; nationalities?: string[]; sex?: string; documentNumber?: string; mrz?: string } | null;
  score: number;
  explanation: { name: NameExplanation | null; features: FeatureEffect[] } | null;
  purpose: string | null;
  status: string;
  replyDueAt: string;
  firstReplyAt: string | null;
  overdue: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  side: 'owner' | 'querier' | string;
  messages?: HitMessage[];
}
