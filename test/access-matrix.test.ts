import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/platform/access/actor.ts';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

// Records owned by France with every kind of audience; each test actor's expected view is
// written out by hand, so the SQL filter and the decision function are both held to it.
const RECORDS = {
  all: { audience: 'all' },
  listed: { audience: 'listed', audienceOrgs: ['NCB-ITA'] },
  ownerOnly: { audience: 'owner' },
  allButDenied: { audience: 'all', deniedOrgs: ['NCB-DEU'] },
  expired: { audience: 'all' },
  deleted: { audience: 'all' },
} as const;
type RecordKey = keyof typeof RECORDS;

interface Case { label: string; org: string; roles: Role[]; sees: RecordKey[] }

const POLICE_ROLES: Role[] = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'];
const CASES: Case[] = [
  ...POLICE_ROLES.map((r) => ({ label: `owner ${r}`, org: 'NCB-FRA', roles: [r], sees: ['all', 'listed', 'ownerOnly', 'allButDenied', 'expired'] as RecordKey[] })),
  ...POLICE_ROLES.map((r) => ({ label: `listed ${r}`, org: 'NCB-ITA', roles: [r], sees: ['all', 'listed', 'allButDenied'] as RecordKey[] })),
  ...POLICE_ROLES.map((r) => ({ label: `unlisted ${r}`, org: 'NCB-ESP', roles: [r], sees: ['all', 'allButDenied'] as RecordKey[] })),
  ...POLICE_ROLES.map((r) => ({ label: `denied ${r}`, org: 'NCB-DEU', roles: [r], sees: ['all'] as RecordKey[] })),
  { label: 'secretariat reviewer', org: 'SECRETARIAT', roles: ['reviewer'], sees: ['all', 'allButDenied'] },
  { label: 'NGO partner', org: 'NGO-SHELTER', roles: ['partner'], sees: [] },
  { label: 'NGO admin', org: 'NGO-SHELTER', roles: ['admin'], sees: [] },
];

describe.each(engines())('access matrix through every person endpoint on %s', (engine) => {
  let w: World;
  const ids = {} as Record<RecordKey, string>;
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    w = await startWorld(engine);
    const owner = await w.user('owner.officer', 'NCB-FRA', ['officer']);
    for (const [key, envelope] of Object.entries(RECORDS) as [RecordKey, object][]) {
      const r = await w.call(owner, 'POST', '/api/v1/persons', {
        person: { names: [{ value: `Matrixperson ${key}`, kind: 'primary' }], identifiers: [{ kind: 'passport', value: `MX-${key}` }] },
        envelope: { ...envelope, subject: 'suspect' },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    }
    await w.platform.db.updateTable('persons').set({ review_at: new Date(Date.now() - 86400_000) }).where('id', '=', ids.expired).execute();
    expect((await w.call(owner, 'DELETE', `/api/v1/persons/${ids.deleted}`, { reason: 'entered in error' })).statusCode).toBe(204);
    let n = 0;
    for (const c of CASES) users.set(c.label, await w.user(`matrix.user${n++}`, c.org, c.roles));
  }, 180_000);
  afterAll(async () => { await w?.close(); });

  it.each(CASES)('$label sees exactly what the owner allowed', async (c) => {
    const u = users.get(c.label)!;
    const police = c.org !== 'NGO-SHELTER';
    const expected = [...c.sees].map((k) => ids[k]).sort();

    // get, history
    for (const key of Object.keys(RECORDS) as RecordKey[]) {
      const get = await w.call(u, 'GET', `/api/v1/persons/${ids[key]}`);
      const history = await w.call(u, 'GET', `/api/v1/persons/${ids[key]}/history`);
      const want = c.sees.includes(key) ? 200 : police ? 404 : 403;
      expect(get.statusCode, `${c.label} GET ${key}`).toBe(want);
      expect(history.statusCode, `${c.label} history ${key}`).toBe(want);
    }
    if (!police) {
      expect((await w.call(u, 'GET', '/api/v1/persons')).statusCode).toBe(403);
      expect((await w.call(u, 'GET', '/api/v1/persons/count')).statusCode).toBe(403);
      return;
    }
    // list, search by name, search by identifier, count
    const list = (await w.call(u, 'GET', '/api/v1/persons?limit=500')).json();
    expect(list.items.map((p: { id: string }) => p.id).filter((id: string) => Object.values(ids).includes(id)).sort()).toEqual(expected);
    expect(list.total).toBe(expected.length);
    const search = (await w.call(u, 'GET', '/api/v1/persons?q=matrixperson')).json();
    expect(search.items.map((p: { id: string }) => p.id).sort()).toEqual(expected);
    const byId = (await w.call(u, 'GET', '/api/v1/persons?q=mx-listed')).json();
    expect(byId.total).toBe(c.sees.includes('listed') ? 1 : 0);
    const count = (await w.call(u, 'GET', '/api/v1/persons/count?q=matrixperson')).json();
    expect(count.total).toBe(expected.length);
    // only the owner's officers and admins change a record
    const patch = await w.call(u, 'PATCH', `/api/v1/persons/${ids.all}`, { person: { marks: ['scar'] } });
    const mayWrite = c.org === 'NCB-FRA' && (c.roles.includes('officer') || c.roles.includes('admin'));
    expect(patch.statusCode, `${c.label} PATCH`).toBe(mayWrite ? 200 : 403);
  });

  it('audits refused reads', async () => {
    const rows = await w.platform.db.selectFrom('audit_log').select(['action', 'record_ids']).where('outcome', '=', 'refused').where('action', '=', 'person.read').execute();
    expect(rows.some((r) => r.record_ids.includes(ids.ownerOnly))).toBe(true);
  });
});
