// Document-check benchmark (npx tsx bench/documents.ts --documents 1000000 [--engine pglite|postgres]):
// fills a fresh database with N synthetic document records in bulk (generate_series in SQL),
// then measures checkDocument through the service (and with --http through the HTTP API):
// latency p50/p95/p99 and throughput at a given concurrency, with the audit entry every check writes.
//
// Options: --documents N  --engine pglite|postgres  --checks 20000  --concurrency 8  --http
//          --keep (keep the database, and print its name)  --reuse NAME (measure a kept database again)
// PostgreSQL: a fresh database is created on VIGIL_BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards unless --keep.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { closePlatform, openPlatform } from '../src/platform/boot.ts';
import { makeServices } from '../src/services.ts';
import { buildApi } from '../src/api/server.ts';
import { systemActor, type Actor } from '../src/platform/access/actor.ts';
import { buildTd3Mrz } from '../src/documents/mrz.ts';
import type { DocumentCheckQuery } from '../src/documents/check.ts';
import * as documentStore from '../src/documents/store.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const arg = (name: string, fallback: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback; };
const N = Number(arg('documents', '100000').replace(/_/g, ''));
const ENGINE = arg('engine', 'pglite') as 'pglite' | 'postgres';
const CHECKS = Number(arg('checks', '20000').replace(/_/g, ''));
const CONCURRENCY = Number(arg('concurrency', '8'));
const CHUNK = 500_000;
const progress = (msg: string) => process.stderr.write(`${msg}\n`);
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

// ---- synthetic documents: the same formulas in SQL (to load) and in JS (to query) ----------------
const COUNTRIES = ['FRA', 'ITA', 'ESP', 'DEU', 'GRC', 'TUR', 'NGA', 'LBY', 'MAR', 'EGY', 'SEN', 'MLI', 'NER', 'ERI', 'ETH', 'SDN', 'SYR', 'IRQ', 'AFG', 'PAK',
  'BGD', 'IND', 'THA', 'VNM', 'CHN', 'MEX', 'GTM', 'COL', 'VEN', 'BRA'];
const FIRST = ['AMINA', 'JEAN', 'MARIA', 'OMAR', 'LI', 'FATIMA', 'IVAN', 'ANA', 'KWAME', 'PRIYA', 'JOSE', 'YUSUF', 'ELENA', 'HUONG', 'CHIDI', 'SARA'];
const LAST = ['DIALLO', 'DUPONT', 'ROSSI', 'HADDAD', 'WANG', 'BENALI', 'PETROV', 'GARCIA', 'MENSAH', 'SHARMA', 'LOPEZ', 'YILMAZ', 'PAPADOPOULOS', 'NGUYEN', 'OKAFOR', 'SILVA', 'KHAN'];
const numberOf = (i: number, prefix = 'P') => `${prefix}${((BigInt(i) * 2654435761n) % 4294967296n).toString(16).toUpperCase().padStart(8, '0')}`;
const countryOf = (i: number) => COUNTRIES[i % COUNTRIES.length];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const issueOf = (i: number) => new Date(Date.UTC(2014, 0, 1) + (i % 3000) * 86400_000);
const birthOf = (i: number) => new Date(Date.UTC(1950, 0, 1) + (i % 18000) * 86400_000);
const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

// Every 20th record is owner-only (another member learns only that it exists), every 20th + 1 is
// listed for Italy, every 50th + 2 denies Germany; the rest are shared with all members.
const FILL = `
  insert into documents (owner_org, audience, audience_orgs, denied_orgs, tlp, handling, subject, review_at, source, reliability, accuracy,
    number, number_norm, issuing_country, type, status, holder_names, holder_birth_date, holder_sex, holder_nationality,
    issue_date, expiry_date, reported_on, reported_place, circumstances)
  select 'NCB-' || c, case when i % 20 = 0 then 'owner' when i % 20 = 1 then 'listed' else 'all' end,
    case when i % 20 = 1 then array['NCB-ITA'] else '{}'::text[] end, case when i % 50 = 2 then array['NCB-DEU'] else '{}'::text[] end,
    case when i % 20 = 0 then 'RED' else 'AMBER' end, 'H0', 'other', now() + interval '5 years', 'bench', 'B', '2',
    n, n, c, (array['passport','passport','passport','identity_card','residence_permit'])[1 + (i / 3) % 5],
    (array['stolen','lost','revoked','invalidated','counterfeit','forged'])[1 + (i / 11) % 6],
    array[(${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}]],
    to_char(date '1950-01-01' + i % 18000, 'YYYY-MM-DD'), case when i % 2 = 0 then 'F' else 'M' end, c,
    date '2014-01-01' + i % 3000, date '2014-01-01' + i % 3000 + 3652, date '2014-01-01' + i % 3000 + 30, 'bench', null
  from (select i, (${sqlArray(COUNTRIES)})[1 + i % ${COUNTRIES.length}] as c,
          'P' || upper(lpad(to_hex((i::bigint * 2654435761) % 4294967296), 8, '0')) as n
        from generate_series($1::int, $2::int) as g(i)) s`;

function mrzOf(i: number): string {
  const c = countryOf(i);
  const issue = issueOf(i);
  return buildTd3Mrz({
    issuingState: c, documentNumber: numberOf(i), nationality: c, lastName: LAST[Math.floor(i / FIRST.length) % LAST.length], firstNames: FIRST[i % FIRST.length],
    birthDate: isoDay(birthOf(i)), sex: i % 2 === 0 ? 'female' : 'male', expirationDate: isoDay(new Date(issue.getTime() + 3652 * 86400_000)),
  });
}

// ---- database ----------------------------------------------------------------------------------------
const baseUrl = process.env.VIGIL_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REUSE = arg('reuse', '');
const dbName = REUSE || `vigil_bench_${randomBytes(4).toString('hex')}`;
const pgliteDir = path.join(os.tmpdir(), dbName);
async function admin(query: string) {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try { await c.query(query); } finally { await c.end(); }
}
let url: string | undefined;
if (ENGINE === 'postgres') {
  if (!REUSE) await admin(`create database ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  url = u.toString();
}
const config = { ...loadConfig({}), databaseUrl: url, dataDir: pgliteDir, logLevel: 'silent' };
const platform = await openPlatform(config);
const services = makeServices(platform);
await services.identity.seedOrganisations();
const db = platform.db;

const cpus = os.cpus();
console.log(`Document-check benchmark: ${N.toLocaleString('en')} documents on ${ENGINE}${ENGINE === 'pglite' ? ` (data in ${pgliteDir})` : ` (database ${dbName})`}`);
console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${gb(os.totalmem())} memory, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} before the run`);

async function cleanup() {
  await closePlatform(platform);
  if (flag('keep') || REUSE) return console.log(`kept ${ENGINE === 'postgres' ? `database ${dbName}` : pgliteDir}: measure again with --reuse ${dbName}`);
  if (ENGINE === 'postgres') await admin(`drop database if exists ${dbName} with (force)`);
  else fs.rmSync(pgliteDir, { recursive: true, force: true });
}

/** Loads N documents in bulk: indexes are dropped during the load and rebuilt after it, several times faster. */
async function fill(): Promise<void> {
  await db.connection().execute(async (conn) => {
    let t = performance.now();
    const indexes = (await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where tablename = 'documents' and indexname <> 'documents_pkey'`.execute(conn)).rows;
    for (const ix of indexes) await sql.raw(`drop index ${ix.indexname}`).execute(conn);
    for (let from = 1; from <= N; from += CHUNK) {
      const to = Math.min(N, from + CHUNK - 1);
      await sql.raw(FILL.replace('$1', String(from)).replace('$2', String(to))).execute(conn);
      progress(`loaded ${to.toLocaleString('en')} (${Math.round(to / ((performance.now() - t) / 1000)).toLocaleString('en')} rows/s)`);
    }
    const loadSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await sql.raw(`set maintenance_work_mem = '${ENGINE === 'postgres' ? '1GB' : '256MB'}'`).execute(conn);
    for (const ix of indexes) await sql.raw(ix.indexdef).execute(conn);
    await sql`analyze documents`.execute(conn);
    const indexSeconds = (performance.now() - t) / 1000;
    const size = (await sql<{ s: string }>`select pg_size_pretty(pg_total_relation_size('documents')) as s`.execute(conn)).rows[0].s;
    console.log(`filled in ${loadSeconds.toFixed(0)} s (${Math.round(N / loadSeconds).toLocaleString('en')} rows/s), indexes rebuilt in ${indexSeconds.toFixed(0)} s; table with indexes ${size}`);
  });
}

try {
  const present = (await sql<{ n: number }>`select count(*)::int as n from documents`.execute(db)).rows[0].n;
  if (present === N) console.log(`reusing the ${N.toLocaleString('en')} documents already loaded`);
  else if (present === 0) await fill();
  else throw new Error(`the database holds ${present} documents, not ${N}`);

  // ---- queries --------------------------------------------------------------------------------------
  // Half by number (in a written form that needs normalising), a quarter by MRZ, a quarter misses;
  // asked by three countries so full, existence-only and denied answers all occur.
  const actors: Actor[] = ['ITA', 'ESP', 'DEU'].map((c) => ({ userId: null, username: `bench.${c.toLowerCase()}`, orgId: `NCB-${c}`, orgKind: 'ncb', country: c, roles: ['frontline'] }));
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = () => 1 + Math.floor(rand() * N);
  const queries: { actor: Actor; q: DocumentCheckQuery; expectHit: boolean }[] = [];
  for (let k = 0; k < CHECKS + 1000; k++) {
    const actor = actors[k % actors.length];
    const i = pick();
    const kind = k % 4;
    if (kind === 0 || kind === 1) queries.push({ actor, q: { number: numberOf(i).toLowerCase().replace(/^(.{4})/, '$1 '), issuingCountry: countryOf(i) }, expectHit: true });
    else if (kind === 2) queries.push({ actor, q: { mrz: mrzOf(i) }, expectHit: true });
    else queries.push({ actor, q: { number: numberOf(i, 'Q'), issuingCountry: countryOf(i) }, expectHit: false });
  }

  // CPU time of the PostgreSQL backends serving this database, by process (Linux: their titles
  // name the database). A backend that exits during a run takes its time with it: a lower bound.
  const postgresCpu = (): Map<string, number> => {
    const ticks = new Map<string, number>();
    if (ENGINE !== 'postgres' || !fs.existsSync('/proc/self/stat')) return ticks;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${dbName} `)) continue;
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch { /* the process ended */ }
    }
    return ticks;
  };
  const postgresSeconds = (before: Map<string, number>, after: Map<string, number>) =>
    [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0) / 100; // USER_HZ is 100 on Linux
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  async function run(label: string, once: (k: number) => Promise<boolean>, count: number, timed: { start?: () => Promise<void>; end?: () => Promise<void> } = {}) {
    const offset = 1000;
    for (let k = 0; k < offset; k++) await once(k); // warm-up, one at a time, not timed
    await timed.start?.();
    const latencies: number[] = [];
    let next = 0;
    let hits = 0;
    const cpu0 = process.cpuUsage();
    const pgCpu0 = postgresCpu();
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const k = offset + next++;
        const t0 = performance.now();
        if (await once(k)) hits++;
        latencies.push(performance.now() - t0);
      }
    }));
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const pgCpu = postgresSeconds(pgCpu0, postgresCpu());
    latencies.sort((a, b) => a - b);
    await timed.end?.();
    console.log(`${label}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms; `
      + `${Math.round(count / wall).toLocaleString('en')} checks/s at concurrency ${CONCURRENCY} (${count.toLocaleString('en')} checks, ${hits.toLocaleString('en')} hits; `
      + `CPU per check: this process ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms${ENGINE === 'postgres' ? `, its PostgreSQL backends ${(pgCpu * 1000 / count).toFixed(2)} ms` : ''}; load average ${os.loadavg()[0].toFixed(1)})`);
  }

  // The same lookups by the same actors, straight to the store: what the audit adds is the difference.
  await run('index probe only (store.findForCheck, no audit)', async (k) => {
    const { actor, q } = queries[k];
    const number = q.number ? q.number.toUpperCase().replace(/\s/g, '') : null;
    return number !== null && (await documentStore.findForCheck(db, actor, number, q.issuingCountry ?? null)).length > 0;
  }, Math.min(CHECKS, 20000));

  // Audit appends of concurrent checks share a transaction (group commit): count the commits.
  const commits = async () => (ENGINE === 'postgres'
    ? Number((await sql<{ n: string }>`select xact_commit::text as n from pg_stat_database where datname = current_database()`.execute(db)).rows[0].n) : 0);
  let commitsBefore = 0;
  let commitsAfter = 0;
  let wrong = 0;
  await run('checkDocument through the service (audited)', async (k) => {
    const { actor, q, expectHit } = queries[k];
    const a = await services.documents.checkDocument(actor, q);
    // DEU is denied every 50th + 2 record; the rest must hit exactly when expected.
    if (a.hit !== expectHit && !(actor.orgId === 'NCB-DEU' && !a.hit)) wrong++;
    return a.hit;
  }, CHECKS, {
    start: async () => { await new Promise((r) => setTimeout(r, 1000)); commitsBefore = await commits(); },
    // pg_stat counters reach the view within about a second.
    end: async () => { await new Promise((r) => setTimeout(r, 1500)); commitsAfter = await commits(); },
  });
  if (wrong) console.log(`  !! ${wrong} answers differed from the expected hit / no-hit`);
  if (ENGINE === 'postgres') {
    // Each check's own probe is one autocommit transaction; the rest are audit appends.
    const auditTx = commitsAfter - commitsBefore - CHECKS;
    console.log(`  about ${auditTx.toLocaleString('en')} audit commits for ${CHECKS.toLocaleString('en')} checks: ${(CHECKS / Math.max(1, auditTx)).toFixed(1)} entries per commit (group commit)`);
  }

  if (flag('http')) {
    const api = await buildApi(platform, services, { logger: false });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const port = (api.server.address() as AddressInfo).port;
    const username = `bench.ita.${randomBytes(3).toString('hex')}`;
    await services.identity.createUser(systemActor('bench'), { username, displayName: 'bench', orgId: 'NCB-ITA', roles: ['frontline'], password: 'bench password long enough' });
    const { token } = await services.identity.issueToken(systemActor('bench'), { username, name: 'bench' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const post = (body: string) => new Promise<boolean>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/documents/check', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { data += c; });
        res.on('end', () => (res.statusCode === 200 ? resolve((JSON.parse(data) as { hit: boolean }).hit) : reject(new Error(`${res.statusCode} ${data}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
    await run('POST /api/v1/documents/check over HTTP (client in the same process)', (k) => post(JSON.stringify(queries[k].q)), Math.min(CHECKS, 10000));
    await api.close();
  }
  const audited = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'document.check'`.execute(db)).rows[0].n;
  console.log(`audit entries for checks: ${audited.toLocaleString('en')}`);
} finally {
  await cleanup();
}
