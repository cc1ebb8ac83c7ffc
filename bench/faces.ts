/**
 * Face 1:N benchmark: search latency of the in-memory index (face-index.ts, exact cosine search)
 * over 100,000 face descriptors of the model in use (human's faceres, 1024-d; `--model face-api`
 * for face-api's 128-d).
 *
 * The descriptors: the 22 real embeddings of the faces in the sample photographs
 * shipped in @vladmandic/face-api's package, and synthetic ones made from them — a real embedding,
 * or a random blend of two, plus Gaussian noise (σ per dimension 0.02–0.08 × √(128/d)), scaled back to unit length. Queries are fresh perturbations of the real
 * embeddings. Exact search does the same work whatever the vectors are, so the latency figures
 * hold for real descriptors; what the synthetic ones cannot say is anything about accuracy.
 *
 * Run: npx tsx bench/faces.ts [--descriptors 100000] [--queries 200] [--model face-api]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadFaceEngine, type FaceModelKind } from '../src/biometrics/face-engine.ts';
import { FaceIndex } from '../src/biometrics/face-index.ts';
import { seededRandom } from '../src/biometrics/synthetic.ts';
import { machineLine, percentile } from './machine.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('descriptors', 100_000);
const kind: FaceModelKind = process.argv.includes('face-api') ? 'face-api' : 'human';
const queryCount = arg('queries', 200);

console.log('Vigil face 1:N benchmark');
console.log(machineLine());
const demo = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const engine = await loadFaceEngine(kind);
const real: Float32Array[] = [];
for (let s = 1; s <= 6; s++) for (const f of (await engine.analyse(fs.readFileSync(path.join(demo, `sample${s}.jpg`)))).faces) real.push(f.embedding);
console.log(`real embeddings: ${real.length} (${engine.name}, ${engine.dims}-d)`);

const random = seededRandom(7);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
// A pool of Gaussian noise read from random offsets: drawing 100 million fresh values would take longer than the searches.
const noise = Float32Array.from({ length: 1 << 20 }, gaussian);
function perturbed(): Float32Array {
  const a = real[Math.floor(random() * real.length)];
  const b = real[Math.floor(random() * real.length)];
  const mix = random() < 0.5 ? 0 : random() * 0.5;
  const sigma = (0.02 + random() * 0.06) * Math.sqrt(128 / engine.dims);
  const v = new Float32Array(engine.dims);
  const at = Math.floor(random() * (noise.length - v.length));
  for (let i = 0; i < v.length; i++) v[i] = (1 - mix) * a[i] + mix * b[i] + sigma * noise[at + i];
  return v;
}

const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const before = memory();
let t = performance.now();
const index = new FaceIndex(engine.dims, total);
real.forEach((v, i) => index.add(`real-${i}`, v));
for (let i = index.size; i < total; i++) index.add(`synthetic-${i}`, perturbed());
console.log(`index: ${index.size.toLocaleString('en')} descriptors built in ${(performance.now() - t).toFixed(0)} ms, ~${((memory() - before) / 2 ** 20).toFixed(0)} MiB`);

const queries = Array.from({ length: queryCount }, () => perturbed());
for (const q of queries.slice(0, 20)) index.search(q); // warm-up
for (const [label, opts] of [
  ['top 10', { limit: 10 }],
  ['top 25 with an access filter callback', { limit: 25, filter: (id: string) => !id.endsWith('7') }],
] as const) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    t = performance.now();
    const c = process.cpuUsage();
    index.search(q, opts);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`1:N ${label}: wall p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms; CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms (${queries.length} queries, one core; load average ${os.loadavg()[0].toFixed(1)})`);
}
