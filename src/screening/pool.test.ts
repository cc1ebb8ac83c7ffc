import { afterAll, describe, expect, it } from 'vitest';
import { LocalIndex, WorkerIndex } from './pool.ts';
import { createRng, perturbedQuery, PERTURBATIONS, syntheticPerson } from './synthetic.ts';

describe('screening index replicas in worker threads', () => {
  const local = new LocalIndex();
  const workers = new WorkerIndex(2);
  afterAll(async () => { await workers.close(); });

  it('answer exactly as the index in this process, on every replica, and follow removals', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => syntheticPerson(11, i).entry);
    for (let i = 0; i < entries.length; i += 500) {
      local.add(entries.slice(i, i + 500));
      workers.add(entries.slice(i, i + 500));
    }
    // Laid out as after a build from the database (answers do not depend on the layout).
    local.compact();
    workers.compact();
    expect(await workers.size()).toBe(3000);
    const rand = createRng(5);
    const queries = Array.from({ length: 40 }, (_, q) => perturbedQuery(syntheticPerson(11, Math.floor(rand() * 3000)), PERTURBATIONS[q % PERTURBATIONS.length], rand));
    // Concurrent searches spread over both replicas; each must give the same ranking and scores.
    const fromWorkers = await Promise.all(queries.map((q) => workers.search({ names: [q] }, { limit: 10 })));
    for (let i = 0; i < queries.length; i++) {
      const expected = await local.search({ names: [queries[i]] }, { limit: 10 });
      expect(fromWorkers[i]).toEqual(expected);
    }
    const gone = entries[7].recordId;
    const name = entries[7].names[0];
    expect((await workers.search({ names: [name] }, { limit: 5 })).map((c) => c.recordId)).toContain(gone);
    workers.remove([gone]);
    local.remove([gone]);
    // Both replicas apply the removal before any later search, whichever one answers.
    const after = await Promise.all([0, 1, 2, 3].map(() => workers.search({ names: [name] }, { limit: 5 })));
    for (const r of after) expect(r.map((c) => c.recordId)).not.toContain(gone);
    expect(await workers.size()).toBe(2999);
    workers.clear();
    expect(await workers.size()).toBe(0);
  });

  it('replaces a replica that dies, refilled before it answers, while the other keeps answering', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => syntheticPerson(13, i).entry);
    const pool = new WorkerIndex(2);
    let rebuilds = 0;
    try {
      pool.add(entries);
      pool.setRebuilder(async (add) => {
        rebuilds++;
        for (let i = 0; i < entries.length; i += 250) {
          add(entries.slice(i, i + 250));
          await new Promise((r) => setTimeout(r, 5));
        }
      });
      expect(await pool.size()).toBe(2000);
      const target = entries[42];
      const replicas = (pool as unknown as { replicas: { worker: { terminate(): Promise<number> } }[] }).replicas;
      await replicas[0].worker.terminate();
      // Every search during the rebuild is answered in full by the surviving replica.
      for (let i = 0; i < 20; i++) {
        const found = await pool.search({ names: target.names }, { limit: 5 });
        expect(found.map((c) => c.recordId)).toContain(target.recordId);
      }
      const deadline = Date.now() + 20_000;
      while ((pool as unknown as { replicas: { building?: boolean }[] }).replicas.some((r) => r.building) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(rebuilds).toBe(1);
      // Both replicas answer again, and both know the whole index.
      const answers = await Promise.all([0, 1, 2, 3].map(() => pool.search({ names: target.names }, { limit: 5 })));
      for (const a of answers) expect(a.map((c) => c.recordId)).toContain(target.recordId);
      expect(await pool.size()).toBe(2000);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects searches once its workers are gone, rather than hanging', async () => {
    const doomed = new WorkerIndex(1);
    await doomed.close();
    await expect(doomed.search({ names: ['Anna Smith'] }, {})).rejects.toThrow(/worker/);
  });
});
