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
    create table notices (
      id uuid primary key default gen_random_uuid(),
      ${envelope()},
      version integer not null default 1,
      kind text not null check (kind in ('red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un_special', 'diffusion')),
      status text not null check (status in ('draft', 'submitted', 'under_review', 'published', 'refused', 'sent', 'reviewed_ok', 'cancelled', 'withdrawn', 'expired')),
      reference text unique,
      content jsonb not null,
      -- The subject's primary name for display, and every name normalised for search and duplicates.
      subject_name text,
      search_text text not null default '',
      -- Years of the subject's dates of birth: the cheap first filter of the duplicate search.
      birth_years text[] not null default '{}',
      public_extract_allowed boolean not null default false,
      -- A diffusion's chosen members.
      recipients text[] not null default '{}',
      review_checks jsonb,
      review_justification text,
      decision_reasons text[] not null default '{}',
      submitted_at timestamptz,
      -- When members first received it (publication, or a diffusion being sent); null until then.
      published_at timestamptz,
      -- An orange notice's own end, besides the review date every record has.
      expires_at timestamptz
    )`.execute(db);
  await sql`create index notices_owner on notices (owner_org, created_at)`.execute(db);
  await sql`create index notices_status on notices (status, kind)`.execute(db);
  await sql`create index notices_search on notices using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index notices_birth_years on notices using gin (birth_years)`.execute(db);
  await sql`create index notices_public on notices (published_at) where public_extract_allowed`.execute(db);

  await sql`
    create table notice_history (
      id bigserial primary key,
      notice_id uuid not null references notices(id),
      at timestamptz not null default now(),
      user_id uuid,
      username text not null,
      org_id text not null,
      action text not null,
      from_status text,
      to_status text not null,
      reasons text[] not null default '{}'
    )`.execute(db);
  await sql`create index notice_history_notice on notice_history (notice_id, id)`.execute(db);

  // Control numbers given at publication count per kind letter and year ("A-12/2025"). A table,
  // not a sequence, so a backup restores it with the notices that carry its numbers.
  await sql`create table notice_counters (prefix text primary key, last integer not null)`.execute(db);
}
