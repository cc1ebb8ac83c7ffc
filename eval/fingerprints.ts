/**
 * Fingerprint matcher evaluation on FVC2002 DB1_B and DB2_B (10 fingers × 8 impressions each),
 * following the FVC protocol:
 *   genuine  — every two impressions i < j of the same finger: 28 per finger, 280 per database;
 *   impostor — impression 1 of each finger against impression 1 of every later finger: 45.
 * With 45 impostor scores FMR100 and FMR1000 cannot differ from ZeroFMR, so the same rates are
 * also reported against every different-finger pair (2,880 per database, plus 6,400 across the
 * two). Identification: for each impression number g, a gallery of impression g of every finger,
 * every other impression a probe; rank-1 rate averaged over g.
 *
 * Run: npx tsx eval/fingerprints.ts
 */
import { compare, MATCH_THRESHOLD, prepare } from '../src/biometrics/matcher.ts';
import type { PreparedTemplate } from '../src/biometrics/matcher.ts';
import { allImpostorPairs, errorRates, falseMatchRate, falseNonMatchRate, fvcGenuinePairs, fvcImpostorPairs, rank1Rate, thresholdAtFmr } from '../src/biometrics/evaluation.ts';
import type { ErrorRates } from '../src/biometrics/evaluation.ts';
import { loadFvcDatabase, loadSourceAfisSamples } from '../src/biometrics/reference-data.ts';

interface Item {
  index: number;
  id: string;
  db: 'DB1_B' | 'DB2_B';
  /** Unique across databases (DB2 fingers offset by 1000) so combined runs do not mix fingers. */
  finger: number;
  impression: number;
  prepared: PreparedTemplate;
}

const started = performance.now();
const items: Item[] = [];
for (const db of ['DB1_B', 'DB2_B'] as const) {
  for (const x of loadFvcDatabase(db)) {
    items.push({ index: items.length, id: x.id, db, finger: x.finger + (db === 'DB2_B' ? 1000 : 0), impression: x.impression, prepared: prepare(x.record) });
  }
}
const n = items.length;
const cache = new Float64Array(n * n).fill(NaN);
let comparisons = 0;
let compareMs = 0;
function score(a: Item, b: Item): number {
  let s = cache[a.index * n + b.index];
  if (Number.isNaN(s)) {
    const t = performance.now();
    s = compare(a.prepared, b.prepared);
    compareMs += performance.now() - t;
    comparisons++;
    cache[a.index * n + b.index] = s;
  }
  return s;
}
const scorePairs = (pairs: [Item, Item][]): number[] => pairs.map(([a, b]) => score(a, b));
const pct = (v: number): string => `${(v * 100).toFixed(2)} %`;
function line(label: string, r: ErrorRates, rank1?: number): string {
  const parts = [`${label.padEnd(30)} genuine ${String(r.genuine).padStart(4)}  impostor ${String(r.impostor).padStart(5)}`, `EER ${pct(r.eer)}`, `FMR100 ${pct(r.fmr100)}`, `FMR1000 ${pct(r.fmr1000)}`, `ZeroFMR ${pct(r.zeroFmr)}`];
  if (rank1 !== undefined) parts.push(`rank-1 ${pct(rank1)}`);
  return parts.join('  ');
}

const db1 = items.filter((x) => x.db === 'DB1_B');
const db2 = items.filter((x) => x.db === 'DB2_B');
const sets = { DB1_B: db1, DB2_B: db2 };
const genuine = { DB1_B: scorePairs(fvcGenuinePairs(db1)), DB2_B: scorePairs(fvcGenuinePairs(db2)) };
const fvcImpostor = { DB1_B: scorePairs(fvcImpostorPairs(db1)), DB2_B: scorePairs(fvcImpostorPairs(db2)) };
const allImpostor = { DB1_B: scorePairs(allImpostorPairs(db1)), DB2_B: scorePairs(allImpostorPairs(db2)) };
const crossImpostor = db1.flatMap((a) => db2.map((b) => score(a, b)));

console.log('Vigil fingerprint matcher — FVC2002 DB1_B and DB2_B (ISO/IEC 19794-2 templates)\n');
console.log('FVC protocol (genuine: all i<j impressions of a finger; impostor: first impressions of different fingers)');
for (const db of ['DB1_B', 'DB2_B'] as const) {
  console.log(line(db, errorRates(genuine[db], fvcImpostor[db]), rank1Rate(sets[db], score)));
}
const genuineBoth = [...genuine.DB1_B, ...genuine.DB2_B];
console.log(line('combined (pooled scores)', errorRates(genuineBoth, [...fvcImpostor.DB1_B, ...fvcImpostor.DB2_B]), rank1Rate(items, score)));
console.log('  (combined rank-1: galleries of 20 fingers from both databases)');

console.log('\nSame genuine scores against every different-finger pair (meaningful FMR100 / FMR1000)');
for (const db of ['DB1_B', 'DB2_B'] as const) console.log(line(db, errorRates(genuine[db], allImpostor[db])));
const everyImpostor = [...allImpostor.DB1_B, ...allImpostor.DB2_B, ...crossImpostor];
console.log(line('combined (+ 6,400 across DBs)', errorRates(genuineBoth, everyImpostor)));

console.log('\nDecision threshold');
const derived = thresholdAtFmr(everyImpostor, 0.001);
console.log(`  lowest score with FMR ≤ 0.1 % over all ${everyImpostor.length} different-finger pairs: ${derived.toFixed(4)}; exported MATCH_THRESHOLD = ${MATCH_THRESHOLD}`);
for (const db of ['DB1_B', 'DB2_B'] as const) {
  console.log(`  at MATCH_THRESHOLD, ${db}: FMR ${pct(falseMatchRate(allImpostor[db], MATCH_THRESHOLD))}  FNMR ${pct(falseNonMatchRate(genuine[db], MATCH_THRESHOLD))}`);
}
console.log(`  at MATCH_THRESHOLD, across databases: FMR ${pct(falseMatchRate(crossImpostor, MATCH_THRESHOLD))}`);
// Cross-check against tuning on the reported data: pick on one database, apply to the other.
for (const [pick, test] of [['DB1_B', 'DB2_B'], ['DB2_B', 'DB1_B']] as const) {
  const t = thresholdAtFmr(allImpostor[pick], 0.001);
  console.log(`  threshold picked on ${pick} alone (${t.toFixed(4)}) applied to ${test}: FMR ${pct(falseMatchRate(allImpostor[test], t))}  FNMR ${pct(falseNonMatchRate(genuine[test], t))}`);
}

const sa = loadSourceAfisSamples();
const probe = prepare(sa.probe);
console.log('\nSourceAFIS samples (the probe and matching records are byte-identical)');
console.log(`  probe vs matching: ${compare(probe, prepare(sa.matching)).toFixed(4)}   probe vs non-matching: ${compare(probe, prepare(sa.nonmatching)).toFixed(4)}   threshold ${MATCH_THRESHOLD}`);

console.log(`\n${comparisons} comparisons, ${(compareMs / comparisons).toFixed(3)} ms each; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
