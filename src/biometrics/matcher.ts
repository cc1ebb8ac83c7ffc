/**
 * Public face of the fingerprint matcher: prepare a template once, compare two (1:1), or search a
 * gallery (1:N). The algorithm lives in compare.ts (MCC + LSS-R + global consolidation) and
 * gallery.ts (pair-key pre-filter, then full comparison of a shortlist).
 */
import { compare } from './compare.ts';
import type { PreparedTemplate } from './compare.ts';
import { FingerprintGallery } from './gallery.ts';
import type { Candidate, IdentifyOptions } from './gallery.ts';

export { DEFAULT_MAX_ROTATION, compare, compareDetailed, prepare } from './compare.ts';
export type { CompareOptions, ComparisonDetail, PreparedTemplate } from './compare.ts';
export { FingerprintGallery } from './gallery.ts';
export type { Candidate, IdentifyOptions } from './gallery.ts';

/**
 * Decision threshold: compare() ≥ MATCH_THRESHOLD means "same finger". Chosen on FVC2002 DB1_B
 * and DB2_B as the lowest score at which at most 0.1 % of all 12,160 different-finger
 * comparisons (every pair within each database, and every pair across them) match (0.0802),
 * rounded up. eval/fingerprints.ts recomputes it and reports each database's FMR and FNMR at it,
 * and the threshold picked on one database alone applied to the other.
 */
export const MATCH_THRESHOLD = 0.081;

export interface GalleryEntry {
  id: string;
  template: PreparedTemplate;
}

/**
 * Ranked candidates for a probe, best first. A FingerprintGallery is searched through its
 * pre-filter; a plain list of entries (small galleries) is compared exhaustively.
 */
export function identify(probe: PreparedTemplate, gallery: FingerprintGallery | Iterable<GalleryEntry>, options: IdentifyOptions = {}): Candidate[] {
  if (gallery instanceof FingerprintGallery) return gallery.identify(probe, options);
  const limit = options.limit ?? 10;
  const out: Candidate[] = [];
  for (const entry of gallery) {
    if (options.filter && !options.filter(entry.id)) continue;
    const score = compare(probe, entry.template, options);
    if (options.minScore === undefined || score >= options.minScore) out.push({ id: entry.id, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, Math.max(0, limit));
}

/** Whether a score means the same finger at the exported threshold. */
export function isMatch(score: number): boolean {
  return score >= MATCH_THRESHOLD;
}
