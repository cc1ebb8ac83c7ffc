// In-memory screening index: each node builds it from the database at start and keeps it
// current from change events (add / update / remove by record id). Search finds candidates by
// blocking keys on the token vocabulary, accumulates frequency-weighted evidence per record, then
// rescores the best few hundred with the full name similarity and the other facts.
import { needsOtherFacts, preparePerson, prepareOtherFacts, scoreCeiling, scorePerson, THRESHOLDS } from './score.ts';
import type { PersonFacts, PreparedPerson, ScreeningScore, ScreeningUse } from './score.ts';
import type { NameToken, NormalisedName } from './names.ts';
import { END_OF_NAME, RecordStore } from './record-store.ts';
import { LATIN_STRONG_SIMILARITY, SearchComparer, Vocabulary } from './vocabulary.ts';
import type { KeptMatches, LookAlikes } from './look-alikes.ts';
import { comparePacked, packDate } from './dates.ts';
import type { DobAgreement } from './dates.ts';
import { resized } from './typed-arrays.ts';

export interface ScreeningEntry extends PersonFacts {
  recordId: string;
}

export interface ScreeningCandidate extends ScreeningScore {
  recordId: string;
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

const STRIDE = 3;
/** A token on more than this share of records (and at least WALK_CAP_MIN) adds no new record to a full shortlist. */
const WALK_CAP_SHARE = 1 / 2000;
const WALK_CAP_MIN = 200;
/** In `birth`: the record has several dates of birth, kept in `otherBirths`. */
const SEVERAL_DATES = 1;
/**
 * How a date of birth in the query moves a record's blocking evidence. Name evidence alone
 * cannot tell namesakes apart: among ten million persons a common name is shared by more records
 * than the shortlist holds, and the one born on the queried day was cut at random (recall@20 with
 * the date of birth fell to 0.626). The factors follow the sign of the date's effect on the score.
 */
const DOB_BLOCKING: Record<DobAgreement, number> = {
  exact: 1.3, 'same-month': 1.3, 'day-month-swapped': 1.3, 'same-year': 1.15, 'one-digit': 1.15, 'year-off-by-one': 1.15,
  near: 1, different: 0.95,
};
const MIN_DOB_BLOCKING = Math.min(...Object.values(DOB_BLOCKING));
const MAX_DOB_BLOCKING = Math.max(...Object.values(DOB_BLOCKING));

/** A query unit's matches at or above its floor, most similar first, with their evidence. */
interface Unit {
  ids: Uint32Array;
  sims: Float64Array;
  /** Frequency-weighted evidence of each match. */
  gains: Float64Array;
  /** Evidence of each match with the token's own weight. */
  owns: Float64Array;
  maxGain: number;
  postingTotal: number;
  /** Postings of its rarest match. */
  minPostings: number;
}

/** What a record rebuilt for rescoring stands in for when the query compares names alone. */
const NAMES_ONLY: PersonFacts = Object.freeze({ names: [] });
const NONE: never[] = [];

export class ScreeningIndex {
  private readonly vocab = new Vocabulary();
  private readonly records = new RecordStore();
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly byIdentifier = new Map<string, number[]>();
  /**
   * Per record slot, STRIDE values side by side: the evidence of the current search; the
   * evidence counted with the tokens' own weights, to see what share of the record was matched;
   * the stamp of the last query unit that credited it (as Uint32, through `stateStamps`). The
   * walk reads and writes these at random, so they are kept as small as they can be.
   */
  private state = new Float32Array(1024 * STRIDE);
  private stateStamps = new Uint32Array(this.state.buffer);
  /** Per record slot, the own weight of its lightest name: the denominator of that share. */
  private lightest = new Float32Array(1024);
  /** Per record slot, its date of birth packed (see packDate); 0 when it has none. */
  private birth = new Uint32Array(1024);
  private readonly otherBirths = new Map<number, Uint32Array>();
  private stampNow = 0;
  /** Records the current search has credited, in the order found (reused: no garbage per search). */
  private touchedBuffer = new Uint32Array(1024);

  /** Number of records indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Distinct name tokens, and how many of them (the common ones) keep their look-alikes for good. */
  get tokens(): { distinct: number; common: number } {
    return { distinct: this.vocab.size, common: this.vocab.pinnedCount };
  }

  has(recordId: string): boolean {
    return this.slotOf.has(recordId);
  }

  /** Adds a record, replacing any record with the same id. */
  add(entry: ScreeningEntry): void {
    if (this.slotOf.has(entry.recordId)) this.remove(entry.recordId);
    const person = preparePerson(entry);
    const run: number[] = [];
    let lightest = Infinity;
    for (const name of person.names) {
      let weight = 0;
      for (const t of name.tokens) {
        run.push(this.vocab.idOf(this.vocab.intern(t)));
        weight += t.weight;
      }
      run.push(END_OF_NAME);
      lightest = Math.min(lightest, weight);
    }
    const slot = this.freeSlots.pop() ?? this.records.slots;
    this.records.set(slot, entry, run);
    this.slotOf.set(entry.recordId, slot);
    for (const v of this.records.distinctTokens(slot)) {
      this.vocab.addPosting(v, slot);
      this.vocab.pinIfCommon(v, this.slotOf.size);
    }
    for (const id of identifiersOf(person)) {
      const list = this.byIdentifier.get(id);
      if (list) list.push(slot); else this.byIdentifier.set(id, [slot]);
    }
    if (slot * STRIDE >= this.state.length) this.grow(slot + 1);
    this.lightest[slot] = lightest;
    const dates = person.dob;
    this.birth[slot] = dates.length === 0 ? 0 : dates.length === 1 ? packDate(dates[0].date) : SEVERAL_DATES;
    if (dates.length > 1) this.otherBirths.set(slot, Uint32Array.from(dates, (d) => packDate(d.date)));
  }

  /**
   * Renumbers the record slots so that records sharing their most common name token sit side by
   * side, and orders every posting list. The blocking walk reads one record's state per posting,
   * at random: after a bulk load (records arrive in database order) most of those reads miss the
   * processor's caches, and two replicas on one machine then wait on memory more than they compute.
   * Call it after building from the database; records added later take free or new slots.
   */
  compact(): void {
    const vocab = this.vocab;
    const records = this.records;
    const { pool, starts, lengths } = records.runs();
    const live: number[] = [];
    // Key: the record's most common name token, then its next most common, each by its place in
    // alphabetical order, so that look-alikes (Maria, Mariam, Marie), walked together, are near.
    const rank = vocab.alphabeticalRanks();
    const first = new Uint32Array(records.slots);
    const second = new Uint32Array(records.slots);
    for (let s = 0; s < records.slots; s++) {
      if (!records.has(s)) continue;
      live.push(s);
      let a = -1;
      let b = -1;
      for (let k = starts[s], end = k + lengths[s]; k < end; k++) {
        const id = pool[k];
        if (id === END_OF_NAME || id === a || id === b) continue;
        if (a < 0 || vocab.postingCount(id) > vocab.postingCount(a)) { b = a; a = id; } else if (b < 0 || vocab.postingCount(id) > vocab.postingCount(b)) b = id;
      }
      first[s] = a < 0 ? 0 : rank[a];
      second[s] = b < 0 ? 0 : rank[b];
    }
    const order = sortByKeys(Uint32Array.from(live), first, second, rank.length);
    const slotMap = new Uint32Array(records.slots);
    const lightest = new Float32Array(this.lightest.length);
    const birth = new Uint32Array(this.birth.length);
    for (let slot = 0; slot < order.length; slot++) {
      const old = order[slot];
      slotMap[old] = slot;
      lightest[slot] = this.lightest[old];
      birth[slot] = this.birth[old];
      this.slotOf.set(records.recordId(old), slot);
    }
    records.reorder(order);
    const moved = records.runs();
    vocab.relistPostings(order.length, moved.pool, moved.starts, moved.lengths);
    for (const [id, list] of this.byIdentifier) this.byIdentifier.set(id, list.map((s) => slotMap[s]));
    this.lightest = lightest;
    this.birth = birth;
    const others = [...this.otherBirths];
    this.otherBirths.clear();
    for (const [old, dates] of others) this.otherBirths.set(slotMap[old], dates);
    this.freeSlots.length = 0;
    this.state.fill(0);
    this.stampNow = 0;
  }

  /** Replaces a record (same as add; named for change events). */
  update(entry: ScreeningEntry): void {
    this.add(entry);
  }

  /** Removes a record; returns false when it was not indexed. */
  remove(recordId: string): boolean {
    const slot = this.slotOf.get(recordId);
    if (slot === undefined) return false;
    for (const v of this.records.distinctTokens(slot)) this.vocab.removePosting(v, slot);
    for (const id of identifiersOf(prepareOtherFacts(this.records.otherFacts(slot)))) {
      const list = (this.byIdentifier.get(id) ?? []).filter((s) => s !== slot);
      if (list.length) this.byIdentifier.set(id, list); else this.byIdentifier.delete(id);
    }
    this.records.delete(slot);
    this.birth[slot] = 0;
    this.otherBirths.delete(slot);
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
    const vocab = this.vocab;
    const weigh = (t: NameToken): number => {
      const id = vocab.idIfInterned(t);
      if (id !== undefined) return vocab.weightOfId(id, n);
      let w = weights.get(t);
      if (w === undefined) { w = vocab.weightOf(t, n); weights.set(t, w); }
      return w;
    };
    const threshold = options.use ? THRESHOLDS[options.use] : 0;
    const withFacts = needsOtherFacts(prepared);
    // Rank the shortlist on scores alone, then explain only what is returned.
    const ranked: { slot: number; score: number }[] = [];
    for (const slot of slots) {
      if (!this.records.has(slot)) continue;
      const record = this.recordPerson(slot, withFacts, false);
      // Frontline manifests are mostly people in no record: a date of birth that conflicts rules
      // most of the shortlist out before any name is compared.
      if (threshold > 0 && scoreCeiling(prepared, record) < threshold) continue;
      const { score } = scorePerson(prepared, record, { weigh, comparer, explain: false });
      if (score >= threshold) ranked.push({ slot, score });
    }
    ranked.sort((a, b) => b.score - a.score || this.byRecordId(a.slot, b.slot));
    return ranked.slice(0, limit).map(({ slot }) => (
      { ...scorePerson(prepared, this.recordPerson(slot, withFacts, true), { weigh, comparer }), recordId: this.records.recordId(slot) }));
  }

  /**
   * A stored record as scoring reads it: its names' tokens from the vocabulary; their written
   * forms when the score is explained; its other facts when the query has some to compare.
   */
  private recordPerson(slot: number, withFacts: boolean, explain: boolean): PreparedPerson {
    const { pool, start, end } = this.records.run(slot);
    const written = explain ? this.records.writtenNames(slot) : undefined;
    const names: NormalisedName[] = [];
    let tokens: NameToken[] = [];
    for (let i = start; i < end; i++) {
      if (pool[i] !== END_OF_NAME) { tokens.push(this.vocab.token(pool[i])); continue; }
      names.push({ raw: written ? written[names.length] : '', tokens, dropped: NONE });
      tokens = [];
    }
    if (!withFacts) return { facts: NAMES_ONLY, names, dob: NONE, nationality: NONE, identifiers: NONE };
    return { ...prepareOtherFacts(this.records.otherFacts(slot)), names };
  }

  /** The `shortlist` records with most frequency-weighted token evidence for the query's names. */
  private block(query: PreparedPerson, shortlist: number, comparer: SearchComparer): Set<number> {
    if (this.touchedBuffer.length < this.records.slots) this.touchedBuffer = new Uint32Array(this.records.slots * 2);
    const touched = this.touchedBuffer;
    let count = 0;
    const n = this.size;
    const vocab = this.vocab;
    // Rare units first: once the shortlist is full and what is left to add could not lift a
    // record that has nothing yet above the shortlist's floor, common units only add evidence
    // to records already found ("max-score" pruning: Mohammed costs a scan, not 50,000 entries).
    const units: Unit[] = [];
    for (const name of query.names) {
      for (const unit of vocab.queryUnits(name.tokens, comparer)) {
        const matches = vocab.similarTokens(unit.token, unit.joined);
        comparer.remember(unit.token, matches);
        const { ids, sims, owns } = this.keptOf(unit.token, matches);
        const count = ids.length;
        const gains = new Float64Array(count);
        let maxGain = 0;
        let postingTotal = 0;
        let minPostings = Infinity;
        for (let i = 0; i < count; i++) {
          const id = ids[i];
          gains[i] = sims[i] * vocab.weightOfId(id, n);
          if (gains[i] > maxGain) maxGain = gains[i];
          const postings = vocab.postingCount(id);
          postingTotal += postings;
          if (postings < minPostings) minPostings = postings;
        }
        units.push({ ids, sims, gains, owns, maxGain, postingTotal, minPostings });
      }
    }
    units.sort((a, b) => b.maxGain - a.maxGain);
    let remaining = units.reduce((sum, u) => sum + u.maxGain, 0);
    let shortlistFloor = -1;
    // One record's evidence, coverage and stamp sit side by side (see `state`).
    const state = this.state;
    const stamps = this.stateStamps;
    const walkCap = Math.max(WALK_CAP_MIN, n * WALK_CAP_SHARE);
    for (const unit of units) {
      if (shortlistFloor < 0 && count >= shortlist) {
        const values = new Float32Array(count);
        for (let i = 0; i < count; i++) values[i] = state[touched[i] * STRIDE];
        shortlistFloor = kthLargest(values, shortlist);
      }
      const addNew = shortlistFloor < 0 || remaining >= shortlistFloor;
      remaining -= unit.maxGain;
      // Once the shortlist could be filled, a very common token only adds evidence to records
      // already found: whoever it alone would add has little evidence (IDF) and plenty of company.
      const full = count >= shortlist;
      if ((!addNew || (full && unit.minPostings > walkCap)) && unit.postingTotal > 4 * count) {
        this.creditFound(touched.subarray(0, count), unit);
        continue;
      }
      this.stampNow = (this.stampNow + 1) >>> 0;
      if (this.stampNow === 0) { for (let i = 2; i < stamps.length; i += STRIDE) stamps[i] = 0; this.stampNow = 1; }
      const now = this.stampNow;
      const { ids, gains, owns } = unit;
      for (let m = 0; m < ids.length; m++) {
        const id = ids[m];
        const gain = gains[m];
        const own = owns[m];
        const postings = vocab.postings(id);
        const len = vocab.postingCount(id);
        const addsNew = addNew && (!full || len <= walkCap) ? 1 : 0;
        // Branch-free on purpose: whether a record is new or already credited is unpredictable,
        // and a mispredicted branch stalls the loads of the postings that follow it.
        for (let k = 0; k < len; k++) {
          const slot = postings[k];
          const at = slot * STRIDE;
          const stamp = stamps[at + 2] | 0;
          const found = stamps[at] | 0; // the evidence's bits: zero until a unit credits the record
          const fresh = ((stamp ^ now) | -(stamp ^ now)) >>> 31;
          const seen = (found | -found) >>> 31;
          const credit = fresh & (seen | addsNew);
          touched[count] = slot;
          count += credit & (seen ^ 1);
          stamps[at + 2] = stamp ^ ((stamp ^ now) & -credit);
          state[at] += gain * credit;
          state[at + 1] += own * credit;
        }
      }
    }
    // Rank by evidence, discounted for the share of the record's own name left unmatched, so
    // that "Maria Garcia" ranks "Maria Garcia" above "Maria Garcia Lopez de la Fuente".
    const keys = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const at = touched[i] * STRIDE;
      const share = Math.min(1, state[at + 1] / (this.lightest[touched[i]] || 1));
      keys[i] = state[at] * (0.6 + 0.4 * share);
      state[at] = 0;
      state[at + 1] = 0;
    }
    if (query.dob.length && count > shortlist) this.weighDates(query, touched, keys, count, shortlist);
    return new Set(topSlots(touched.subarray(0, count), keys, shortlist, (a, b) => this.byRecordId(a, b)));
  }

  /**
   * Moves the blocking keys by DOB_BLOCKING. Only records that the factors could still bring into
   * the shortlist are compared: comparing the dates of every record a common name touched cost
   * more than the rest of a frontline search.
   */
  private weighDates(query: PreparedPerson, touched: Uint32Array, keys: Float32Array, count: number, shortlist: number): void {
    const queryDates = query.dob.map((d) => packDate(d.date));
    // At least `shortlist` records keep MIN_DOB_BLOCKING of a key at or above `kth`: one whose key
    // times MAX_DOB_BLOCKING stays below that cannot get in, and keeps its key.
    const kth = kthLargest(keys.slice(0, count), shortlist);
    const floor = (kth * MIN_DOB_BLOCKING) / MAX_DOB_BLOCKING;
    for (let i = 0; i < count; i++) if (keys[i] >= floor) keys[i] *= this.dobFactor(queryDates, touched[i]);
  }

  /** The most favourable DOB_BLOCKING factor between the query's dates and the record's (1 when it has none). */
  private dobFactor(queryDates: number[], slot: number): number {
    const one = this.birth[slot];
    if (one === 0) return 1;
    let best = 0;
    for (const q of queryDates) {
      if (one !== SEVERAL_DATES) { best = Math.max(best, DOB_BLOCKING[comparePacked(q, one)]); continue; }
      for (const r of this.otherBirths.get(slot) ?? []) best = Math.max(best, DOB_BLOCKING[comparePacked(q, r)]);
    }
    return best || 1;
  }

  /** Orders two slots by their records' ids: how ties are broken, whatever the slots' order. */
  private byRecordId(a: number, b: number): number {
    const x = this.records.recordId(a);
    const y = this.records.recordId(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /**
   * The matches that count for a query token, most similar first, computed once per look-up
   * result. Weak look-alikes of a token that has strong ones add records, not evidence. Between
   * Latin spellings a close one makes distant ones noise (Jonathan against Johansson): they would
   * only walk long postings. Transliterations drift further, so matches in other scripts keep
   * the lower floor.
   */
  private keptOf(token: NameToken, found: LookAlikes): KeptMatches {
    if (found.kept) return found.kept;
    const vocab = this.vocab;
    const { ids, sims } = found;
    const floor = sims.length && sims[0] >= STRONG_SIMILARITY ? STRONG_SIMILARITY : 0;
    let latinFloor = floor;
    if (token.family === 'latin') {
      for (let i = 0; i < ids.length; i++) if (vocab.isLatin(ids[i]) && sims[i] >= LATIN_STRONG_SIMILARITY) latinFloor = LATIN_STRONG_SIMILARITY;
    }
    const at: number[] = [];
    for (let i = 0; i < ids.length; i++) if (sims[i] >= (vocab.isLatin(ids[i]) ? latinFloor : floor)) at.push(i);
    const kept: KeptMatches = { ids: new Uint32Array(at.length), sims: new Float64Array(at.length), owns: new Float64Array(at.length) };
    at.forEach((i, k) => {
      kept.ids[k] = ids[i];
      kept.sims[k] = sims[i];
      kept.owns[k] = sims[i] * vocab.tokenWeight(ids[i]);
    });
    found.kept = kept;
    return kept;
  }

  /**
   * Adds a common unit's evidence to the records already found by looking at their tokens,
   * instead of walking the unit's long postings (which could add no new record anyway).
   */
  private creditFound(touched: Uint32Array, unit: Unit): void {
    const best = new Map<number, number>();
    for (let i = 0; i < unit.ids.length; i++) if (!best.has(unit.ids[i])) best.set(unit.ids[i], i);
    const state = this.state;
    const { pool, starts, lengths } = this.records.runs();
    for (const slot of touched) {
      let top = -1;
      for (let k = starts[slot], end = k + lengths[slot]; k < end; k++) {
        const i = best.get(pool[k]);
        if (i !== undefined && (top < 0 || unit.sims[i] > unit.sims[top])) top = i;
      }
      if (top < 0) continue;
      const at = slot * STRIDE;
      state[at] += unit.gains[top];
      state[at + 1] += unit.owns[top];
    }
  }

  private grow(min: number): void {
    let size = this.state.length / STRIDE;
    while (size < min) size *= 2;
    this.state = resized(this.state, size * STRIDE);
    this.stateStamps = new Uint32Array(this.state.buffer);
    this.lightest = resized(this.lightest, size);
    this.birth = resized(this.birth, size);
  }
}

/** A prepared record's identifiers, as the index looks them up. */
function identifiersOf(person: Omit<PreparedPerson, 'names'>): string[] {
  return person.identifiers.length ? [...new Set(person.identifiers.map((i) => i.value))] : NONE;
}

/** `slots` ordered by `first[slot]`, then `second[slot]` (both below `range`): a two-pass radix sort. */
function sortByKeys(slots: Uint32Array, first: Uint32Array, second: Uint32Array, range: number): Uint32Array {
  const bySecond = countingSort(slots, second, range);
  return countingSort(bySecond, first, range);
}

/** A stable counting sort of `slots` by `key[slot]` (below `range`). */
function countingSort(slots: Uint32Array, key: Uint32Array, range: number): Uint32Array {
  const start = new Uint32Array(range + 1);
  for (const s of slots) start[key[s] + 1]++;
  for (let k = 1; k <= range; k++) start[k] += start[k - 1];
  const out = new Uint32Array(slots.length);
  for (const s of slots) out[start[key[s]]++] = s;
  return out;
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

/**
 * The `k` slots with the highest keys (keys[i] belongs to slots[i]); order not kept. Ties at the
 * cut go by `tieOrder`, not by where the records happen to sit, so that the answer does not
 * depend on the order records were loaded in (see compact).
 */
function topSlots(slots: Uint32Array, keys: Float32Array, k: number, tieOrder: (a: number, b: number) => number): ArrayLike<number> & Iterable<number> {
  if (slots.length <= k) return slots;
  // The k-th largest key by selection on a copy, then every slot above it and ties up to k.
  const cut = kthLargest(Float32Array.from(keys), k);
  const out: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    if (keys[i] > cut) out.push(slots[i]); else if (keys[i] === cut) tied.push(slots[i]);
  }
  if (out.length + tied.length > k) tied.sort(tieOrder);
  for (let i = 0; i < tied.length && out.length < k; i++) out.push(tied[i]);
  return out;
}

export { THRESHOLDS };
