import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

describe.each(engines())('retention on %s', (engine) => {
  let w: World;
  let fra: TestUser;
  let ita: TestUser;
  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
  });
  afterAll(async () => { await w?.close(); });

  it('gives every record a review date five years ahead by default', async () => {
    const p = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Five Years', kind: 'primary' }] } })).json();
    const years = (new Date(p.envelope.reviewAt).getTime() - Date.now()) / (365.25 * 86400_000);
    expect(years).toBeGreaterThan(4.99);
    expect(years).toBeLessThan(5.01);
  });

  it('queues records six months ahead, hides overdue ones from others until renewed with a justification', async () => {
    const soon = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Review Soon', kind: 'primary' }] }, envelope: { reviewAt: new Date(Date.now() + 90 * 86400_000).toISOString() } })).json();
    const past = (await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Review Past', kind: 'primary' }] } })).json();
    await w.platform.db.updateTable('persons').set({ review_at: new Date(Date.now() - 86400_000) }).where('id', '=', past.id).execute();

    const queue = (await w.call(fra, 'GET', '/api/v1/retention/queue')).json() as { id: string; overdue: boolean }[];
    expect(queue.map((q) => q.id)).toEqual([past.id, soon.id]);
    expect(queue[0].overdue).toBe(true);
    expect((await w.call(ita, 'GET', '/api/v1/retention/queue')).json()).toEqual([]);

    expect((await w.call(ita, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(404);
    const listed = (await w.call(ita, 'GET', '/api/v1/persons?q=review')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([soon.id]);
    expect((await w.call(fra, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(200);

    expect((await w.call(fra, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: ' ' })).statusCode).toBe(400);
    expect((await w.call(ita, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: 'not mine to renew' })).statusCode).toBe(404);
    const renewed = await w.call(fra, 'POST', `/api/v1/persons/${past.id}/renew`, { justification: 'Investigation 2024/117 still open; court date set.' });
    expect(renewed.statusCode).toBe(200);
    expect((await w.call(ita, 'GET', `/api/v1/persons/${past.id}`)).statusCode).toBe(200);
    const history = (await w.call(fra, 'GET', `/api/v1/persons/${past.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ reason: 'Investigation 2024/117 still open; court date set.', change: expect.stringMatching(/^renewed until/) });
  });
});
