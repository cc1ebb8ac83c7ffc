import { describe, expect, it } from 'vitest';
import type { Actor, OrganisationKind, Role } from '../platform/access/actor.ts';
import { systemActor } from '../platform/access/actor.ts';
import { buildEnvelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import type { NoticeStatus } from './model.ts';
import { mayViewNotice, noticeActorOf } from './access.ts';

const actor = (orgId: string, roles: Role[], orgKind: OrganisationKind = 'ncb'): Actor => ({ userId: 'u', username: 'u', orgId, orgKind, country: null, roles });
const notice = (status: NoticeStatus, input: EnvelopeInput = {}, published = status === 'published') => ({
  envelope: buildEnvelope('NCB-FRA', input, () => true).envelope, status, publishedAt: published ? new Date() : null,
});

const owner = actor('NCB-FRA', ['frontline']);
const italy = actor('NCB-ITA', ['officer']);
const reviewer = actor('SECRETARIAT', ['reviewer'], 'secretariat');
const sgAdmin = actor('SECRETARIAT', ['admin'], 'secretariat');
const nationalReviewer = actor('NCB-ITA', ['reviewer']);
const partner = actor('NGO-SHELTER', ['partner'], 'ngo');

describe('mayViewNotice', () => {
  it('shows a draft or a refused request to its owner only', () => {
    for (const status of ['draft', 'refused', 'withdrawn'] as const) {
      expect(mayViewNotice(owner, notice(status))).toBe(true);
      for (const other of [italy, reviewer, nationalReviewer, partner]) expect(mayViewNotice(other, notice(status)), `${other.orgId} ${status}`).toBe(false);
    }
  });

  it('shows a request waiting for review to the secretariat\'s reviewers whatever its audience or deny list', () => {
    const restricted: EnvelopeInput = { audience: 'listed', audienceOrgs: ['NCB-ITA'], deniedOrgs: ['SECRETARIAT'] };
    for (const status of ['submitted', 'under_review'] as const) {
      expect(mayViewNotice(reviewer, notice(status, restricted))).toBe(true);
      expect(mayViewNotice(sgAdmin, notice(status, restricted))).toBe(false);
      expect(mayViewNotice(nationalReviewer, notice(status, restricted))).toBe(false);
      expect(mayViewNotice(italy, notice(status, restricted))).toBe(false);
    }
    expect(mayViewNotice(reviewer, notice('published', restricted))).toBe(false);
    expect(mayViewNotice(italy, notice('published', restricted))).toBe(true);
  });

  it('follows the envelope once members have it, and never shows police notices to partners', () => {
    const denied = notice('published', { deniedOrgs: ['NCB-ITA'] });
    expect(mayViewNotice(italy, denied)).toBe(false);
    expect(mayViewNotice(actor('NCB-ESP', ['analyst']), denied)).toBe(true);
    expect(mayViewNotice(partner, notice('published'))).toBe(false);
    expect(mayViewNotice(systemActor('retention'), notice('draft'))).toBe(true);
    // A refused diffusion had already reached its recipients: they still see it, to know not to act on it.
    expect(mayViewNotice(italy, notice('refused', { audience: 'listed', audienceOrgs: ['NCB-ITA'] }, true))).toBe(true);
  });
});

describe('noticeActorOf', () => {
  it('lets only the secretariat act as reviewer', () => {
    expect(noticeActorOf(reviewer, 'NCB-FRA').roles).toEqual(['reviewer']);
    expect(noticeActorOf(nationalReviewer, 'NCB-FRA').roles).toEqual([]);
    expect(noticeActorOf(actor('NCB-FRA', ['officer', 'reviewer']), 'NCB-FRA')).toEqual({ roles: ['officer'], isOwner: true, system: false });
  });
});
