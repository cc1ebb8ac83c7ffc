/**
 * 1:N search. A gallery keeps every enrolled template prepared, plus an inverted index of their
 * minutia-pair keys (pairs.ts). A search runs in two stages:
 *   1. pre-filter: every probe pair key votes for the gallery templates that hold it, in the
 *      rotation bin its orientation implies; a template's pre-filter score is its best pair of
 *      adjacent rotation bins. Only postings are touched, no template is opened.
 *   2. the full matcher (compare.ts) re-scores the shortlist of best pre-filter scores.
 * The index is rebuilt lazily on the first search after enrolments or removals, so bulk
 * enrolment costs one build.
 */
import { DEFAULT_MAX_ROTATION, compare } from './compare.ts';
import type { CompareOptions, PreparedTemplate } from './compare.ts';
import { KEY_COUNT, PAIRS, pairFeatures, probeLookups } from './pairs.ts';
import type { PairFeatures } from './pairs.ts';

export interface IdentifyOptions extends CompareOptions {
  /** Candidates returned, best first (default 10). */
  limit?: number;
  /** Gallery templates re-scored by the full matcher after the pre-filter (default 300). */
  shortlist?: number;
  /** Only candidates with at least this score are returned (default: no floor). */
  minScore?: number;
  /** Candidates this returns false for are skipped, e.g. records the searching user may not see. */
  filter?: (id: string) => boolean;
}

export interface Candidate {
  id: string;
  score: number;
}

export const DEFAULT_LIMIT = 10;
export const DEFAULT_SHORTLIST = 300;
/** Templates kept by the pre-filter's first pass: 3 % of the gallery, at least 2,000. */
function coarseCandidates(n: number): number {
  return Math.max(2000, Math.ceil(n * 0.03));
}
const ROTATION_SHIFT = 8 - Math.log2(PAIRS.rotationBins);

interface Index {
  /** offsets[k]..offsets[k+1] are the postings of key k. */
  offsets: Int32Array;
  slot: Int32Array;
  orientation: Uint8Array;
  /** Pass 1: votes per slot, any allowed rotation. */
  coarse: Uint16Array;
  /** Pass 2: votes per chosen slot and rotation bin. */
  votes: Uint16Array;
  prefilter: Float32Array;
}

export class FingerprintGallery {
  private ids: string[] = [];
  private templates: (PreparedTemplate | undefined)[] = [];
  private features: (PairFeatures | undefined)[] = [];
  private slots = new Map<string, number>();
  private index: Index | undefined;

  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Enrols a template; enrolling an id again replaces its template. */
  add(id: string, template: PreparedTemplate): void {
    this.remove(id);
    this.slots.set(id, this.ids.length);
    this.ids.push(id);
    this.templates.push(template);
    this.features.push(pairFeatures(template.minutiae));
    this.index = undefined;
  }

  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.slots.delete(id);
    this.templates[slot] = undefined;
    this.features[slot] = undefined;
    this.index = undefined;
    return true;
  }

  /** Builds the inverted index now rather than on the next search. */
  build(): void {
    if (this.index) return;
    // Removed slots leave holes; compact them away before indexing.
    if (this.slots.size < this.ids.length) this.compact();
    const counts = new Int32Array(KEY_COUNT + 1);
    for (const f of this.features) if (f) for (const k of f.keys) counts[k + 1]++;
    for (let k = 0; k < KEY_COUNT; k++) counts[k + 1] += counts[k];
    const total = counts[KEY_COUNT];
    const slot = new Int32Array(total);
    const orientation = new Uint8Array(total);
    const fill = counts.slice(0, KEY_COUNT);
    this.features.forEach((f, s) => {
      if (!f) return;
      for (let i = 0; i < f.keys.length; i++) {
        const at = fill[f.keys[i]]++;
        slot[at] = s;
        orientation[at] = f.orientation[i];
      }
    });
    const n = this.ids.length;
    this.index = {
      offsets: counts,
      slot,
      orientation,
      coarse: new Uint16Array(n),
      votes: new Uint16Array(coarseCandidates(n) * PAIRS.rotationBins),
      prefilter: new Float32Array(n),
    };
  }

  private compact(): void {
    const keep = this.ids.map((_, s) => s).filter((s) => this.templates[s] !== undefined);
    this.ids = keep.map((s) => this.ids[s]);
    this.templates = keep.map((s) => this.templates[s]);
    this.features = keep.map((s) => this.features[s]);
    this.slots = new Map(this.ids.map((id, s) => [id, s]));
  }

  /**
   * Stage 1 scores for every slot (exposed for evaluating the pre-filter), in two passes over the
   * probe's postings. Pass 1 counts each template's votes whatever their rotation, in one counter
   * per template: small enough to stay in cache, which a counter per rotation bin for 100,000
   * templates is not. Pass 2 recounts the votes of the best pass-1 templates by rotation; the
   * rest score 0.
   */
  prefilterScores(probe: PreparedTemplate, maxRotation = DEFAULT_MAX_ROTATION, accept?: (slot: number) => boolean): Float32Array {
    this.build();
    const { offsets, slot, orientation, coarse, votes, prefilter } = this.index as Index;
    const n = this.ids.length;
    const lookups = probeLookups(probe.minutiae);
    const bins = PAIRS.rotationBins;
    // Rotation windows (bins r and r+1, centred on (r+1)·binWidth) farther than maxRotation are not counted.
    const window = new Uint8Array(bins);
    const binUsed = new Uint8Array(bins);
    for (let r = 0; r < bins; r++) {
      const centre = ((r + 1) * 2 * Math.PI) / bins;
      if (Math.min(centre, 2 * Math.PI - centre) > maxRotation + Math.PI / bins) continue;
      window[r] = 1;
      binUsed[r] = binUsed[(r + 1) % bins] = 1;
    }
    coarse.fill(0);
    for (let q = 0; q < lookups.keys.length; q++) {
      const k = lookups.keys[q];
      const o = lookups.orientation[q];
      for (let p = offsets[k], end = offsets[k + 1]; p < end; p++) {
        if (binUsed[((orientation[p] - o) & 255) >> ROTATION_SHIFT]) coarse[slot[p]]++;
      }
    }
    for (let s = 0; s < n; s++) {
      const f = this.features[s];
      prefilter[s] = f ? coarse[s] / Math.sqrt(f.keys.length + 16) : -1;
    }
    // The caller's filter applies here already: templates it would drop must not crowd out the rest.
    const chosen = topSlots(prefilter, Math.min(n, coarseCandidates(n)), accept);
    // Pass 2 walks each chosen template's own pairs against the probe's keys (a per-query index of
    // the probe), far cheaper than a second walk over the postings.
    const probeOffsets = new Int32Array(KEY_COUNT + 1);
    for (const k of lookups.keys) probeOffsets[k + 1]++;
    for (let k = 0; k < KEY_COUNT; k++) probeOffsets[k + 1] += probeOffsets[k];
    const probeOrientation = new Uint8Array(lookups.keys.length);
    const fill = probeOffsets.slice(0, KEY_COUNT);
    lookups.keys.forEach((k, q) => {
      probeOrientation[fill[k]++] = lookups.orientation[q];
    });
    votes.fill(0, 0, chosen.length * bins);
    chosen.forEach((s, c) => {
      const f = this.features[s] as PairFeatures;
      const row = c * bins;
      for (let i = 0; i < f.keys.length; i++) {
        const k = f.keys[i];
        const o = f.orientation[i];
        for (let q = probeOffsets[k], end = probeOffsets[k + 1]; q < end; q++) votes[row + (((o - probeOrientation[q]) & 255) >> ROTATION_SHIFT)]++;
      }
    });
    for (let s = 0; s < n; s++) if (prefilter[s] > 0) prefilter[s] = 0;
    chosen.forEach((s, c) => {
      let best = 0;
      for (let r = 0; r < bins; r++) {
        if (!window[r]) continue;
        const v = votes[c * bins + r] + votes[c * bins + ((r + 1) % bins)];
        if (v > best) best = v;
      }
      // Templates with many pairs collect more chance votes; the square root damps that.
      prefilter[s] = best / Math.sqrt((this.features[s] as PairFeatures).keys.length + 16);
    });
    return prefilter;
  }

  identify(probe: PreparedTemplate, options: IdentifyOptions = {}): Candidate[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const shortlist = Math.max(limit, options.shortlist ?? DEFAULT_SHORTLIST);
    if (this.size === 0 || limit <= 0) return [];
    const filter = options.filter;
    const accept = filter ? (s: number): boolean => filter(this.ids[s]) : undefined;
    const scores = this.prefilterScores(probe, options.maxRotation, accept);
    const chosen = topSlots(scores, shortlist, accept);
    const out: Candidate[] = [];
    for (const s of chosen) {
      const score = compare(probe, this.templates[s] as PreparedTemplate, options);
      if (options.minScore === undefined || score >= options.minScore) out.push({ id: this.ids[s], score });
    }
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }
}

/** Slots of the k highest scores (scores < 0 mean empty), via a size-k min-heap. */
function topSlots(scores: Float32Array, k: number, accept?: (slot: number) => boolean): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  for (let s = 0; s < scores.length; s++) {
    if (scores[s] < 0) continue;
    if (heap.length === k && !less(heap[0], s)) continue;
    if (accept && !accept(s)) continue;
    if (heap.length < k) {
      heap.push(s);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else {
      heap[0] = s;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k && less(heap[l], heap[m])) m = l;
        if (r < k && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
  }
  return heap;
}
