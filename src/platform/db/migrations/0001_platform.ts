import { sql, type Kysely } from 'kysely';

// Frozen: a migration never changes once released, and never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists fuzzystrmatch`.execute(db);

  await sql`
    create table organisations (
      id text primary key,
      kind text not null check (kind in ('ncb', 'secretariat', 'agency', 'ngo')),
      name text not null,
      country char(3),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      org_id text not null references organisations(id),
      roles text[] not null,
      password_hash text not null,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      password_changed_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`.execute(db);

  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      user_id uuid,
      username text not null,
      org_id text,
      action text not null,
      outcome text not null check (outcome in ('ok', 'refused', 'failed')),
      record_type text,
      record_ids text[] not null default '{}',
      query jsonb,
      purpose text,
      result_count integer,
      request_id text,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  // The head row is locked by every append (serialising the chain across API processes) and
  // records the last entry, so deleting the newest entries is detected too.
  await sql`create table audit_head (id integer primary key check (id = 1), seq bigint not null, hash text not null)`.execute(db);
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  await sql`create index audit_log_org_at on audit_log (org_id, at)`.execute(db);
  await sql`create index audit_log_user_at on audit_log (user_id, at)`.execute(db);
  await sql`create index audit_log_records on audit_log using gin (record_ids)`.execute(db);

  // Events are stored so an inbox survives restarts and SSE clients can resume after a drop.
  await sql`
    create table events (
      id bigserial primary key,
      at timestamptz not null default now(),
      type text not null,
      record_type text,
      record_id text,
      recipient_orgs text[],
      recipient_users uuid[],
      excluded_orgs text[] not null default '{}',
      payload jsonb not null
    )`.execute(db);
  await sql`create index events_recipient_orgs on events using gin (recipient_orgs)`.execute(db);

  await sql`
    create table event_reads (
      user_id uuid not null references users(id),
      event_id bigint not null references events(id),
      read_at timestamptz not null default now(),
      primary key (user_id, event_id)
    )`.execute(db);
}
