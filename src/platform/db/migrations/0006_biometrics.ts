import { sql, type Kysely, type RawBuilder } from 'kysely';

// Frozen: a migration never changes once released, and never imports application code.

/** The record envelope of docs/DESIGN.md (as in 0002_records), repeated on every shared record table. */
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
  // One finger view of an ISO/IEC 19794-2:2005 record. A print belongs to a person, or is an
  // unidentified mark (a latent lifted at a crime scene, the prints of an unidentified body).
  await sql`
    create table fingerprints (
      id uuid primary key default gen_random_uuid(),
      ${envelope()},
      person_id uuid references persons(id),
      mark_kind text check (mark_kind in ('latent', 'unidentified_body')),
      case_reference text,
      finger_position smallint not null check (finger_position between 0 and 10),
      impression_type smallint not null check (impression_type between 0 and 15),
      template bytea not null,
      template_sha256 text not null,
      minutiae_count smallint not null,
      quality smallint not null check (quality between 0 and 100),
      check ((person_id is null) = (mark_kind is not null))
    )`.execute(db);
  await sql`create index fingerprints_person on fingerprints (person_id) where person_id is not null`.execute(db);
  await sql`create index fingerprints_owner on fingerprints (owner_org, created_at)`.execute(db);

  // A face found in a stored photo (photos.sha256), attached to a person.
  await sql`
    create table face_images (
      id uuid primary key default gen_random_uuid(),
      ${envelope()},
      person_id uuid not null references persons(id),
      photo_sha256 text not null references photos(sha256),
      box_x integer not null,
      box_y integer not null,
      box_width integer not null,
      box_height integer not null,
      detection_score real not null
    )`.execute(db);
  await sql`create unique index face_images_photo on face_images (person_id, photo_sha256) where deleted_at is null`.execute(db);

  // Embeddings are kept per model, so a better model can be added beside the current one.
  await sql`
    create table face_embeddings (
      face_id uuid not null references face_images(id),
      model text not null,
      dims integer not null,
      embedding real[] not null,
      created_at timestamptz not null default now(),
      primary key (face_id, model)
    )`.execute(db);

  // pgvector is optional (PGlite ships it, Debian's PostgreSQL does not): where it is available the
  // embedding is also kept as a vector; the search itself runs in memory on every engine.
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'vector'`.execute(db);
  if ((available.rows[0]?.n ?? 0) > 0) {
    await sql`create extension if not exists vector`.execute(db);
    await sql`alter table face_embeddings add column embedding_vector vector`.execute(db);
  }
}
