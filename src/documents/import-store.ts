import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import type { Envelope } from '../platform/access/envelope.ts';
import { fullyVisible } from '../platform/access/sql.ts';
import type { Database } from '../platform/db/schema.ts';
import type { DocumentData } from './record.ts';
import type { DocumentRow } from './store.ts';
import { insertDocumentRecords } from './bulk.ts';

const UNIQUE_VIOLATION = '23505';

// The SQL of bulk import and export of documents; the single-record SQL is in store.ts.

type Db = Kysely<Database> | Transaction<Database>;

/** What an export may be narrowed to; cancelled records are never exported (see import.ts). */
export interface DocumentExportFilter { issuingCountry?: string; type?: string; status?: string; owner?: string }

/** The key a document is unique by among live records (the `documents_number` index). */
export const documentKey = (d: Pick<DocumentData, 'numberNormalised' | 'issuingCountry' | 'type'>) => `${d.numberNormalised}|${d.issuingCountry}|${d.type}`;

/** Live records of any of these documents, whoever owns them, by key: the duplicate check of an import. */
export async function findLiveByKeys(db: Db, docs: Pick<DocumentData, 'numberNormalised' | 'issuingCountry' | 'type'>[]): Promise<Map<string, DocumentRow>> {
  const found = new Map<string, DocumentRow>();
  const numbers = [...new Set(docs.map((d) => d.numberNormalised))];
  const wanted = new Set(docs.map(documentKey));
  for (let i = 0; i < numbers.length; i += 5000) {
    // The number leads the unique index, so this is one index probe per number; the rest is filtered here.
    const { rows } = await sql<DocumentRow>`select * from documents where number_norm = any(${numbers.slice(i, i + 5000)}::text[]) and deleted_at is null`.execute(db);
    for (const r of rows) {
      const key = documentKey({ numberNormalised: r.number_norm, issuingCountry: r.issuing_country, type: r.type as DocumentData['type'] });
      if (wanted.has(key)) found.set(key, r);
    }
  }
  return found;
}

/**
 * Stores a validated batch with a first version each; returns the ids in the order given. The
 * duplicate check ran before; a document recorded meanwhile fails the whole batch as the unique
 * index would, so the caller can name it.
 */
export async function insertDocumentsBatch(db: Db, items: { data: DocumentData; env: Envelope }[], createdBy: string | null, createdByName: string): Promise<string[]> {
  const withIds = items.map((it) => ({ ...it, id: randomUUID() }));
  const stored = await insertDocumentRecords(db, withIds, createdBy, createdByName);
  if (stored.size !== withIds.length) throw Object.assign(new Error('a document of the batch was recorded meanwhile'), { code: UNIQUE_VIOLATION });
  return withIds.map((it) => it.id);
}

/**
 * Live (not cancelled) records the actor may see in full, in id order after `afterId`: keyset
 * paging for exports. The same `fullyVisible` filter as every list, so an export never carries a
 * record the actor could only learn exists.
 */
export function pageVisible(db: Db, actor: Actor, f: DocumentExportFilter, afterId: string | null, limit: number) {
  let q = db.selectFrom('documents as d').selectAll('d').where(fullyVisible(actor, 'd')).where('d.cancelled_at', 'is', null);
  if (f.issuingCountry) q = q.where('d.issuing_country', '=', f.issuingCountry);
  if (f.type) q = q.where('d.type', '=', f.type);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.owner) q = q.where('d.owner_org', '=', f.owner);
  if (afterId) q = q.where('d.id', '>', afterId);
  return q.orderBy('d.id').limit(limit).execute();
}
