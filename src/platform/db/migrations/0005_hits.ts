import { sql, type Kysely } from 'kysely';

// Frozen: a migration never changes once released, and never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A hit: someone's screening matched a record another organisation owns.
  await sql`
    create table hits (
      id uuid primary key default gen_random_uuid(),
      created_at timestamptz not null default now(),
      record_type text not null,
      record_id text not null,
      owner_org text not null references organisations(id),
      querier_org text not null references organisations(id),
      querier_user uuid references users(id),
      querier_name text not null,
      query_identity text not null,
      query jsonb not null,
      score double precision not null,
      explanation jsonb not null,
      -- What the querier could see of the record when the hit was raised: the details, or only that it exists.
      disclosure text not null check (disclosure in ('full', 'existence')),
      purpose text,
      status text not null default 'pending' check (status in ('pending', 'confirmed', 'false_positive')),
      reply_due_at timestamptz not null,
      first_reply_at timestamptz,
      resolved_at timestamptz,
      resolved_by text
    )`.execute(db);
  await sql`create index hits_owner on hits (owner_org, status, created_at desc)`.execute(db);
  await sql`create index hits_querier on hits (querier_org, created_at desc)`.execute(db);
  await sql`create index hits_pair on hits (query_identity, record_id)`.execute(db);

  await sql`
    create table hit_messages (
      id bigserial primary key,
      hit_id uuid not null references hits(id),
      at timestamptz not null default now(),
      user_id uuid,
      username text not null,
      org_id text not null,
      body text not null
    )`.execute(db);
  await sql`create index hit_messages_hit on hit_messages (hit_id, id)`.execute(db);
}
