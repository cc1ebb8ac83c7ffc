import type { SubjectCategory } from '../platform/access/envelope.ts';
import type { NoticeContent } from './content-schema.ts';
import type { NoticeKind } from './model.ts';
import { normaliseName } from './review.ts';

// What lists, alerts and searches show of a notice, derived from its content. Pure.

type Content = NoticeContent;

const subjectOf = (c: Content) => ('subject' in c ? c.subject : undefined);

/** The subject's name in use: the primary name in Latin script if there is one. */
export function subjectNameOf(c: Content): string | null {
  const names = subjectOf(c)?.names ?? [];
  const named = names.filter((n) => n.value.trim() !== '');
  const best = named.find((n) => n.kind === 'primary' && n.script === 'Latn') ?? named.find((n) => n.kind === 'primary') ?? named[0];
  if (best) return best.value.trim();
  if (c.kind === 'un_special' && c.entity?.name.trim()) return c.entity.name.trim();
  return null;
}

const KIND_LABELS: Record<NoticeKind, string> = {
  red: 'Red notice', yellow: 'Yellow notice', blue: 'Blue notice', black: 'Black notice', green: 'Green notice',
  orange: 'Orange notice', purple: 'Purple notice', silver: 'Silver notice', un_special: 'UN Security Council Special Notice', diffusion: 'Diffusion',
};

const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A one-line title for lists and alerts: the kind and whom or what it is about. */
export function titleOf(c: Content): string {
  const label = KIND_LABELS[c.kind];
  const name = subjectNameOf(c);
  if (name) return `${label}: ${name}`;
  switch (c.kind) {
    case 'black': return `${label}: unidentified body found ${[c.body.place.locality, c.body.place.country].filter(Boolean).join(', ')} ${c.body.foundOn}`.trim();
    case 'purple': return `${label}: ${clip(c.modusOperandi.crimeType || c.modusOperandi.method)}`;
    case 'orange': return `${label}: ${clip(c.threat.description)}`;
    case 'diffusion': return `${label} (${c.purpose}): ${clip(c.message)}`;
    default: return label;
  }
}

/** Every name of the subject (or listed entity), normalised, for search. */
export function searchTextOf(c: Content): string {
  const names = [...(subjectOf(c)?.names.map((n) => n.value) ?? [])];
  if (c.kind === 'un_special' && c.entity) names.push(c.entity.name, ...c.entity.aliases);
  return names.map(normaliseName).filter(Boolean).join(' | ');
}

/** Years of the subject's dates of birth: two records of one person share at least one. */
export function birthYearsOf(c: Content): string[] {
  return [...new Set((subjectOf(c)?.datesOfBirth ?? []).map((d) => d.trim().slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))];
}

/** The envelope's subject category a kind implies unless the owner says otherwise. */
export function defaultSubjectCategory(c: Content): SubjectCategory {
  switch (c.kind) {
    case 'yellow': return 'missing';
    case 'black': return 'unidentified';
    case 'blue': case 'purple': return 'other';
    case 'diffusion': return c.purpose === 'arrest' ? 'suspect' : c.purpose === 'missing' ? 'missing' : 'other';
    default: return 'suspect';
  }
}

// The letters of the control numbers the global organisation uses, per kind.
const REFERENCE_LETTERS: Record<NoticeKind, string> = {
  red: 'A', blue: 'B', green: 'C', yellow: 'D', black: 'E', orange: 'F', purple: 'G', silver: 'S', un_special: 'U', diffusion: 'DIF',
};

/** The counter a control number is drawn from: one per kind letter and year. */
export const referencePrefix = (kind: NoticeKind, at: Date) => `${REFERENCE_LETTERS[kind]}/${at.getUTCFullYear()}`;

/** A control number as printed: "A-12/2025". */
export function formatReference(prefix: string, n: number): string {
  const [letter, year] = prefix.split('/');
  return `${letter}-${n}/${year}`;
}
