import { describe, expect, it } from 'vitest';

import type { Role } from '../platform/access/actor.ts';
import type { Diffusion, NoticeActor, NoticeKind, NoticeStatus, RedNotice, YellowNotice } from './model.ts';
import { NOTICE_KINDS, NOTICE_STATUSES, allowedTransition, applyTransition, isFinal, isInForce, nextStatuses, publicExtract } from './model.ts';

const ownerOfficer: NoticeActor = { roles: ['officer'], isOwner: true };
const otherOfficer: NoticeActor = { roles: ['officer'], isOwner: false };
const reviewer: NoticeActor = { roles: ['reviewer'], isOwner: false };
const system: NoticeActor = { roles: [], isOwner: false, system: true };
const as = (role: Role, isOwner = true): NoticeActor => ({ roles: [role], isOwner });

const NOTICE_KIND_LIST = NOTICE_KINDS.filter((k): k is Exclude<NoticeKind, 'diffusion'> => k !== 'diffusion');

describe('notice lifecycle', () => {
  const allowed: [NoticeStatus, NoticeStatus][] = [
    ['draft', 'submitted'], ['draft', 'withdrawn'], ['submitted', 'under_review'], ['submitted', 'withdrawn'],
    ['under_review', 'published'], ['under_review', 'refused'], ['under_review', 'withdrawn'], ['refused', 'draft'],
    ['published', 'cancelled'], ['published', 'expired'],
  ];

  it.each(NOTICE_KIND_LIST)('allows exactly the documented steps for %s notices', (kind) => {
    for (const from of NOTICE_STATUSES) {
      for (const to of NOTICE_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(allowedTransition(from, to, kind), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it.each([
    ['draft', 'published'], ['submitted', 'published'], ['draft', 'sent'], ['published', 'draft'],
    ['cancelled', 'published'], ['expired', 'published'], ['withdrawn', 'submitted'], ['refused', 'published'],
  ] as [NoticeStatus, NoticeStatus][])('refuses %s → %s for a red notice', (from, to) => {
    expect(allowedTransition(from, to, 'red')).toBe(false);
  });

  it('gives each role its own next steps', () => {
    expect(nextStatuses('red', 'draft', ownerOfficer)).toEqual(['submitted', 'withdrawn']);
    expect(nextStatuses('red', 'draft', otherOfficer)).toEqual([]);
    expect(nextStatuses('red', 'draft', reviewer)).toEqual([]);
    expect(nextStatuses('red', 'submitted', reviewer)).toEqual(['under_review']);
    expect(nextStatuses('red', 'submitted', ownerOfficer)).toEqual(['withdrawn']);
    expect(nextStatuses('red', 'under_review', reviewer)).toEqual(['published', 'refused']);
    expect(nextStatuses('red', 'under_review', ownerOfficer)).toEqual(['withdrawn']);
    expect(nextStatuses('red', 'refused', ownerOfficer)).toEqual(['draft']);
    expect(nextStatuses('red', 'published', ownerOfficer)).toEqual(['cancelled']);
    expect(nextStatuses('red', 'published', reviewer)).toEqual(['cancelled']);
    expect(nextStatuses('red', 'published', system)).toEqual(['expired']);
    for (const final of ['cancelled', 'withdrawn', 'expired'] as const) {
      expect(isFinal(final)).toBe(true);
      for (const actor of [ownerOfficer, reviewer, system]) expect(nextStatuses('red', final, actor)).toEqual([]);
    }
  });

  it.each(['frontline', 'analyst', 'partner', 'admin'] as Role[])('gives a %s of the owner no step', (role) => {
    for (const from of NOTICE_STATUSES) {
      expect(nextStatuses('red', from, as(role))).toEqual([]);
      expect(nextStatuses('diffusion', from, as(role))).toEqual([]);
    }
  });

  it('lets an actor holding several roles do what each allows', () => {
    expect(nextStatuses('red', 'under_review', { roles: ['officer', 'reviewer'], isOwner: true })).toEqual(['published', 'refused', 'withdrawn']);
  });
});

describe('diffusion lifecycle', () => {
  it('goes straight from the member to its recipients and is reviewed afterwards', () => {
    expect(nextStatuses('diffusion', 'draft', ownerOfficer)).toEqual(['sent', 'withdrawn']);
    expect(nextStatuses('diffusion', 'sent', reviewer)).toEqual(['reviewed_ok', 'refused']);
    expect(nextStatuses('diffusion', 'sent', ownerOfficer)).toEqual(['cancelled']);
    expect(nextStatuses('diffusion', 'reviewed_ok', reviewer)).toEqual(['cancelled']);
    expect(nextStatuses('diffusion', 'refused', ownerOfficer)).toEqual([]);
    expect(isInForce('diffusion', 'sent')).toBe(true);
    expect(isInForce('diffusion', 'reviewed_ok')).toBe(true);
    expect(isInForce('diffusion', 'refused')).toBe(false);
  });

  it.each([['draft', 'submitted'], ['sent', 'published'], ['sent', 'under_review'], ['draft', 'reviewed_ok'], ['refused', 'draft']] as [NoticeStatus, NoticeStatus][])(
    'refuses %s → %s', (from, to) => expect(allowedTransition(from, to, 'diffusion')).toBe(false));

  it('keeps notice-only and diffusion-only statuses apart', () => {
    for (const kind of NOTICE_KIND_LIST) {
      expect(allowedTransition('draft', 'sent', kind)).toBe(false);
      expect(isInForce(kind, 'published')).toBe(true);
      expect(isInForce(kind, 'sent')).toBe(false);
    }
  });
});

const red: RedNotice = {
  id: 'r1', kind: 'red', owner: 'NCB-FRA', status: 'under_review', createdAt: '2025-01-01T00:00:00Z', reference: 'A-101/1-2025',
  subject: {
    names: [{ value: 'Ion Popescu', kind: 'primary', script: 'Latn' }, { value: 'Ionel Popesku', kind: 'alias', script: 'Latn' }, { value: 'Ion Marin', kind: 'birth', script: 'Latn' }],
    sex: 'male', datesOfBirth: ['1979-05-02'], placeOfBirth: { country: 'ROU', locality: 'Iași' }, nationalities: ['ROU'],
    identifiers: [{ type: 'passport', value: '051234567', country: 'ROU' }], distinguishingMarks: ['tattoo on neck'], photoRefs: ['photo:9'], languages: ['ro', 'fr'], heightCm: 181,
  },
  offence: { description: 'Trafficking in human beings (forced begging)', law: 'Code pénal art. 225-4-1', penaltyMax: { years: 10 } },
  legalBasis: { kind: 'arrest_warrant', reference: 'MA-2024-77', issuingAuthority: 'Juge d\'instruction, Paris', dateIssued: '2024-09-01' },
  extraditionIntent: true, publicExtractAgreed: true,
};

describe('applyTransition', () => {
  const at = '2025-02-01T10:00:00Z';

  it('publishes through a reviewer and stamps the time', () => {
    const r = applyTransition(red, 'published', reviewer, { at });
    expect(r.ok && r.notice.status).toBe('published');
    expect(r.ok && r.notice.updatedAt).toBe(at);
    expect(r.ok && r.transition.action).toBe('publish');
    expect(red.status).toBe('under_review');
  });

  it('needs written reasons to refuse, and keeps them', () => {
    expect(applyTransition(red, 'refused', reviewer, { at, reasons: ['  '] })).toMatchObject({ ok: false });
    const r = applyTransition(red, 'refused', reviewer, { at, reasons: ['No warrant copy'] });
    expect(r.ok && r.notice.decisionReasons).toEqual(['No warrant copy']);
  });

  it('says why a step is impossible or not the actor\'s to take', () => {
    expect(applyTransition(red, 'published', ownerOfficer, { at })).toEqual({ ok: false, reason: 'you may not move this red notice from under_review to published' });
    expect(applyTransition(red, 'sent', reviewer, { at })).toEqual({ ok: false, reason: 'a red notice cannot go from under_review to sent' });
  });

  it('lets the owner cancel without reasons but not the secretariat', () => {
    const published: RedNotice = { ...red, status: 'published' };
    expect(applyTransition(published, 'cancelled', ownerOfficer, { at }).ok).toBe(true);
    expect(applyTransition(published, 'cancelled', reviewer, { at }).ok).toBe(false);
    expect(applyTransition(published, 'cancelled', reviewer, { at, reasons: ['Found to be of a political character'] }).ok).toBe(true);
  });

  it('refuses a sent diffusion after the fact', () => {
    const d: Diffusion = { id: 'd1', kind: 'diffusion', owner: 'NCB-DEU', status: 'sent', createdAt: at, purpose: 'information', recipients: ['NCB-POL'], message: 'Who owns this phone?' };
    const r = applyTransition(d, 'refused', reviewer, { at, reasons: ['Not a police matter'] });
    expect(r.ok && r.notice.status).toBe('refused');
  });
});

describe('publicExtract', () => {
  it('shows a published red notice\'s identity and charges, never the legal file or identifiers', () => {
    const extract = publicExtract({ ...red, status: 'published' });
    expect(extract).toMatchObject({ kind: 'red', reference: 'A-101/1-2025', requestedBy: 'NCB-FRA', charges: 'Trafficking in human beings (forced begging)', nationalities: ['ROU'], heightCm: 181 });
    expect(extract?.names.map((n) => n.value)).toEqual(['Ion Popescu', 'Ionel Popesku']);
    const text = JSON.stringify(extract);
    for (const secret of ['MA-2024-77', '051234567', '225-4-1', 'Juge', 'Ion Marin']) expect(text).not.toContain(secret);
  });

  it('shows where a missing person disappeared, not the circumstances', () => {
    const yellow: YellowNotice = {
      id: 'y1', kind: 'yellow', owner: 'NCB-NGA', status: 'published', createdAt: '2025-01-01', publicExtractAgreed: true,
      subject: { ...red.subject, names: [{ value: 'Precious Eze', kind: 'primary', script: 'Latn' }] },
      lastSeen: { on: '2024-12-24', place: { country: 'NGA', locality: 'Benin City' } }, circumstances: 'Recruited by a madam known to police',
    };
    const extract = publicExtract(yellow);
    expect(extract?.disappearance).toEqual({ on: '2024-12-24', place: { country: 'NGA', locality: 'Benin City' } });
    expect(JSON.stringify(extract)).not.toContain('madam');
  });

  it('gives nothing without the owner\'s agreement, before publication, or for other kinds', () => {
    expect(publicExtract({ ...red, status: 'published', publicExtractAgreed: false })).toBeNull();
    expect(publicExtract({ ...red, status: 'under_review' })).toBeNull();
    expect(publicExtract({ ...red, status: 'cancelled' })).toBeNull();
    expect(publicExtract({ id: 'g', kind: 'green', owner: 'x', status: 'published', createdAt: '', publicExtractAgreed: true, subject: red.subject, criminalActivity: { description: 'x', countries: [], basis: 'y' } })).toBeNull();
  });
});
