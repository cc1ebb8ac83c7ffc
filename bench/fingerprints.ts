/**
 * Fingerprint matcher benchmark: 1:1 comparisons per second on the real FVC2002 templates, and
 * 1:N search time over a 100,000-template gallery.
 *
 * The gallery: impression 1 of each of the 20 FVC2002 DB1_B/DB2_B fingers, enrolled as is, plus
 * synthetic distractors made by turning, moving and perturbing (position and direction jitter,
 * dropped and added minutiae) impressions 2–8 of the same fingers. Probes are the real
 * impressions 2–8; each search skips the distractors made from its own finger (through the
 * search filter, as an access rule would), so its only true mate is the enrolled impression 1.
 *
 * Run: npx tsx bench/fingerprints.ts [gallerySize] [probeCount]
 */
import os from 'node:os';
import { FingerprintGallery } from '../src/biometrics/gallery.ts';
import { compare, prepare } from '../src/biometrics/matcher.ts';
import type { PreparedTemplate } from '../src/biometrics/matcher.ts';
import { loadFvcDatabase } from '../src/biometrics/reference-data.ts';
import { perturbRecord, randomPerturbation, seededRandom } from '../src/biometrics/synthetic.ts';

const gallerySize = Number(process.argv[2] ?? 100_000);
const probeCount = Number(process.argv[3] ?? 140);
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;

console.log('Vigil fingerprint benchmark');
console.log(`machine: ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), ${mib(os.totalmem())} total memory, Node ${process.version}`);

const real = [...loadFvcDatabase('DB1_B'), ...loadFvcDatabase('DB2_B')].map((x) => ({ ...x, finger: `${x.id.slice(0, 5)}/${x.finger}`, prepared: prepare(x.record) }));

// 1:1 — every ordered pair of the 160 real templates, repeated until two seconds have passed.
{
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (const a of real) for (const b of real) {
      compare(a.prepared, b.prepared);
      n++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`\n1:1 compare: ${(n / seconds).toFixed(0)} comparisons/s on one core (${n} comparisons of real FVC2002 templates, ${real.reduce((s, x) => s + x.record.views[0].minutiae.length, 0) / real.length} minutiae on average)`);
  const t0 = performance.now();
  for (const x of real) prepare(x.record);
  console.log(`prepare(): ${ms((performance.now() - t0) / real.length)} per template`);
  console.log(`load average while running: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine inflates wall times)`);
}

// 1:N gallery.
const gallery = new FingerprintGallery();
const sourceFinger = new Map<string, string>();
const enrolled = real.filter((x) => x.impression === 1);
for (const x of enrolled) gallery.add(x.id, x.prepared);
const sources = real.filter((x) => x.impression !== 1);
const random = seededRandom(2024);
let built = performance.now();
for (let i = 0; gallery.size < gallerySize; i++) {
  const source = sources[i % sources.length];
  const id = `synthetic-${i}`;
  gallery.add(id, prepare(perturbRecord(source.record, randomPerturbation(random), random)));
  sourceFinger.set(id, source.finger);
}
console.log(`\n1:N gallery: ${gallery.size} templates (${enrolled.length} real enrolled + ${gallery.size - enrolled.length} synthetic: FVC templates turned up to ±30°, moved up to ±30 px, 2 px / 4° jitter, 10 % minutiae dropped, 0–3 added)`);
console.log(`  prepared in ${((performance.now() - built) / 1000).toFixed(1)} s`);
built = performance.now();
gallery.build();
console.log(`  index built in ${ms(performance.now() - built)}; heap ${mib(process.memoryUsage().heapUsed)}, rss ${mib(process.memoryUsage().rss)}`);

const probes: { finger: string; prepared: PreparedTemplate }[] = [];
for (let impression = 2; impression <= 8 && probes.length < probeCount; impression++) {
  for (const x of real) if (x.impression === impression && probes.length < probeCount) probes.push(x);
}
const times: number[] = [];
const cpuTimes: number[] = [];
const prefilterTimes: number[] = [];
// CPU time beside wall time: the machine is shared, and waiting for a core is not search cost.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let rank1 = 0;
let rank10 = 0;
for (const probe of probes) {
  const filter = (id: string): boolean => sourceFinger.get(id) !== probe.finger;
  let t = performance.now();
  gallery.prefilterScores(probe.prepared);
  prefilterTimes.push(performance.now() - t);
  t = performance.now();
  const cpu = cpuMs();
  const result = gallery.identify(probe.prepared, { limit: 10, filter });
  times.push(performance.now() - t);
  cpuTimes.push(cpuMs() - cpu);
  const mate = result.findIndex((c) => c.id === `${probe.finger}_1`);
  if (mate === 0) rank1++;
  if (mate >= 0) rank10++;
}
const sorted = [...times].sort((a, b) => a - b);
const pct = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
console.log(`\n1:N identify (limit 10, shortlist 300, one thread), ${probes.length} real probes (FVC2002 impressions 2–8):`);
console.log(`  time per search: mean ${ms(mean(times))}, p50 ${ms(pct(0.5))}, p95 ${ms(pct(0.95))}, max ${ms(sorted[sorted.length - 1])}`);
console.log(`  CPU time per search: mean ${ms(mean(cpuTimes))}, max ${ms(Math.max(...cpuTimes))}`);
console.log(`  of which pre-filter over all ${gallery.size} templates: mean ${ms(mean(prefilterTimes))}`);
console.log(`  true mate (the enrolled impression 1) ranked 1st: ${((100 * rank1) / probes.length).toFixed(1)} %, in the top 10: ${((100 * rank10) / probes.length).toFixed(1)} %`);
console.log('  (synthetic distractors are perturbed copies of 20 real fingers: a speed test, not a measure of accuracy at 100,000 people)');
