/** What became of a hit: the owner checks it and confirms it, or marks it a false positive. */
export const HIT_STATUSES = ['pending', 'confirmed', 'false_positive'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

/** The owner has this long to answer a hit, by default (as in the EU's hit/no-hit exchanges, hours not days). */
export const DEFAULT_REPLY_HOURS = 12;

export interface HitView {
  id: string;
  createdAt: Date;
  recordType: string;
  recordId: string;
  /** What the record is (a document's number and status, a notice's kind and subject): for the owner, and for a querier shown the record. */
  title: string | null;
  /** One sentence on the record, under the same rule. */
  summary: string | null;
  ownerOrg: string;
  querierOrg: string;
  querierName: string;
  /** What was screened: names, date of birth, nationality — the owner needs it to check the hit. */
  query: unknown;
  score: number;
  /** Which features matched; withheld from a querier who may only learn that the record exists. */
  explanation: unknown;
  purpose: string | null;
  status: HitStatus;
  replyDueAt: Date;
  firstReplyAt: Date | null;
  overdue: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  /** Whose side the viewer is on. */
  side: 'owner' | 'querier';
}

export interface HitMessageView { id: number; at: Date; username: string; orgId: string; body: string }

/** A hit is overdue when the owner has neither answered nor resolved it by the deadline. */
export function isOverdue(h: { first_reply_at: Date | string | null; resolved_at: Date | string | null; reply_due_at: Date | string }, now = new Date()): boolean {
  return !h.first_reply_at && !h.resolved_at && new Date(h.reply_due_at).getTime() < now.getTime();
}

/** Only pending hits are resolved; a resolved hit keeps its answer. */
export function mayResolve(status: HitStatus, to: HitStatus): boolean {
  return status === 'pending' && to !== 'pending';
}
