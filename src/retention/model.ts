import { defaultReviewDate, RETENTION_YEARS } from '../platform/access/envelope.ts';
import type { FieldProblem } from '../platform/errors.ts';

// Retention rules shared by every record that can be renewed (documents, notices). Pure.

/** How far ahead owners see what falls due: six months, so a review can be prepared. */
export const QUEUE_MONTHS = 6;

/** One record in an owner's review queue. */
export interface ReviewItem {
  recordType: string;
  id: string;
  title: string;
  subject: string;
  reviewAt: Date;
  overdue: boolean;
  /** The record's own state where it has one (a document's status, a notice's lifecycle status). */
  status?: string;
}

/** What an owner sends to keep a record past its review date. */
export interface RenewalInput { justification: string; reviewAt?: Date | string }

/** The date before which a record is due: `monthsAhead` from now. */
export function queueHorizon(monthsAhead = QUEUE_MONTHS, now = new Date()): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + monthsAhead);
  return d;
}

/**
 * A renewal: a written justification, and a new review date five years from now unless the owner
 * gives an earlier one (in the future, never more than five years ahead). Returns the field
 * problems rather than throwing, so the service can name them all.
 */
export function renewal(input: RenewalInput, now = new Date()): { justification: string; reviewAt: Date; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const justification = (input.justification ?? '').trim();
  if (!justification) problems.push({ field: 'justification', message: 'say why the record must be kept' });
  const latest = defaultReviewDate(now);
  let reviewAt = latest;
  if (input.reviewAt !== undefined && input.reviewAt !== null && input.reviewAt !== '') {
    const d = new Date(input.reviewAt);
    if (Number.isNaN(d.getTime())) problems.push({ field: 'reviewAt', message: 'not a date' });
    else if (d.getTime() <= now.getTime()) problems.push({ field: 'reviewAt', message: 'the new review date must be in the future' });
    else if (d.getTime() > latest.getTime()) problems.push({ field: 'reviewAt', message: `a record is kept at most ${RETENTION_YEARS} years before its next review (${latest.toISOString().slice(0, 10)} at the latest)` });
    else reviewAt = d;
  }
  return { justification, reviewAt, problems };
}

/** Queue items in the order an owner works through them: the most overdue first. */
export function byReviewDate(a: ReviewItem, b: ReviewItem): number {
  return a.reviewAt.getTime() - b.reviewAt.getTime() || a.recordType.localeCompare(b.recordType) || a.id.localeCompare(b.id);
}
