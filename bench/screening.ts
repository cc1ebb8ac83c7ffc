// Screening index benchmark (npm run bench:screening -- --names 1000000):
// builds the in-memory index from N synthetic multicultural persons, runs perturbed queries
// (typos, dropped middle names, swapped order, other script or romanisation) and reports
// latency, throughput, recall@20 and the time to screen a 300-person manifest.
import os from 'node:os';
import { ScreeningIndex } from '../src/screening/index.ts';
import { WorkerIndex } from '../src/screening/pool.ts';
import type { PersonFacts } from '../src/screening/score.ts';
import type { SearchOptions } from '../src/screening/index.ts';
import type { ScreeningEntry } from '../src/screening/index.ts';
import { createRng, perturbedQuery, PERTURBATIONS, syntheticPerson } from '../src/screening/synthetic.ts';
import type { Perturbation } from '../src/screening/synthetic.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1].replace(/_/g, '')) : fallback;
}

const N = arg('names', 1_000_000);
const QUERIES = arg('queries', 1000);
const SEED = arg('seed', 7);
const SHORTLIST = arg('shortlist', 0) || undefined;
const WORKERS = arg('workers', Math.min(2, os.availableParallelism()));
// As the server does after loading the database; `--compact 0` shows what it is worth.
const COMPACT = arg('compact', 1) !== 0;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const progress = (msg: string): void => { process.stderr.write(`${msg}\n`); };
const gc = (globalThis as { gc?: () => void }).gc;

/** Typed arrays' contents live outside the V8 heap (`arrayBuffers`): the index keeps most of its numbers there. */
function memory(): { heap: number; buffers: number; rss: number } {
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

console.log(`Screening benchmark: ${N.toLocaleString('en')} synthetic persons, ${QUERIES} perturbed queries`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${mb(os.totalmem())} memory, Node ${process.version}${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);

// ---- generate -----------------------------------------------------------------------------------
const before = memory();
let t = performance.now();
const entries: ScreeningEntry[] = new Array(N);
const nameCount = new Map<string, number>();
for (let i = 0; i < N; i++) {
  entries[i] = syntheticPerson(SEED, i).entry;
  const key = entries[i].names[0].toLowerCase();
  nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  if (i > 0 && i % 200_000 === 0) progress(`generated ${i.toLocaleString('en')}`);
}
const generated = memory();
console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s; records alone hold ${mb(generated.heap - before.heap)} of heap; ${nameCount.size.toLocaleString('en')} distinct names`);

// ---- queries ------------------------------------------------------------------------------------
interface Query { recordId: string; text: string; kind: Perturbation; unique: boolean; dob: string[] }
function drawQueries(rand: () => number): Query[] {
  const drawn: Query[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const kind = PERTURBATIONS[q % PERTURBATIONS.length];
    // Draw until the perturbation changes something (a person without a middle name cannot lose one).
    let person = syntheticPerson(SEED, Math.floor(rand() * N));
    let text = perturbedQuery(person, kind, rand);
    for (let tries = 0; tries < 50 && person.entry.names.some((n) => n === text); tries++) {
      person = syntheticPerson(SEED, Math.floor(rand() * N));
      text = perturbedQuery(person, kind, rand);
    }
    drawn.push({
      recordId: person.entry.recordId, text, kind,
      unique: nameCount.get(person.entry.names[0].toLowerCase()) === 1, dob: person.entry.dob ?? [],
    });
  }
  return drawn;
}
const rand = createRng(SEED * 31 + 1);
const queries = drawQueries(rand);
// Other travellers for the throughput run, so that it does not profit from look-ups cached by the latency run.
const otherQueries = drawQueries(createRng(SEED * 31 + 2));
// ---- manifest -----------------------------------------------------------------------------------
// Three manifests of different travellers: one takes about a second, so a garbage collection
// or a neighbour's burst on a shared machine moves a single figure a lot; the median is steadier.
const MANIFESTS = 3;
const manifests = Array.from({ length: MANIFESTS }, (_, m) => Array.from({ length: 300 }, (_, k) => {
  // Mostly travellers who are not in the index (another population), some who are.
  if (k % 30 === 0) {
    const person = syntheticPerson(SEED, Math.floor(rand() * N));
    return { names: [perturbedQuery(person, 'typo', rand)], dob: person.entry.dob };
  }
  const other = syntheticPerson(SEED + 1000 + m, k).entry;
  return { names: other.names, dob: other.dob };
}));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs: number[]): string => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms, max ${xs[xs.length - 1].toFixed(1)} ms`;

// ---- replicas in worker threads, as the server runs them ----------------------------------------
// Measured first, in a process that has held no index yet: after the in-thread index below was
// built, searched and released, the replicas measured 1.5 times slower (300 against 450
// screenings a second in back-to-back runs), a cost of this benchmark's order, not of the server.
if (WORKERS > 0) {
  console.log(`\n${WORKERS} worker-thread replicas (VIGIL_SCREENING_WORKERS=${WORKERS}), as \`vigil serve\` screens:`);
  const pool = new WorkerIndex(WORKERS);
  t = performance.now();
  for (let i = 0; i < N; i += 5000) {
    pool.add(entries.slice(i, i + 5000));
    // Wait now and then so the copies in flight stay small.
    if (i % 100_000 === 0) await pool.size();
  }
  if (COMPACT) pool.compact();
  const size = await pool.size();
  // `vigil serve` holds no records in the thread that talks to the replicas.
  entries.length = 0;
  gc?.();
  console.log(`  replicas built in ${((performance.now() - t) / 1000).toFixed(1)} s (${size.toLocaleString('en')} records each, in parallel)`);
  /** Runs searches with `concurrency` in flight; returns wall seconds and each one's latency. */
  const run = async (items: { query: PersonFacts; options: SearchOptions }[], concurrency: number) => {
    const lat: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const s0 = performance.now();
        await pool.search(item.query, item.options);
        lat.push(performance.now() - s0);
      }
    }));
    return { seconds: (performance.now() - t0) / 1000, lat: lat.sort((a, b) => a - b) };
  };
  await run(queries.slice(0, 50).map((q) => ({ query: { names: [q.text] }, options: {} })), WORKERS);
  const single = await run(queries.map((q) => ({ query: { names: [q.text] }, options: { limit: 20, shortlist: SHORTLIST } })), 1);
  console.log(`  one at a time: ${ms(single.lat)} (includes the message round trip)`);
  const busy = await run(otherQueries.map((q) => ({ query: { names: [q.text] }, options: { limit: 20, shortlist: SHORTLIST } })), WORKERS * 2);
  console.log(`  ${WORKERS * 2} in flight: ${(QUERIES / busy.seconds).toFixed(0)} screenings/s on ${os.cpus().length} cores; ${ms(busy.lat)}`);
  const times: number[] = [];
  for (const manifest of manifests) {
    const m = await run(manifest.map((traveller) => ({ query: traveller, options: { limit: 5, use: 'frontline' as const, shortlist: SHORTLIST } })), WORKERS * 2);
    times.push(m.seconds * 1000);
  }
  console.log(`  300-person manifest screened in ${median(times).toFixed(0)} ms (median of ${MANIFESTS}: ${times.map((x) => x.toFixed(0)).join(', ')} ms)`);
  await pool.close();
}

// ---- build --------------------------------------------------------------------------------------
// The replicas released the generated records: generate them again (not timed).
entries.length = 0;
const withoutRecords = memory();
for (let i = 0; i < N; i++) entries[i] = syntheticPerson(SEED, i).entry;
const index = new ScreeningIndex();
t = performance.now();
for (let i = 0; i < N; i++) {
  index.add(entries[i]);
  if (i > 0 && i % 200_000 === 0) progress(`indexed ${i.toLocaleString('en')} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
}
const addSeconds = (performance.now() - t) / 1000;
if (COMPACT) index.compact();
const buildSeconds = (performance.now() - t) / 1000;
// What the index keeps once the records it was given are gone, as in a replica (it keeps their
// names' strings, so "records + index" minus "records" would understate it).
entries.length = 0;
const built = memory();
console.log(`index built in ${buildSeconds.toFixed(1)} s (${Math.round(N / buildSeconds).toLocaleString('en')} records/s; ${COMPACT ? `adding ${addSeconds.toFixed(1)} s, compacting ${(buildSeconds - addSeconds).toFixed(1)} s` : 'not compacted'}); the index holds ${mb(built.heap - withoutRecords.heap + built.buffers - withoutRecords.buffers)} (${mb(built.heap - withoutRecords.heap)} of heap, ${mb(built.buffers - withoutRecords.buffers)} of typed arrays); heap ${mb(built.heap)}, RSS ${mb(built.rss)}`);
console.log(`${index.tokens.distinct.toLocaleString('en')} distinct name tokens, ${index.tokens.common.toLocaleString('en')} common ones keep their look-alikes`);

for (const q of queries.slice(0, 50)) index.search({ names: [q.text] }); // warm-up, not timed

const latencies: number[] = [];
// CPU time per query too: on a machine shared with other work, wall time includes waiting.
const cpuTimes: number[] = [];
const found = new Map<string, { hit: number; total: number }>();
const tally = (key: string, hit: boolean): void => {
  const f = found.get(key) ?? { hit: 0, total: 0 };
  f.total++;
  if (hit) f.hit++;
  found.set(key, f);
};
const started = performance.now();
for (const q of queries) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = index.search({ names: [q.text] }, { limit: 20, shortlist: SHORTLIST });
  latencies.push(performance.now() - t0);
  const c1 = process.cpuUsage(c0);
  cpuTimes.push((c1.user + c1.system) / 1000);
  const hit = res.some((c) => c.recordId === q.recordId);
  tally('all', hit);
  tally(q.kind, hit);
  if (q.unique) tally('unique name', hit);
}
const wall = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(`\nname-only queries, wall time: ${ms(latencies)}`);
console.log(`name-only queries, CPU time:  ${ms(cpuTimes)} (load average during the run ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
console.log(`throughput: ${(QUERIES / wall).toFixed(0)} screenings/s on one core (the index is per process; ${os.cpus().length} cores could serve one process each)`);
for (const [key, f] of found) console.log(`  recall@20 ${key.padEnd(16)} ${(f.hit / f.total).toFixed(3)} (${f.hit}/${f.total})`);

// The same queries with the date of birth, as at a border check.
let withDob = 0;
for (const q of queries) if (index.search({ names: [q.text], dob: q.dob }, { limit: 20, shortlist: SHORTLIST }).some((c) => c.recordId === q.recordId)) withDob++;
console.log(`  recall@20 with date of birth  ${(withDob / QUERIES).toFixed(3)}`);

const manifestTimes: number[] = [];
let hits = 0;
for (const manifest of manifests) {
  t = performance.now();
  for (const traveller of manifest) if (index.search(traveller, { limit: 5, use: 'frontline', shortlist: SHORTLIST }).length) hits++;
  manifestTimes.push(performance.now() - t);
}
console.log(`\n300-person manifest screened in ${median(manifestTimes).toFixed(0)} ms (median of ${MANIFESTS} manifests: ${manifestTimes.map((x) => x.toFixed(0)).join(', ')} ms; ${(hits / MANIFESTS).toFixed(0)} travellers a manifest with at least one frontline candidate)`);
const end = memory();
console.log(`final heap ${mb(end.heap)}, RSS ${mb(end.rss)}`);

