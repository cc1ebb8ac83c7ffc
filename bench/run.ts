import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { benchApi } from './api.ts';
import { machineLine } from './machine.ts';

/**
 * `npm run bench`: every benchmark at a size that finishes in minutes on two cores. Each
 * standalone script takes flags for the big worlds the issues ask about (see docs/BENCHMARKS.md).
 */
const quick = process.argv.includes('--quick');
console.log(`Vigil benchmarks — ${machineLine()}`);

await benchApi({ seconds: quick ? 3 : 10, connections: 16 });
if (process.env.VIGIL_BENCH_DATABASE_URL) await benchApi({ seconds: quick ? 3 : 10, connections: 16, databaseUrl: process.env.VIGIL_BENCH_DATABASE_URL });

const scripts: [string, string[]][] = [
  ['bench/documents.ts', quick ? ['--documents', '100000'] : ['--documents', '1000000']],
  ['bench/imports.ts', quick ? ['--persons', '20000'] : ['--persons', '100000']],
  ['bench/fingerprints.ts', quick ? ['--templates', '10000'] : []],
  ['bench/screening.ts', quick ? ['--names', '100000'] : ['--names', '1000000']],
  ['bench/faces.ts', []],
];
for (const [script, args] of scripts) {
  if (!fs.existsSync(script)) continue;
  console.log(`\n== ${script} ${args.join(' ')} ==`);
  // --expose-gc: the scripts collect garbage before reading the heap, so memory figures are exact.
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`${script} exited with ${r.status}`);
}
