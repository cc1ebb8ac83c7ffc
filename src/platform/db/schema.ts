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
}
