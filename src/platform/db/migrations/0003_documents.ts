import { sql, type Kysely, type RawBuilder } from 'kysely';

// Frozen: a migration never changes once released, and never imports application code.

/** The record envelope of docs/DESIGN.md, repeated on every shared record table. */
const envelope = (): RawBuilder<unknown> => sql`
  owner_org text not null references organisations(id),
  audience text not null check (audience in ('all', 'listed', 'owner')),
  audience_orgs text[] not null default '{}',
  denied_orgs text[] not null default '{}',
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  handling text not null check (handling in ('H0', 'H1', 'H2', 'H3')),
  subject text not null check (subject in ('suspect', 'convicted', 'victim', 'witness', 'missing', 'unidentified', 'other')),
  review_at timestamptz not null,
  source text,
  reliability text not null check (reliability in ('A', 'B', 'C', 'X')),
  accuracy text not null check (accuracy in ('1', '2', '3', '4')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_reason text`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A stolen, lost, revoked, invalidated, counterfeit or forged document, or a stolen blank.
  // Only the issuing country (or the secretariat for it) declares its status.
  await sql`
    create table documents (
      id uuid primary key default gen_random_uuid(),
      ${envelope()},
      version integer not null default 1,
      number text not null,
      number_norm text not null check (number_norm ~ '^[A-Z0-9]+$'),
      issuing_country text not null check (issuing_country ~ '^[A-Z]{3}$'),
      type text not null check (type in ('passport', 'identity_card', 'visa', 'residence_permit', 'travel_document', 'stolen_blank')),
      status text not null check (status in ('stolen', 'lost', 'revoked', 'invalidated', 'counterfeit', 'forged', 'stolen_blank')),
      holder_person_id uuid references persons(id),
      holder_names text[] not null default '{}',
      holder_birth_date text,
      holder_sex text check (holder_sex in ('M', 'F', 'X')),
      holder_nationality text,
      issue_date date,
      expiry_date date,
      reported_on date not null,
      reported_place text,
      circumstances text,
      cancelled_at timestamptz,
      cancel_reason text,
      -- Seen / seized reports of this document, so a check looks them up only when there are some.
      sighting_count integer not null default 0
    )`.execute(db);
  // One live record per document. Its leading column is the normalised number, so the same index
  // answers a document check (by number, or number and country) with a single probe.
  await sql`create unique index documents_number on documents (number_norm, issuing_country, type) where deleted_at is null`.execute(db);
  await sql`create index documents_created on documents (created_at, id)`.execute(db);
  await sql`create index documents_owner on documents (owner_org, created_at)`.execute(db);
  await sql`create index documents_review on documents (owner_org, review_at) where deleted_at is null`.execute(db);
  await sql`create index documents_holder on documents (holder_person_id) where holder_person_id is not null`.execute(db);

  // Who changed what, when: every status change, cancellation and deletion keeps a snapshot.
  await sql`
    create table document_versions (
      document_id uuid not null references documents(id),
      version integer not null,
      changed_by uuid,
      changed_by_name text not null,
      changed_at timestamptz not null default now(),
      change text not null,
      reason text,
      snapshot jsonb not null,
      primary key (document_id, version)
    )`.execute(db);

  // "Seen" and "seized" reports by any member, linked to the document; each is the reporter's record.
  await sql`
    create table document_reports (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references documents(id),
      ${envelope()},
      kind text not null check (kind in ('seen', 'seized')),
      reported_by_name text not null,
      observed_on date,
      place text,
      country text check (country ~ '^[A-Z]{3}$'),
      circumstances text
    )`.execute(db);
  await sql`create index document_reports_document on document_reports (document_id, created_at)`.execute(db);
}
