import type { Actor } from './actor.ts';
import { hasRole, isPolice } from './actor.ts';
import type { FieldProblem } from '../errors.ts';

export const AUDIENCES = ['all', 'listed', 'owner'] as const;
export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const SUBJECTS = ['suspect', 'convicted', 'victim', 'witness', 'missing', 'unidentified', 'other'] as const;
export const RELIABILITIES = ['A', 'B', 'C', 'X'] as const;
export const ACCURACIES = ['1', '2', '3', '4'] as const;

export type Audience = (typeof AUDIENCES)[number];
export type Tlp = (typeof TLPS)[number];
export type HandlingCode = (typeof HANDLING_CODES)[number];
export type SubjectCategory = (typeof SUBJECTS)[number];

/** The data every shared record carries: who owns it, who may see it, how it may be handled. */
export interface Envelope {
  owner: string;
  audience: Audience;
  audienceOrgs: string[];
  deniedOrgs: string[];
  tlp: Tlp;
  handling: HandlingCode;
  subject: SubjectCategory;
  reviewAt: Date;
  source: string | null;
  reliability: (typeof RELIABILITIES)[number];
  accuracy: (typeof ACCURACIES)[number];
  deletedAt?: Date | null;
}

/** What an actor gets of a record: all of it, only that it exists and whom to contact, or nothing. */
export type Visibility = 'full' | 'existence' | 'none';

export const RETENTION_YEARS = 5;

export function defaultReviewDate(from = new Date()): Date {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS);
  return d;
}

/**
 * The one decision of who sees what. The SQL filter in `sql.ts` encodes the same rule so lists,
 * counts and searches agree with this; `access.test.ts` checks the two against each other.
 */
export function visibilityOf(actor: Actor, env: Envelope, now = new Date()): Visibility {
  if (actor.system) return 'full';
  if (env.deletedAt) return 'none';
  if (!isPolice(actor)) return 'none';
  if (actor.orgId === env.owner) return 'full';
  if (env.deniedOrgs.includes(actor.orgId)) return 'none';
  // Past its review date a record is hidden from everyone but its owner until renewed.
  if (env.reviewAt.getTime() <= now.getTime()) return 'none';
  if (env.audience === 'all' || (env.audience === 'listed' && env.audienceOrgs.includes(actor.orgId))) return 'full';
  return 'existence';
}

/** Only the owner's officers and administrators change or delete a record. */
export function mayChange(actor: Actor, env: Envelope): boolean {
  if (actor.system) return true;
  return actor.orgId === env.owner && hasRole(actor, 'officer', 'admin') && !env.deletedAt;
}

export type EnvelopeInput = Partial<Omit<Envelope, 'owner' | 'reviewAt' | 'deletedAt'>> & { reviewAt?: Date | string };

/** Fills defaults and checks an envelope given by a client; returns field problems rather than throwing. */
export function buildEnvelope(owner: string, input: EnvelopeInput, knownOrgs: (id: string) => boolean, now = new Date()):
  { envelope: Envelope; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const audience = input.audience ?? 'all';
  const audienceOrgs = [...new Set(input.audienceOrgs ?? [])];
  const deniedOrgs = [...new Set(input.deniedOrgs ?? [])];
  const tlp = input.tlp ?? 'AMBER';
  for (const [field, list] of [['audienceOrgs', audienceOrgs], ['deniedOrgs', deniedOrgs]] as const) {
    for (const org of list) if (!knownOrgs(org)) problems.push({ field, message: `unknown organisation "${org}"` });
  }
  if (audience === 'listed' && audienceOrgs.length === 0) problems.push({ field: 'audienceOrgs', message: 'a listed audience needs at least one organisation' });
  if (audience !== 'listed' && audienceOrgs.length > 0) problems.push({ field: 'audienceOrgs', message: 'only a listed audience names organisations' });
  if (tlp === 'RED' && audience === 'all') problems.push({ field: 'tlp', message: 'TLP:RED is for named recipients: choose a listed or owner-only audience' });
  let reviewAt = defaultReviewDate(now);
  if (input.reviewAt !== undefined) {
    const d = new Date(input.reviewAt);
    if (Number.isNaN(d.getTime())) problems.push({ field: 'reviewAt', message: 'not a date' });
    else if (d.getTime() <= now.getTime()) problems.push({ field: 'reviewAt', message: 'the review date must be in the future' });
    else reviewAt = d;
  }
  return {
    problems,
    envelope: {
      owner, audience, audienceOrgs, deniedOrgs, tlp,
      handling: input.handling ?? 'H0',
      subject: input.subject ?? 'other',
      reviewAt,
      source: input.source ?? null,
      reliability: input.reliability ?? 'B',
      accuracy: input.accuracy ?? '2',
    },
  };
}

/** Who an alert about a record goes to: its audience, less denied organisations (null: every member). */
export function audienceRecipients(env: Envelope): { recipientOrgs: string[] | null; excludedOrgs: string[] } {
  if (env.audience === 'all') return { recipientOrgs: null, excludedOrgs: env.deniedOrgs };
  if (env.audience === 'listed') return { recipientOrgs: [env.owner, ...env.audienceOrgs], excludedOrgs: env.deniedOrgs };
  return { recipientOrgs: [env.owner], excludedOrgs: [] };
}

/** The envelope as shown through the API. */
export function envelopeView(env: Envelope) {
  return {
    owner: env.owner, audience: env.audience, audienceOrgs: env.audienceOrgs, deniedOrgs: env.deniedOrgs, tlp: env.tlp,
    handling: env.handling, subject: env.subject, reviewAt: env.reviewAt, source: env.source, reliability: env.reliability, accuracy: env.accuracy,
  };
}
