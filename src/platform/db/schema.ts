import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonValue = unknown;

export interface OrganisationTable {
  id: string;
  kind: 'ncb' | 'secretariat' | 'agency' | 'ngo';
  name: string;
  country: string | null;
  created_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  org_id: string;
  roles: string[];
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface AuditTable {
  seq: number;
  at: Timestamp;
  user_id: string | null;
  username: string;
  org_id: string | null;
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  record_type: string | null;
  record_ids: string[];
  query: ColumnType<JsonValue, string | null, string | null> | null;
  purpose: string | null;
  result_count: number | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface EventTable {
  id: Generated<number>;
  at: Generated<Date>;
  type: string;
  record_type: string | null;
  record_id: string | null;
  recipient_orgs: string[] | null;
  recipient_users: string[] | null;
  excluded_orgs: ColumnType<string[], string[] | undefined, string[]>;
  payload: ColumnType<JsonValue, string, string>;
}

export interface EventReadTable {
  user_id: string;
  event_id: number;
  read_at: Generated<Date>;
}

/** Columns of the record envelope that every shared record table carries (see docs/DESIGN.md). */
export interface EnvelopeColumns {
  owner_org: string;
  audience: 'all' | 'listed' | 'owner';
  audience_orgs: string[];
  denied_orgs: string[];
  tlp: string;
  handling: string;
  subject: string;
  review_at: Timestamp;
  source: string | null;
  reliability: string;
  accuracy: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Timestamp | null;
  deleted_reason: string | null;
}

export interface PersonTable extends EnvelopeColumns {
  id: Generated<string>;
  version: Generated<number>;
  primary_name: string;
  search_text: string;
  data: ColumnType<JsonValue, string, string>;
}

export interface PersonVersionTable {
  person_id: string;
  version: number;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Generated<Date>;
  change: string;
  reason: string | null;
  snapshot: ColumnType<JsonValue, string, string>;
}

export interface PhotoTable {
  sha256: string;
  media_type: string;
  bytes: Buffer;
  created_at: Generated<Date>;
}

export interface PersonIdentifierTable {
  person_id: string;
  kind: string;
  country: string | null;
  normalised: string;
}

export interface NoticeTable extends EnvelopeColumns {
  id: Generated<string>;
  version: Generated<number>;
  kind: string;
  status: string;
  reference: string | null;
  content: ColumnType<JsonValue, string, string>;
  subject_name: string | null;
  search_text: string;
  birth_years: string[];
  public_extract_allowed: boolean;
  recipients: string[];
  review_checks: ColumnType<JsonValue, string | null, string | null> | null;
  review_justification: string | null;
  decision_reasons: string[];
  submitted_at: Timestamp | null;
  published_at: Timestamp | null;
  expires_at: Timestamp | null;
}

export interface NoticeHistoryTable {
  id: Generated<number>;
  notice_id: string;
  at: Generated<Date>;
  user_id: string | null;
  username: string;
  org_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  reasons: string[];
}

export interface NoticeCounterTable {
  prefix: string;
  last: number;
}

export interface DocumentTable extends EnvelopeColumns {
  id: Generated<string>;
  version: Generated<number>;
  number: string;
  number_norm: string;
  issuing_country: string;
  type: string;
  status: string;
  holder_person_id: string | null;
  holder_names: ColumnType<string[], string[] | undefined, string[]>;
  holder_birth_date: string | null;
  holder_sex: 'M' | 'F' | 'X' | null;
  holder_nationality: string | null;
  /** Calendar dates stay ISO strings (see db/index.ts). */
  issue_date: string | null;
  expiry_date: string | null;
  reported_on: string;
  reported_place: string | null;
  circumstances: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  sighting_count: Generated<number>;
}

export interface DocumentVersionTable {
  document_id: string;
  version: number;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Generated<Date>;
  change: string;
  reason: string | null;
  snapshot: ColumnType<JsonValue, string, string>;
}

export interface DocumentReportTable extends EnvelopeColumns {
  id: Generated<string>;
  document_id: string;
  kind: 'seen' | 'seized';
  reported_by_name: string;
  observed_on: string | null;
  place: string | null;
  country: string | null;
  circumstances: string | null;
}

export interface HitTable {
  id: Generated<string>;
  created_at: Generated<Date>;
  record_type: string;
  record_id: string;
  owner_org: string;
  querier_org: string;
  querier_user: string | null;
  querier_name: string;
  query_identity: string;
  query: ColumnType<JsonValue, string, string>;
  score: number;
  explanation: ColumnType<JsonValue, string, string>;
  disclosure: 'full' | 'existence';
  purpose: string | null;
  status: Generated<'pending' | 'confirmed' | 'false_positive'>;
  reply_due_at: Timestamp;
  first_reply_at: Timestamp | null;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface HitMessageTable {
  id: Generated<number>;
  hit_id: string;
  at: Generated<Date>;
  user_id: string | null;
  username: string;
  org_id: string;
  body: string;
}

export interface FingerprintTable extends EnvelopeColumns {
  id: Generated<string>;
  person_id: string | null;
  mark_kind: 'latent' | 'unidentified_body' | null;
  case_reference: string | null;
  finger_position: number;
  impression_type: number;
  template: Buffer;
  template_sha256: string;
  minutiae_count: number;
  quality: number;
}

export interface FaceImageTable extends EnvelopeColumns {
  id: Generated<string>;
  person_id: string;
  photo_sha256: string;
  box_x: number;
  box_y: number;
  box_width: number;
  box_height: number;
  detection_score: number;
}

export interface FaceEmbeddingTable {
  face_id: string;
  model: string;
  dims: number;
  embedding: number[];
  created_at: Generated<Date>;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
  events: EventTable;
  event_reads: EventReadTable;
  persons: PersonTable;
  person_versions: PersonVersionTable;
  photos: PhotoTable;
  person_identifiers: PersonIdentifierTable;
  hits: HitTable;
  hit_messages: HitMessageTable;
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_reports: DocumentReportTable;
  notices: NoticeTable;
  notice_history: NoticeHistoryTable;
  notice_counters: NoticeCounterTable;
  fingerprints: FingerprintTable;
  face_images: FaceImageTable;
  face_embeddings: FaceEmbeddingTable;
}
