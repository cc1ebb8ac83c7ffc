import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engines, startWorld, TEST_PASSWORD, type TestUser, type World } from './support/world.ts';

describe.each(engines())('HTTP API on %s', (engine) => {
  let w: World;
  let officer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    w = await startWorld(engine, { loginAttemptsPerMinute: 5 });
    officer = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    admin = await w.user('fra.admin', 'NCB-FRA', ['admin']);
  });
  afterAll(async () => { await w?.close(); });

  it('serves health, readiness, the OpenAPI document and the docs', async () => {
    expect((await w.call(null, 'GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await w.call(null, 'GET', '/readyz')).json().status).toBe('ready');
    const doc = (await w.call(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/persons');
    expect((await w.call(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('seeds the 196 member countries and the other organisations', async () => {
    const orgs = (await w.call(officer, 'GET', '/api/v1/organisations')).json() as { id: string; kind: string }[];
    expect(orgs.filter((o) => o.kind === 'ncb')).toHaveLength(196);
    expect(orgs.map((o) => o.id)).toEqual(expect.arrayContaining(['SECRETARIAT', 'NCB-FRA', 'NGO-SHELTER']));
  });

  it('refuses calls without credentials, and forged, expired or revoked tokens', async () => {
    expect((await w.call(null, 'GET', '/api/v1/persons')).statusCode).toBe(401);
    const forged = { ...officer, token: `vgl_${'A'.repeat(43)}` };
    const r = await w.call(forged, 'GET', '/api/v1/persons');
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect((await w.call({ ...officer, token: 'not-even-a-token' }, 'GET', '/api/v1/persons')).statusCode).toBe(401);

    const issued = (await w.call(officer, 'POST', '/api/v1/tokens', { name: 'scanner', days: 1 })).json();
    const client = { ...officer, token: issued.token as string };
    expect((await w.call(client, 'GET', '/api/v1/persons')).statusCode).toBe(200);
    expect((await w.call(officer, 'DELETE', `/api/v1/tokens/${issued.info.id}`)).statusCode).toBe(204);
    // The revoking node forgets the token at once.
    expect((await w.call(client, 'GET', '/api/v1/persons')).statusCode).toBe(401);

    const expiring = (await w.call(officer, 'POST', '/api/v1/tokens', { name: 'old', days: 1 })).json();
    await w.platform.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expiring.info.id).execute();
    expect((await w.call({ ...officer, token: expiring.token }, 'GET', '/api/v1/persons')).statusCode).toBe(401);
    const refusals = await w.platform.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.token').where('outcome', '=', 'refused').execute();
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });

  it('signs in with a cookie session that needs the CSRF token for changes', async () => {
    const login = await w.call(null, 'POST', '/api/v1/session', { username: 'fra.officer', password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0];
    const csrf = login.json().csrfToken as string;
    const me = await w.api.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.json().actor.username).toBe('fra.officer');
    const body = { person: { names: [{ value: 'Jean Dupont', kind: 'primary' }] } };
    const noCsrf = await w.api.inject({ method: 'POST', url: '/api/v1/persons', headers: { cookie }, payload: body });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await w.api.inject({ method: 'POST', url: '/api/v1/persons', headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    expect(withCsrf.statusCode).toBe(201);
    const out = await w.api.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await w.api.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses wrong passwords, audits them, and rate-limits attempts', async () => {
    const bad = await w.call(null, 'POST', '/api/v1/session', { username: 'fra.admin', password: 'wrong password!' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().detail).toMatch(/Wrong username or password/);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await w.call(null, 'POST', '/api/v1/session', { username: 'fra.admin', password: 'wrong again!!' })).statusCode);
    expect(statuses).toContain(429);
    const refused = await w.platform.db.selectFrom('audit_log').select('seq').where('action', '=', 'login').where('outcome', '=', 'refused').where('username', '=', 'fra.admin').execute();
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it('answers bad input with a problem document naming the field, and stores nothing', async () => {
    const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from persons`.execute(w.platform.db)).rows[0].n);
    const before = await count();
    const unknown = await w.call(officer, 'POST', '/api/v1/persons', { person: { names: [{ value: 'A B', kind: 'primary' }], shoeSize: 44 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(unknown.json().errors)).toContain('shoeSize');
    const mistyped = await w.call(officer, 'POST', '/api/v1/persons', { person: { names: 'Ali' } });
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json().errors[0].field).toContain('names');
    const malformed = await w.call(officer, 'POST', '/api/v1/persons', '{"person": {', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/JSON/);
    const huge = await w.call(officer, 'POST', '/api/v1/persons', JSON.stringify({ person: { notes: 'x'.repeat(2_000_000) } }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    const impossible = await w.call(officer, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Ana Lima', kind: 'primary' }], birthDates: ['1990-02-30'], nationalities: ['XYZ'] } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDates.0', 'nationalities.0']);
    expect(await count()).toBe(before);
    expect((await w.call(officer, 'GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await w.call(officer, 'GET', '/api/v1/no-such-thing')).statusCode).toBe(404);
  });

  it('lets administrators manage users of their own organisation only', async () => {
    const created = await w.call(admin, 'POST', '/api/v1/users', { username: 'fra.frontline2', displayName: 'Border', orgId: 'NCB-FRA', roles: ['frontline'], password: 'a long enough password' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('password_hash');
    const foreign = await w.call(admin, 'POST', '/api/v1/users', { username: 'ita.spy', displayName: 'x', orgId: 'NCB-ITA', roles: ['officer'], password: 'a long enough password' });
    expect(foreign.statusCode).toBe(403);
    expect((await w.call(officer, 'GET', '/api/v1/users')).statusCode).toBe(403);
    const list = (await w.call(admin, 'GET', '/api/v1/users')).json() as { orgId: string }[];
    expect(list.every((u) => u.orgId === 'NCB-FRA')).toBe(true);
  });

  it('shows each administrator only their organisation\'s audit entries; the secretariat sees all', async () => {
    const sg = await w.user('sg.admin', 'SECRETARIAT', ['admin']);
    const ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
    await w.call(ita, 'GET', '/api/v1/persons', undefined, { 'x-vigil-purpose': 'case 42 follow-up' });
    const fra = (await w.call(admin, 'GET', '/api/v1/audit?limit=1000')).json() as { orgId: string }[];
    expect(fra.length).toBeGreaterThan(0);
    expect(fra.every((e) => e.orgId === 'NCB-FRA')).toBe(true);
    const all = (await w.call(sg, 'GET', '/api/v1/audit?username=ita.officer&action=person.search')).json() as { purpose: string; orgId: string }[];
    expect(all[0].purpose).toBe('case 42 follow-up');
    expect((await w.call(officer, 'GET', '/api/v1/audit')).statusCode).toBe(403);
  });
});
