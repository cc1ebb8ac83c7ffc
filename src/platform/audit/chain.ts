import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export interface ChainedEntry {
  seq: number;
  at: Date;
  user_id: string | null;
  username: string;
  org_id: string | null;
  action: string;
  outcome: string;
  record_type: string | null;
  record_ids: string[];
  query: unknown;
  purpose: string | null;
  result_count: number | null;
  request_id: string | null;
}

/** JSON with object keys sorted, so the hash does not depend on how jsonb reorders keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous entry's hash and this entry's canonical form. */
export function entryHash(prevHash: string, e: ChainedEntry): string {
  const body = canonicalJson([
    e.seq, e.at.toISOString(), e.user_id, e.username, e.org_id, e.action, e.outcome,
    e.record_type, e.record_ids, e.query ?? null, e.purpose, e.result_count, e.request_id,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);
