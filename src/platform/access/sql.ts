import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor.ts';
import { isPolice } from './actor.ts';
import type { Envelope } from './envelope.ts';
import type { EnvelopeColumns } from '../db/schema.ts';

/**
 * SQL twin of `visibilityOf`: true for rows the actor may see in full. Every list, search and
 * count of a record table goes through this, so none can carry a row that a get would refuse.
 */
export function fullyVisible(actor: Actor, alias: string): RawBuilder<boolean> {
  const c = (col: keyof EnvelopeColumns) => sql.ref(`${alias}.${col}`);
  if (actor.system) return sql<boolean>`true`;
  if (!isPolice(actor)) return sql<boolean>`false`;
  return sql<boolean>`(${c('deleted_at')} is null and (${c('owner_org')} = ${actor.orgId} or (
    not (${actor.orgId} = any(${c('denied_orgs')}))
    and ${c('review_at')} > now()
    and (${c('audience')} = 'all' or (${c('audience')} = 'listed' and ${actor.orgId} = any(${c('audience_orgs')})))
  )))`;
}

/** True for rows whose existence the actor may learn (hit / no-hit), details or not. */
export function existenceVisible(actor: Actor, alias: string): RawBuilder<boolean> {
  const c = (col: keyof EnvelopeColumns) => sql.ref(`${alias}.${col}`);
  if (actor.system) return sql<boolean>`true`;
  if (!isPolice(actor)) return sql<boolean>`false`;
  return sql<boolean>`(${c('deleted_at')} is null and (${c('owner_org')} = ${actor.orgId} or (
    not (${actor.orgId} = any(${c('denied_orgs')})) and ${c('review_at')} > now())))`;
}

/** The envelope columns of a selected row. */
export interface EnvelopeRow {
  owner_org: string; audience: Envelope['audience']; audience_orgs: string[]; denied_orgs: string[];
  tlp: string; handling: string; subject: string; review_at: Date | string; source: string | null;
  reliability: string; accuracy: string; deleted_at: Date | string | null;
}

/** Envelope columns as stored, from an envelope. */
export function envelopeColumns(env: Envelope) {
  return {
    owner_org: env.owner, audience: env.audience, audience_orgs: env.audienceOrgs, denied_orgs: env.deniedOrgs,
    tlp: env.tlp, handling: env.handling, subject: env.subject, review_at: env.reviewAt,
    source: env.source, reliability: env.reliability, accuracy: env.accuracy,
  };
}

/** An envelope read back from a row's columns. */
export function envelopeFromRow(row: EnvelopeRow): Envelope {
  return {
    owner: row.owner_org, audience: row.audience, audienceOrgs: row.audience_orgs, deniedOrgs: row.denied_orgs,
    tlp: row.tlp as Envelope['tlp'], handling: row.handling as Envelope['handling'], subject: row.subject as Envelope['subject'],
    reviewAt: new Date(row.review_at), source: row.source,
    reliability: row.reliability as Envelope['reliability'], accuracy: row.accuracy as Envelope['accuracy'],
    deletedAt: row.deleted_at ? new Date(row.deleted_at) : null,
  };
}
