// Import benchmark (npm run bench:imports -- --persons 1000000 [--database-url URL]):
// demo persons as NDJSON through the import use case — parse, validate every line, store in
// transactional batches with versions, identifiers and one audit entry a batch — and the rate.
// PGlite stores on disk in a temporary directory; with --database-url (or
// VIGIL_BENCH_DATABASE_URL) a fresh PostgreSQL database is created and dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.ts';
import { closePlatform, openPlatform } from '../src/platform/boot.ts';
import { makeServices } from '../src/services.ts';
import { systemActor, type Actor } from '../src/platform/access/actor.ts';
import { demoWorld } from '../src/demo/world.ts';
import { demoPersonRow } from '../src/cli/demo.ts';
import { freshDatabase } from './api.ts';
import { machineLine } from './machine.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const N = Number((arg('persons') ?? '100000').replace(/_/g, ''));
const CHUNK = 20_000;
const BATCH = 1000;
const serverUrl = arg('database-url') ?? process.env.VIGIL_BENCH_DATABASE_URL;

const fresh = serverUrl ? await freshDatabase(serverUrl) : undefined;
const dataDir = fresh ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-import-'));
const platform = await openPlatform({ ...loadConfig({}), databaseUrl: fresh?.url, dataDir: dataDir ?? '', logLevel: 'silent' });
const services = makeServices(platform);
await services.identity.seedOrganisations();
const actor: Actor = { ...systemActor('bench'), orgId: 'NCB-FRA', orgKind: 'ncb', country: 'FRA' };

const engine = fresh ? 'PostgreSQL' : 'PGlite (embedded, on disk)';
console.log(`Import benchmark: ${N.toLocaleString('en')} demo persons as NDJSON into ${engine}, batches of ${BATCH}`);
console.log(machineLine());

const world = demoWorld({ seed: 'bench-import', persons: N, documents: 0, notices: 0 });
let lines: string[] = [];
let done = 0;
let stored = 0;
let generating = 0;
const started = performance.now();
const flush = async (): Promise<void> => {
  if (!lines.length) return;
  const report = await services.imports.importText(actor, 'persons', 'ndjson', lines.join('\n'), { batchSize: BATCH });
  if (report.errors.length) throw new Error(`demo persons did not validate: ${JSON.stringify(report.errors.slice(0, 3))}`);
  stored += report.stored;
  done += lines.length;
  lines = [];
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`\r  ${done.toLocaleString('en')} / ${N.toLocaleString('en')} imported, ${Math.round(done / s).toLocaleString('en')} persons/s   `);
};
let line = 0;
const persons = world.persons();
for (;;) {
  const g0 = performance.now();
  const next = persons.next();
  if (next.done) break;
  const { person, envelope } = demoPersonRow(next.value, ++line);
  lines.push(JSON.stringify({ person, envelope }));
  generating += performance.now() - g0;
  if (lines.length >= CHUNK) await flush();
}
await flush();
process.stderr.write('\n');
const seconds = (performance.now() - started) / 1000;
const importing = seconds - generating / 1000;
console.log(`imported ${stored.toLocaleString('en')} persons in ${seconds.toFixed(1)} s: ${Math.round(stored / seconds).toLocaleString('en')} persons/s overall, ${Math.round(stored / importing).toLocaleString('en')} persons/s excluding the demo generator (${(generating / 1000).toFixed(1)} s)`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await closePlatform(platform);
await fresh?.drop();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
