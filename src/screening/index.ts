// In-memory screening index: each node builds it from the database at start and keeps it
// current from change events (add / update / remove by record id). Search finds candidates by
// blocking keys on the token vocabulary, accumulates frequency-weighted evidence per record, then
// rescores the best few hundred with the full name similarity and the other facts.
import { preparePerson, scorePerson, THRESHOLDS } from './score.ts';
import type { PersonFacts, PreparedPerson, ScreeningScore, ScreeningUse } from './score.ts';
import type { NameToken } from './names.ts';
import { MIN_TOKEN_SIMILARITY } from './similarity.ts';
import { SearchComparer, Vocabulary } from './vocabulary.ts';
import type { SimilarToken } from './vocabulary.ts';

export interface ScreeningEntry extends PersonFacts {
  recordId: string;
}

export interface ScreeningCandidate extends ScreeningScore {
  recordId: string;
  entry: ScreeningEntry;
}

export interface SearchOptions {
  /** Candidates returned at most (default 20). */
  limit?: number;
  /** Drop candidates scoring below the threshold of this use; omit to rank without a cut. */
  use?: ScreeningUse;
  /** Records rescored in full after blocking (default 80, at least twice the limit): more is slower and finds a little more. */
  shortlist?: number;
}

/** Records rescored in full by default; the benchmark's recall@20 barely moves from 60 to 200. */
const SHORTLIST = 80;
/** A look-alike this close makes weaker ones of the same query token irrelevant to blocking. */
const STRONG_SIMILARITY = 0.6;

const NO_IDS: string[] = [];

interface Doc {
  entry: ScreeningEntry;
  person: PreparedPerson;
  /** Distinct vocabulary ids of all its names' tokens. */
  vocab: Uint32Array;
  ids: string[];
}


export class ScreeningIndex {
  private readonly vocab = new Vocabulary();
  private docs: (Doc | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly byIdentifier = new Map<string, number[]>();
  private evidence = new Float32Array(1024);
  /** Evidence counted with the tokens' own weights, to see what share of a record was matched. */
  private coverage = new Float32Array(1024);
  /** Own weight of each record's lightest name: the denominator of that share. */
  private nameWeight = new Float32Array(1024);
  private stamp = new Uint32Array(1024);
  private stampNow = 0;

  /** Number of records indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  has(recordId: string): boolean {
    return this.slotOf.has(recordId);
  }

  /** Adds a record, replacing any record with the same id. */
  add(entry: ScreeningEntry): void {
    if (this.slotOf.has(entry.recordId)) this.remove(entry.recordId);
    const person = preparePerson(entry);
    for (const name of person.names) name.tokens = name.tokens.map((t) => this.vocab.intern(t));
    const slot = this.freeSlots.pop() ?? this.docs.length;
    const vocab = Uint32Array.from(new Set(person.names.flatMap((n) => n.tokens.map((t) => this.vocab.idOf(t)))));
    const ids = person.identifiers.length ? [...new Set(person.identifiers.map((i) => i.value))] : NO_IDS;
    this.docs[slot] = { entry, person, vocab, ids };
    this.slotOf.set(entry.recordId, slot);
    for (const v of vocab) this.vocab.addPosting(v, slot);
    for (const id of ids) {
      const list = this.byIdentifier.get(id);
      if (list) list.push(slot); else this.byIdentifier.set(id, [slot]);
    }
    if (slot >= this.evidence.length) this.grow(slot + 1);
    this.nameWeight[slot] = Math.min(...person.names.map((n) => n.tokens.reduce((w, t) => w + t.weight, 0)));
  }

  /** Replaces a record (same as add; named for change events). */
  update(entry: ScreeningEntry): void {
    this.add(entry);
  }

  /** Removes a record; returns false when it was not indexed. */
  remove(recordId: string): boolean {
    const slot = this.slotOf.get(recordId);
    if (slot === undefined) return false;
    const doc = this.docs[slot] as Doc;
    for (const v of doc.vocab) this.vocab.removePosting(v, slot);
    for (const id of doc.ids) {
      const list = (this.byIdentifier.get(id) ?? []).filter((s) => s !== slot);
      if (list.length) this.byIdentifier.set(id, list); else this.byIdentifier.delete(id);
    }
    this.docs[slot] = undefined;
    this.slotOf.delete(recordId);
    this.freeSlots.push(slot);
    return true;
  }

  /** The frequency-aware weight of a token in this corpus (rare names weigh more). */
  weightOf(token: NameToken): number {
    return this.vocab.weightOf(token, this.size);
  }

  /** Candidates for a query, best first, each with the explanation of its score. */
  search(query: PersonFacts, options: SearchOptions = {}): ScreeningCandidate[] {
    const limit = options.limit ?? 20;
    const shortlist = Math.max(options.shortlist ?? SHORTLIST, limit * 2);
    const prepared = preparePerson(query);
    const comparer = new SearchComparer(this.vocab);
    const slots = this.block(prepared, shortlist, comparer);
    for (const id of prepared.identifiers) for (const s of this.byIdentifier.get(id.value) ?? []) slots.add(s);
    const n = this.size;
    // Token weights do not change during a search: compute each once.
    const weights = new Map<NameToken, number>();
    const weigh = (t: NameToken): number => {
      let w = weights.get(t);
      if (w === undefined) { w = this.vocab.weightOf(t, n); weights.set(t, w); }
      return w;
    };
    const threshold = options.use ? THRESHOLDS[options.use] : 0;
    // Rank the shortlist on scores alone, then explain only what is returned.
    const ranked: { slot: number; score: number }[] = [];
    for (const slot of slots) {
      const doc = this.docs[slot];
      if (!doc) continue;
      const { score } = scorePerson(prepared, doc.person, { weigh, comparer, explain: false });
      if (score >= threshold) ranked.push({ slot, score });
    }
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit).map(({ slot }) => {
      const doc = this.docs[slot] as Doc;
      return { ...scorePerson(prepared, doc.person, { weigh, comparer }), recordId: doc.entry.recordId, entry: doc.entry };
    });
  }

  /** The `shortlist` records with most frequency-weighted token evidence for the query's names. */
  private block(query: PreparedPerson, shortlist: number, comparer: SearchComparer): Set<number> {
    const touched: number[] = [];
    const n = this.size;
    // Rare units first: once the shortlist is full and what is left to add could not lift a
    // record that has nothing yet above the shortlist's floor, common units only add evidence
    // to records already found ("max-score" pruning: Mohammed costs a scan, not 50,000 entries).
    const units: { matches: SimilarToken[]; floor: number; maxGain: number }[] = [];
    for (const name of query.names) {
      for (const unit of this.vocab.queryUnits(name.tokens, comparer)) {
        const matches = this.vocab.similarTokens(unit.token, unit.joined, MIN_TOKEN_SIMILARITY);
        comparer.remember(unit.token, matches);
        // Weak look-alikes of a token that has strong ones add records, not evidence.
        const floor = matches.length && matches[0].comparison.similarity >= STRONG_SIMILARITY ? STRONG_SIMILARITY : 0;
        let maxGain = 0;
        for (const m of matches) if (m.comparison.similarity >= floor) maxGain = Math.max(maxGain, m.comparison.similarity * this.vocab.weightOfId(m.id, n));
        units.push({ matches, floor, maxGain });
      }
    }
    units.sort((a, b) => b.maxGain - a.maxGain);
    let remaining = units.reduce((sum, u) => sum + u.maxGain, 0);
    let shortlistFloor = -1;
    for (const { matches, floor, maxGain } of units) {
      if (shortlistFloor < 0 && touched.length >= shortlist) shortlistFloor = kthLargest(touched.map((s) => this.evidence[s]), shortlist);
      const addNew = shortlistFloor < 0 || remaining >= shortlistFloor;
      remaining -= maxGain;
      let postingTotal = 0;
      for (const m of matches) if (m.comparison.similarity >= floor) postingTotal += this.vocab.postingCount(m.id);
      if (!addNew && postingTotal > 4 * touched.length) {
        this.creditFound(touched, matches, floor, n);
        continue;
      }
      this.stampNow = (this.stampNow + 1) >>> 0;
      if (this.stampNow === 0) { this.stamp.fill(0); this.stampNow = 1; }
      for (const { id, comparison: { similarity } } of matches) {
        if (similarity < floor) break;
        const gain = similarity * this.vocab.weightOfId(id, n);
        const own = similarity * this.vocab.tokenWeight(id);
        const postings = this.vocab.postings(id);
        const len = this.vocab.postingCount(id);
        for (let k = 0; k < len; k++) {
          const slot = postings[k];
          if (this.stamp[slot] === this.stampNow) continue;
          if (this.evidence[slot] === 0) {
            if (!addNew) continue;
            touched.push(slot);
          }
          this.stamp[slot] = this.stampNow;
          this.evidence[slot] += gain;
          this.coverage[slot] += own;
        }
      }
    }
    // Rank by evidence, discounted for the share of the record's own name left unmatched, so
    // that "Maria Garcia" ranks "Maria Garcia" above "Maria Garcia Lopez de la Fuente".
    const keys = new Float32Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i];
      const share = Math.min(1, this.coverage[slot] / (this.nameWeight[slot] || 1));
      keys[i] = this.evidence[slot] * (0.6 + 0.4 * share);
      this.evidence[slot] = 0;
      this.coverage[slot] = 0;
    }
    return new Set(topSlots(touched, keys, shortlist));
  }

  /**
   * Adds a common unit's evidence to the records already found by looking at their tokens,
   * instead of walking the unit's long postings (which could add no new record anyway).
   */
  private creditFound(touched: number[], matches: SimilarToken[], floor: number, n: number): void {
    const best = new Map<number, number>();
    for (const m of matches) if (m.comparison.similarity >= floor && !best.has(m.id)) best.set(m.id, m.comparison.similarity);
    for (const slot of touched) {
      const doc = this.docs[slot] as Doc;
      let top = 0;
      let topId = -1;
      for (const v of doc.vocab) {
        const sim = best.get(v);
        if (sim !== undefined && sim > top) { top = sim; topId = v; }
      }
      if (topId < 0) continue;
      this.evidence[slot] += top * this.vocab.weightOfId(topId, n);
      this.coverage[slot] += top * this.vocab.tokenWeight(topId);
    }
  }

  private grow(min: number): void {
    let size = this.evidence.length;
    while (size < min) size *= 2;
    const grown = <T extends Float32Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.evidence = grown(this.evidence, (k) => new Float32Array(k));
    this.coverage = grown(this.coverage, (k) => new Float32Array(k));
    this.nameWeight = grown(this.nameWeight, (k) => new Float32Array(k));
    this.stamp = grown(this.stamp, (k) => new Uint32Array(k));
  }
}

/** The k-th largest of `values` (k ≥ 1), by selection; reorders `values`. */
function kthLargest(values: number[] | Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = Math.min(k, values.length) - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) { const t = values[i]; values[i] = values[j]; values[j] = t; i++; j--; }
    }
    if (target <= j) hi = j; else if (target >= i) lo = i; else break;
  }
  return values[target];
}

/** The `k` slots with the highest keys (keys[i] belongs to slots[i]); order not kept. */
function topSlots(slots: number[], keys: Float32Array, k: number): number[] {
  if (slots.length <= k) return slots;
  // The k-th largest key by selection on a copy, then every slot above it and ties up to k.
  const cut = kthLargest(Float32Array.from(keys), k);
  const out: number[] = [];
  for (let i = 0; i < slots.length; i++) if (keys[i] > cut) out.push(slots[i]);
  for (let i = 0; i < slots.length && out.length < k; i++) if (keys[i] === cut) out.push(slots[i]);
  return out;
}

export { THRESHOLDS };
