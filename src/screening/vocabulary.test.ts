import { describe, expect, it } from 'vitest';
import { ScreeningIndex } from './index.ts';
import { normaliseName } from './names.ts';
import { syntheticPerson } from './synthetic.ts';
import { NO_MATCH } from './similarity.ts';
import { SearchComparer, Vocabulary } from './vocabulary.ts';
import type { LookAlikes } from './look-alikes.ts';

const asSet = (found: LookAlikes): string[] => found.list().map((s) => `${s.id}:${s.comparison.similarity.toFixed(6)}:${s.comparison.how}`).sort();

describe('Vocabulary', () => {
  it('keeps the look-alikes of common tokens equal to a fresh look-up while new tokens arrive', () => {
    const index = new ScreeningIndex();
    // Enough people for common given names to be pinned, then others whose new spellings
    // must join the pinned lists they belong in.
    for (let i = 0; i < 6000; i++) index.add(syntheticPerson(3, i).entry);
    for (let i = 0; i < 3000; i++) index.add(syntheticPerson(4, i).entry);
    const vocab = (index as unknown as { vocab: Vocabulary }).vocab;
    const pinned = (vocab as unknown as { pinned: Map<number, LookAlikes> }).pinned;
    expect(pinned.size).toBeGreaterThan(20);
    // A vocabulary with the same tokens in the same order but nothing pinned looks up afresh.
    const tokens = (vocab as unknown as { tokens: ReturnType<typeof normaliseName>['tokens'] }).tokens;
    const fresh = new Vocabulary();
    for (const t of tokens) fresh.intern(t);
    let grown = 0;
    for (const [id, list] of pinned) {
      expect(asSet(list), tokens[id].latin).toEqual(asSet(fresh.lookAlikes(tokens[id])));
      // Most-similar first, as a fresh look-up returns them.
      for (let i = 1; i < list.length; i++) expect(list.sims[i - 1]).toBeGreaterThanOrEqual(list.sims[i]);
      if (list.ids.some((other) => other > id)) grown++;
    }
    expect(grown).toBeGreaterThan(0);
  });

  it('compares weak Latin look-alikes lazily, with the outcome of comparing them all', () => {
    const index = new ScreeningIndex();
    for (let i = 0; i < 3000; i++) index.add(syntheticPerson(5, i).entry);
    const vocab = (index as unknown as { vocab: Vocabulary }).vocab;
    const tokens = (vocab as unknown as { tokens: ReturnType<typeof normaliseName>['tokens'] }).tokens;
    let lazy = 0;
    const wrong: string[] = [];
    for (let q = 0; q < tokens.length; q += 11) {
      const t = tokens[q];
      if (t.family !== 'latin' || t.kind === 'initial') continue;
      const full = new Map(vocab.lookAlikes(t).list().map((s) => [s.id, s.comparison]));
      const found = vocab.similarTokens(t, false);
      if (found.length < full.size) lazy++;
      const comparer = new SearchComparer(vocab);
      comparer.remember(t, found);
      tokens.forEach((other, id) => {
        if (other.script !== t.script) return;
        const got = comparer.compare(t, other);
        const want = full.get(id) ?? NO_MATCH;
        if (got.similarity !== want.similarity || got.how !== want.how) wrong.push(`${t.latin} / ${other.latin}`);
      });
    }
    expect(wrong).toEqual([]);
    expect(lazy).toBeGreaterThan(20);
  });
});
