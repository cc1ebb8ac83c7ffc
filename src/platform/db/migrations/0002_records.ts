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
  await sql`
    create table persons (
      id uuid primary key default gen_random_uuid(),
      ${envelope()},
      version integer not null default 1,
      primary_name text not null,
      search_text text not null,
      data jsonb not null
    )`.execute(db);
  await sql`create index persons_owner on persons (owner_org, created_at)`.execute(db);
  await sql`create index persons_search on persons using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index persons_review on persons (owner_org, review_at) where deleted_at is null`.execute(db);

  await sql`
    create table person_versions (
      person_id uuid not null references persons(id),
      version integer not null,
      changed_by uuid,
      changed_by_name text not null,
      changed_at timestamptz not null default now(),
      change text not null,
      reason text,
      snapshot jsonb not null,
      primary key (person_id, version)
    )`.execute(db);

  // Photos are stored once by content hash, however many records show them.
  await sql`
    create table photos (
      sha256 text primary key,
      media_type text not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // Identifiers (national ids, document numbers) are looked up exactly, in normalised form.
  await sql`
    create table person_identifiers (
      person_id uuid not null references persons(id),
      kind text not null,
      country char(3),
      normalised text not null,
      primary key (person_id, kind, normalised)
    )`.execute(db);
  await sql`create index person_identifiers_value on person_identifiers (normalised)`.execute(db);
}
