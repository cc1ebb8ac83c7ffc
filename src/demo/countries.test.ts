import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';

import { checkUsername } from '../identity/model.ts';
import { organisationSeeds } from '../identity/members.ts';
import { CULTURES } from './cultures.ts';
import { DEMO_COUNTRIES, countriesWith, demoCountry, demoUsers, fillPattern } from './countries.ts';
import { Random } from './random.ts';

describe('demo countries', () => {
  it('holds about thirty distinct ISO alpha-3 countries across origin, transit and destination', () => {
    expect(DEMO_COUNTRIES.length).toBeGreaterThanOrEqual(28);
    expect(new Set(DEMO_COUNTRIES.map((c) => c.code)).size).toBe(DEMO_COUNTRIES.length);
    for (const c of DEMO_COUNTRIES) {
      expect(countries.alpha3ToAlpha2(c.code), c.code).toBeTruthy();
      expect(c.cities.length).toBeGreaterThanOrEqual(4);
      expect(c.callingCode).toMatch(/^\d{1,3}$/);
    }
    for (const flow of ['origin', 'transit', 'destination'] as const) expect(countriesWith(flow).length).toBeGreaterThanOrEqual(8);
  });

  it('covers every nationality the naming cultures give', () => {
    for (const [culture] of CULTURES) for (const [code] of culture.nationalities) expect(demoCountry(code), `${culture.id}: ${code}`).toBeDefined();
  });

  it('fills document-number shapes', () => {
    const r = new Random(3);
    expect(fillPattern('##@@#####', r)).toMatch(/^\d{2}[A-Z]{2}\d{5}$/);
    expect(fillPattern('C********', r)).toMatch(/^C[A-Z0-9]{8}$/);
    expect(fillPattern('#####-#######-#', r)).toMatch(/^\d{5}-\d{7}-\d$/);
  });
});

describe('demo users', () => {
  const users = demoUsers();
  const orgs = new Set(organisationSeeds().map((o) => o.id));

  it('gives each country a frontline officer, an NCB officer, an analyst and an administrator', () => {
    for (const c of DEMO_COUNTRIES) {
      const own = users.filter((u) => u.country === c.code);
      expect(own.map((u) => u.role).sort()).toEqual(['admin', 'analyst', 'frontline', 'officer']);
      expect(own.find((u) => u.role === 'officer')?.username).toBe(`${c.code.toLowerCase()}.officer`);
    }
    expect(users.find((u) => u.username === 'fra.officer')).toMatchObject({ role: 'officer', orgId: 'NCB-FRA', country: 'FRA' });
  });

  it('adds a secretariat reviewer and an NGO partner', () => {
    expect(users.find((u) => u.role === 'reviewer')).toMatchObject({ username: 'secretariat.reviewer', orgId: 'SECRETARIAT' });
    expect(users.find((u) => u.role === 'partner')).toMatchObject({ username: 'ngo.partner', orgId: 'NGO-SHELTER' });
  });

  it('uses valid, unique usernames of organisations the platform seeds', () => {
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const u of users) {
      expect(checkUsername(u.username)).toEqual([]);
      expect(orgs.has(u.orgId), u.orgId).toBe(true);
      expect(u.displayName.length).toBeGreaterThan(5);
    }
  });
});
