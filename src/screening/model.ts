import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';
import type { FieldProblem } from '../platform/errors.ts';
import type { PersonFacts, ScreeningUse } from './score.ts';

/** What an officer screens: names, date of birth, nationality, sex, a document number or a raw MRZ. */
export interface ScreeningQuery {
  names?: string[];
  birthDates?: string[];
  nationalities?: string[];
  sex?: 'M' | 'F' | 'X' | 'U';
  documentNumber?: string;
  mrz?: string;
}

export const MAX_MANIFEST_ROWS = 10_000;

/** Checks a query before it is screened; every problem names its field. */
export function checkQuery(q: ScreeningQuery): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const names = (q.names ?? []).map((n) => n.trim()).filter(Boolean);
  if (!names.length && !q.documentNumber?.trim() && !q.mrz?.trim()) problems.push({ field: 'names', message: 'give at least a name, a document number or a machine-readable zone' });
  (q.names ?? []).forEach((n, i) => {
    if (n.trim() && !/\p{L}/u.test(n)) problems.push({ field: `names.${i}`, message: 'a name needs at least one letter' });
    if (n.length > 200) problems.push({ field: `names.${i}`, message: 'at most 200 characters' });
  });
  (q.birthDates ?? []).forEach((d, i) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
    const year = m ? Number(m[1]) : NaN;
    if (!m || year < 1900 || year > new Date().getUTCFullYear() || (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) || (m[3] && (Number(m[3]) < 1 || Number(m[3]) > 31))) {
      problems.push({ field: `birthDates.${i}`, message: 'use a plausible YYYY, YYYY-MM or YYYY-MM-DD' });
    }
  });
  (q.nationalities ?? []).forEach((c, i) => { if (!/^[A-Za-z]{2,3}$/.test(c)) problems.push({ field: `nationalities.${i}`, message: 'an ISO 3166 country code' }); });
  return problems;
}

/** The facts the index compares. */
export function factsOf(q: ScreeningQuery): PersonFacts {
  return {
    names: (q.names ?? []).map((n) => n.trim()).filter(Boolean),
    dob: q.birthDates ?? [],
    nationality: q.nationalities ?? [],
    ...(q.sex && q.sex !== 'U' ? { sex: q.sex } : {}),
    identifiers: q.documentNumber ? [{ value: q.documentNumber }] : [],
  };
}

/**
 * The same person screened again gets the same identity, so a pair marked false positive is
 * not raised again: names reduced to sorted ASCII tokens, dates and nationalities sorted.
 */
export function queryIdentity(f: PersonFacts): string {
  const tokens = f.names.flatMap((n) => anyAscii(n).toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean).sort();
  const key = JSON.stringify([[...new Set(tokens)], [...(f.dob ?? [])].sort(), [...(f.nationality ?? [])].map((c) => c.toUpperCase()).sort()]);
  return createHash('sha256').update(key).digest('hex');
}

/** What the officer should do next, in words. */
export function actionFor(hits: { subject: string; ownerName: string; disclosure: 'full' | 'existence' }[], use: ScreeningUse): string {
  if (!hits.length) return 'No hit: nothing Vigil holds matches. Proceed under your normal procedures.';
  const top = hits[0];
  const contact = `Contact ${top.ownerName} through Vigil (the hit has been sent to them) and wait for their answer before acting on it.`;
  if (top.subject === 'victim' || top.subject === 'missing') {
    return `Possible ${top.subject === 'victim' ? 'victim of trafficking' : 'missing person'}: keep the person safe, do not return them to who accompanies them, and call victim support. ${contact}`;
  }
  if (top.disclosure === 'existence') return `Hit: ${top.ownerName} holds a record on this person and has withheld its details. Do not tell the person. ${contact}`;
  return use === 'frontline'
    ? `Hit: possible match with a ${top.subject} record. Do not tell the person; check identity documents carefully. ${contact}`
    : `Ranked candidates: check each explanation before using it. ${contact}`;
}
