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

  it('rejects searches once its workers are gone, rather than hanging', async () => {
    const doomed = new WorkerIndex(1);
    await doomed.close();
    await expect(doomed.search({ names: ['Anna Smith'] }, {})).rejects.toThrow(/worker/);
  });
});
