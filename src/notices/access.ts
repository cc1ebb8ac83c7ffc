import type { Actor } from '../platform/access/actor.ts';
import { isPolice } from '../platform/access/actor.ts';
import { visibilityOf, type Envelope } from '../platform/access/envelope.ts';
import type { NoticeActor, NoticeStatus } from './model.ts';

// Who sees a notice: the record envelope, narrowed and widened by the lifecycle. The SQL twin is
// `noticeVisible` in store.ts; notices.test.ts holds both to the same cases.

/** Statuses in which a notice waits for the secretariat: a request, or a diffusion already sent. */
export const REVIEW_STAGE: readonly NoticeStatus[] = ['submitted', 'under_review', 'sent'];

export const inReviewStage = (status: NoticeStatus) => REVIEW_STAGE.includes(status);

/** A reviewer of the secretariat: the only people who take notices under review, publish or refuse them. */
export const isSecretariatReviewer = (actor: Actor) => actor.system !== true && actor.orgKind === 'secretariat' && actor.roles.includes('reviewer');

/** Officers of a police organisation request notices and send diffusions. */
export const mayRequestNotices = (actor: Actor) => actor.system !== true && isPolice(actor) && actor.roles.includes('officer');

/** What the visibility decision needs to know of a notice. */
export interface NoticeAccessFacts { envelope: Envelope; status: NoticeStatus; publishedAt: Date | null }

/**
 * Whether the actor may see the notice in full.
 * - The owner sees it at every stage, drafts included.
 * - Other members see it once it has reached members (published, or a diffusion sent), and only
 *   as its envelope allows: a draft or a refused request is never theirs to see.
 * - The secretariat's reviewers see every notice waiting for review, whatever its audience or
 *   deny list: the review cannot happen otherwise. After their decision the envelope rules again.
 */
export function mayViewNotice(actor: Actor, n: NoticeAccessFacts, now = new Date()): boolean {
  if (actor.system) return true;
  if (!isPolice(actor) || n.envelope.deletedAt) return false;
  if (isSecretariatReviewer(actor) && inReviewStage(n.status)) return true;
  if (actor.orgId === n.envelope.owner) return true;
  return n.publishedAt !== null && visibilityOf(actor, n.envelope, now) === 'full';
}

/** The actor as the lifecycle sees it; only the secretariat's reviewers act as reviewers. */
export function noticeActorOf(actor: Actor, owner: string): NoticeActor {
  return {
    roles: isSecretariatReviewer(actor) ? actor.roles : actor.roles.filter((r) => r !== 'reviewer'),
    isOwner: actor.orgId === owner,
    system: actor.system === true,
  };
}
