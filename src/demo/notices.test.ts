import { describe, expect, it } from 'vitest';

import { NOTICE_KINDS, isInForce, subjectOf } from '../notices/model.ts';
import { canPublish, reviewNotice } from '../notices/review.ts';
import type { DemoNotice } from './notices.ts';
import { DEMO_TODAY, FLAWS, generateNotices } from './notices.ts';
import { personAt } from './persons.ts';

const take = (seed: number, count: number, personCount = 3000, today = DEMO_TODAY): DemoNotice[] =>
  [...generateNotices({ seed, count, personCount, today })];

describe('generateNotices', () => {
  const world = take(21, 280);
  const inForce = world.map((d) => d.notice).filter((n) => isInForce(n.kind, n.status));
  const now = new Date(`${DEMO_TODAY}T12:00:00Z`);

  it('is deterministic', () => {
    expect(take(21, 60)).toEqual(world.slice(0, 60));
    expect(take(22, 20).map((d) => d.notice.id)).not.toEqual(world.slice(0, 20).map((d) => d.notice.id));
  });

  it('produces every kind, in force and awaiting review', () => {
    expect(new Set(world.map((d) => d.notice.kind))).toEqual(new Set(NOTICE_KINDS));
    expect(new Set(take(1, 14).map((d) => d.notice.kind))).toEqual(new Set(NOTICE_KINDS));
    const statuses = new Set(world.map((d) => d.notice.status));
    for (const s of ['published', 'submitted', 'under_review', 'sent', 'reviewed_ok', 'draft', 'refused', 'cancelled', 'withdrawn']) expect(statuses).toContain(s);
    // Mostly in force: a demo reviewer and a frontline officer both have plenty to look at.
    expect(inForce.length / world.length).toBeGreaterThan(0.5);
    for (const d of world) if (d.notice.status === 'published' && d.notice.kind !== 'diffusion') expect(d.notice.reference).toMatch(/^[A-Z]-\d+\/\d+-\d{4}$/);
  });

  it('passes review for every notice meant to pass', () => {
    for (const d of world.filter((x) => x.expected === 'pass')) {
      const checklist = reviewNotice(d.notice, { publishedNotices: inForce, now });
      expect(checklist.filter((c) => c.blocking && !c.passed), `${d.notice.kind} ${d.notice.id}`).toEqual([]);
      expect(canPublish(checklist)).toBe(true);
    }
  });

  it('plants each flaw, and the review catches it', () => {
    const flawed = world.filter((x) => x.expected === 'fail');
    expect(flawed.length).toBe(Math.floor(280 / 12));
    expect(new Set(flawed.map((d) => d.flaw))).toEqual(new Set(FLAWS));
    const rules: Record<string, string> = {
      red_without_warrant: 'legal_basis', red_political_offence: 'neutrality', red_warrant_in_future: 'dates', red_penalty_too_low: 'penalty',
      red_duplicate: 'duplicates', green_name_only: 'identity', black_found_in_future: 'dates', purple_without_indicators: 'modus_operandi',
      yellow_unknown_country: 'countries', diffusion_military_offence: 'neutrality',
    };
    expect(flawed.filter((d) => d.notice.status === 'refused').length).toBeGreaterThan(flawed.length / 2);
    for (const d of flawed) {
      expect(d.notice.kind === 'diffusion' ? ['refused', 'sent'] : ['refused', 'submitted']).toContain(d.notice.status);
      const checklist = reviewNotice(d.notice, { publishedNotices: inForce, now });
      expect(canPublish(checklist), d.flaw).toBe(false);
      expect(checklist.find((c) => c.rule === rules[d.flaw!])?.passed, d.flaw).toBe(false);
    }
  });

  it('is about persons of the same world', () => {
    for (const d of world.filter((x) => x.personIndex !== undefined && x.expected === 'pass').slice(0, 60)) {
      const p = personAt(21, d.personIndex!);
      const s = subjectOf(d.notice);
      if (s && d.notice.kind !== 'blue') expect(s.names).toEqual(p.names);
      if (d.notice.kind === 'black') expect(d.notice.body.sex).toBe(p.sex);
    }
  });

  it('dates events before the world\'s day and orange expiries after it', () => {
    const later = take(4, 60, 500, '2026-03-15');
    for (const { notice: n } of later.filter((x) => x.expected === 'pass')) {
      expect(n.createdAt.slice(0, 10) <= '2026-03-15').toBe(true);
      if (n.kind === 'orange') expect(n.expiresAt > '2026-03-15').toBe(true);
      if (n.kind === 'red' && n.legalBasis) expect(n.legalBasis.dateIssued <= n.createdAt.slice(0, 10)).toBe(true);
    }
  });

  it('refuses a world with no persons', () => {
    expect(() => take(1, 1, 0)).toThrow(RangeError);
  });
});
