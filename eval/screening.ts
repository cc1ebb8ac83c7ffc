// Screening quality on real reference data (npm run eval:screening):
//  (a) cross-script pairs (Latin ↔ Arabic, Chinese, Hebrew, katakana, Korean, Russian) from
//      Wikidata, with non-matching pairs made by pairing each native name with another row's
//      Latin name; the threshold is picked on the even rows and reported on the odd rows;
//  (b) 80 spellings of one name in 15 scripts: each must find the others, pairwise and from an
//      index holding ~10,000 distractor names;
//  (c) a sanctions-search tool's scores on 170 query/candidate pairs, as a ranking check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normaliseName } from '../src/screening/names.ts';
import { compareNames } from '../src/screening/similarity.ts';
import { ScreeningIndex } from '../src/screening/index.ts';
import { THRESHOLDS } from '../src/screening/score.ts';

const DATA = path.resolve(process.cwd(), '../shared/data');
const SCRIPTS = ['arabic', 'chinese', 'hebrew', 'katakana', 'korean', 'russian'];
const f3 = (x: number): string => x.toFixed(3);
const progress = (msg: string): void => { process.stderr.write(`${msg}\n`); };

/** Deterministic PRNG (mulberry32) so every run builds the same negative pairs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scored { score: number; match: boolean }

function confusion(items: Scored[], threshold: number): { p: number; r: number; f1: number } {
  let tp = 0, fp = 0, fn = 0;
  for (const it of items) {
    if (it.score >= threshold) { if (it.match) tp++; else fp++; } else if (it.match) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The threshold with the best F1 on `items` (the lowest such, to favour recall). */
function pickThreshold(items: Scored[]): number {
  const cuts = [...new Set(items.map((i) => i.score))].sort((a, b) => a - b);
  let best = 0, bestF = -1;
  for (const t of cuts) {
    const { f1 } = confusion(items, t);
    if (f1 > bestF + 1e-9) { bestF = f1; best = t; }
  }
  return best;
}

// ---- (a) cross-script pairs -------------------------------------------------------------------

interface Pair { latin: string; native: string }

function readPairs(script: string): Pair[] {
  const file = path.join(DATA, 'names', `netranslit_wd_${script}_16.dev.tsv`);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [latin, native] = line.split('\t');
    // The native name's characters are space-separated in this data set.
    return { latin, native: native.replace(/ /g, '') };
  });
}

function scorePairs(rows: Pair[], seed: number): Scored[] {
  const rand = prng(seed);
  const truth = new Set(rows.map((r) => `${r.latin}\t${r.native}`));
  const out: Scored[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { latin, native } = rows[i];
    const nn = normaliseName(native);
    out.push({ score: compareNames(nn, normaliseName(latin)).score, match: true });
    let j = Math.floor(rand() * rows.length);
    if (j === i) j = (j + 1) % rows.length;
    const other = rows[j].latin;
    if (other === latin || truth.has(`${other}\t${native}`)) continue;
    out.push({ score: compareNames(nn, normaliseName(other)).score, match: false });
  }
  return out;
}

function crossScript(): number {
  console.log('\n(a) Cross-script pairs (Wikidata): Latin ↔ native; one non-matching pair per row');
  const calib: Scored[] = [];
  const test = new Map<string, { items: Scored[]; rows: Pair[] }>();
  for (const [k, script] of SCRIPTS.entries()) {
    progress(`(a) scoring ${script} pairs…`);
    const rows = readPairs(script);
    const even = rows.filter((_, i) => i % 2 === 0);
    const odd = rows.filter((_, i) => i % 2 === 1);
    calib.push(...scorePairs(even, 1000 + k));
    test.set(script, { items: scorePairs(odd, 2000 + k), rows: odd });
  }
  const threshold = pickThreshold(calib);
  console.log(`  decision threshold ${f3(threshold)} (best F1 on the even rows of all six files; figures below are the odd rows)`);
  console.log('  script      pairs   precision  recall  F1      recall@1  recall@10  (index of the Latin names, queried by native)');
  const all: Scored[] = [];
  for (const [script, { items, rows }] of test) {
    all.push(...items);
    const c = confusion(items, threshold);
    const rk = recallAtK(rows, [1, 10]);
    console.log(`  ${script.padEnd(10)} ${String(items.filter((i) => i.match).length).padStart(6)}   ${f3(c.p)}      ${f3(c.r)}   ${f3(c.f1)}   ${f3(rk[0])}     ${f3(rk[1])}`);
  }
  const c = confusion(all, threshold);
  console.log(`  all        ${String(all.filter((i) => i.match).length).padStart(6)}   ${f3(c.p)}      ${f3(c.r)}   ${f3(c.f1)}`);
  for (const use of ['frontline', 'analyst'] as const) {
    const u = confusion(all, THRESHOLDS[use]);
    console.log(`  all at the ${use} threshold ${f3(THRESHOLDS[use])}: precision ${f3(u.p)}, recall ${f3(u.r)}, F1 ${f3(u.f1)}`);
  }
  return threshold;
}

/** Share of native names whose Latin name ranks in the top k when all Latin names are indexed. */
function recallAtK(rows: Pair[], ks: number[]): number[] {
  const index = new ScreeningIndex();
  rows.forEach((r, i) => index.add({ recordId: String(i), names: [r.latin] }));
  const hits = ks.map(() => 0);
  const maxK = Math.max(...ks);
  for (const r of rows) {
    const found = index.search({ names: [r.native] }, { limit: maxK }).map((c) => rows[Number(c.recordId)].latin);
    ks.forEach((k, i) => { if (found.slice(0, k).includes(r.latin)) hits[i]++; });
  }
  return hits.map((h) => h / rows.length);
}

// ---- (b) one person, 80 spellings ----------------------------------------------------------------

function distractors(count: number): string[] {
  const names = new Set<string>();
  const febrl = readFileSync(path.join(DATA, 'er', 'febrl_dataset3.csv'), 'utf8').split('\n').slice(1);
  for (const line of febrl) {
    const cols = line.split(',').map((s) => s.trim());
    if (cols[1] && cols[2]) names.add(`${cols[1]} ${cols[2]}`);
  }
  const splink = readFileSync(path.join(DATA, 'er', 'splink_fake_1000.csv'), 'utf8').split('\n').slice(1);
  for (const line of splink) {
    const cols = line.split(',');
    if (cols[1] && cols[2]) names.add(`${cols[1]} ${cols[2]}`);
  }
  // Two-word names from the Wikidata lists, in Latin and in the native scripts.
  const notPutin = /put[iy]n|poutin|poetin|путин|пуцін|путін/i;
  for (const script of SCRIPTS) {
    const rows = readPairs(script).filter((r) => !notPutin.test(r.latin) && !notPutin.test(r.native));
    for (let i = 0; i + 1 < rows.length; i += 2) {
      names.add(`${rows[i].latin} ${rows[i + 1].latin}`);
      names.add(`${rows[i].native} ${rows[i + 1].native}`);
    }
  }
  return [...names].slice(0, count);
}

function putin(crossThreshold: number): void {
  const variants = readFileSync(path.join(DATA, 'names', 'nomenklatura_putin_names.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  console.log(`\n(b) ${variants.length} spellings of one name (15 scripts)`);
  const norm = variants.map(normaliseName);
  const scores: number[] = [];
  for (let i = 0; i < norm.length; i++) for (let j = 0; j < norm.length; j++) if (i !== j) scores.push(compareNames(norm[i], norm[j]).score);
  for (const [label, t] of [['frontline', THRESHOLDS.frontline], ['analyst', THRESHOLDS.analyst], ['(a) threshold', crossThreshold]] as const) {
    console.log(`  pairwise recall at ${label} ${f3(t)}: ${f3(scores.filter((s) => s >= t).length / scores.length)} of ${scores.length} ordered pairs`);
  }
  progress('(b) indexing distractors…');
  const index = new ScreeningIndex();
  const extra = distractors(10_000);
  extra.forEach((n, i) => index.add({ recordId: `d${i}`, names: [n] }));
  variants.forEach((n, i) => index.add({ recordId: `p${i}`, names: [n] }));
  const others = variants.length - 1;
  for (const k of [others, 100, 200]) {
    let found = 0;
    let worst = { recall: 1, name: '' };
    for (const [i, v] of variants.entries()) {
      const got = index.search({ names: [v] }, { limit: k + 1 }).filter((c) => c.recordId !== `p${i}`).slice(0, k);
      const n = got.filter((c) => c.recordId.startsWith('p')).length;
      found += n;
      if (n / others < worst.recall) worst = { recall: n / others, name: v };
    }
    console.log(`  recall@${k} among ${extra.length} distractors: ${f3(found / (others * variants.length))} (worst query: "${worst.name}" ${f3(worst.recall)})`);
  }
}

// ---- (c) ranking check against a sanctions-search tool ----------------------------------------

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length + 1) / 2;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - mean) * (rb[i] - mean);
    da += (ra[i] - mean) ** 2;
    db += (rb[i] - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}

function ofac(): void {
  const lines = readFileSync(path.join(DATA, 'names', 'nomenklatura_ofac_fixtures.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const rows = lines.map(parseCsvLine).map(([q, r, s]) => ({ q, r, theirs: Number(s), ours: compareNames(normaliseName(q), normaliseName(r)).score }));
  console.log(`\n(c) Sanctions-search tool fixtures: ${rows.length} pairs (their score 0–100; -1 = not returned)`);
  console.log(`  Spearman correlation (ours vs theirs, -1 as 0): ${f3(spearman(rows.map((x) => x.ours), rows.map((x) => Math.max(0, x.theirs))))}`);
  for (const [theirT, ourLabel, ourT] of [[85, 'frontline', THRESHOLDS.frontline], [90, 'analyst', THRESHOLDS.analyst]] as const) {
    const agree = rows.filter((x) => (x.theirs >= theirT) === (x.ours >= ourT)).length;
    console.log(`  agreement, theirs ≥ ${theirT} vs ours ≥ ${ourLabel} ${f3(ourT)}: ${f3(agree / rows.length)}`);
  }
  const worst = [...rows].sort((a, b) => Math.abs(b.ours * 100 - Math.max(0, b.theirs)) - Math.abs(a.ours * 100 - Math.max(0, a.theirs))).slice(0, 8);
  console.log('  largest disagreements (query | candidate | theirs | ours):');
  for (const w of worst) console.log(`    ${w.q} | ${w.r} | ${w.theirs} | ${(w.ours * 100).toFixed(0)}`);
}

const t0 = performance.now();
const threshold = crossScript();
putin(threshold);
ofac();
console.log(`\nthresholds in use: frontline ${THRESHOLDS.frontline}, analyst ${THRESHOLDS.analyst}; run time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
