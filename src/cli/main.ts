import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { closePlatform, openPlatform } from '../platform/boot.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { openStore } from '../platform/db/index.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { backupTo, restoreFrom } from '../platform/db/backup.ts';
import { systemActor } from '../platform/access/actor.ts';
import { makeServices } from '../services.ts';
import { generatePassword } from '../identity/model.ts';
import { serve } from './serve.ts';
import { runWithContext } from '../platform/context.ts';
import { IMPORT_KINDS, type ImportFormat, type ImportKind } from '../imports/model.ts';
import { progressBar } from './progress.ts';
import { readLocalControl } from './local-control.ts';
import { loadDemoWorld, describeDemoWorld, demoProgress, DEMO_PASSWORD, DEMO_SEED, SMALL_WORLD } from './demo.ts';

const config = loadConfig();
const program = new Command('vigil').description('Vigil: share and check criminal information across police services');

/** Runs a command against the database with the platform open, closing it afterwards. */
async function withServices<T>(fn: (ctx: { platform: Awaited<ReturnType<typeof openPlatform>>; services: ReturnType<typeof makeServices> }) => Promise<T>): Promise<T> {
  if (!config.databaseUrl && readLocalControl(config.dataDir)) {
    throw new Error(`A Vigil server is using the embedded database in ${config.dataDir}; stop it first, or use the API.`);
  }
  const platform = await openPlatform(config);
  const services = makeServices(platform);
  await services.identity.seedOrganisations();
  try {
    return await fn({ platform, services });
  } finally {
    await closePlatform(platform);
  }
}

program.command('start').description('migrate, load the demo world into an empty database, and serve (what `npm start` runs)')
  .action(() => serve(config, { demo: true }));

program.command('serve').description('migrate and serve the API and web app')
  .action(() => serve(config, { demo: false }));

program.command('migrate').description('bring the database schema up to date').action(async () => {
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ran = await migrateToLatest(store.db);
    console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'The schema is up to date.');
  } finally { await store.close(); }
});

program.command('demo').description('load a demo world into an empty database (bigger ones for benchmarks)')
  .option('--persons <n>', 'persons', String(SMALL_WORLD.persons)).option('--documents <n>', 'documents', String(SMALL_WORLD.documents))
  .option('--notices <n>', 'notices', String(SMALL_WORLD.notices)).option('--seed <seed>', 'world seed: the same seed gives the same world', DEMO_SEED)
  .action((o: { persons: string; documents: string; notices: string; seed: string }) => withServices(async ({ platform, services }) => {
    if ((await services.identity.countUsers()) > 0) throw new Error('The database already has users; the demo world loads only into an empty one.');
    const count = (v: string, what: string) => {
      const n = Number(v.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 0) throw new Error(`--${what} must be a whole number, got "${v}"`);
      return n;
    };
    const size = { persons: count(o.persons, 'persons'), documents: count(o.documents, 'documents'), notices: count(o.notices, 'notices') };
    if (size.notices > 0 && size.persons === 0) throw new Error('Notices are about persons: give --persons too.');
    const started = Date.now();
    const phases = demoProgress();
    const world = await loadDemoWorld(platform, services, size, { seed: o.seed, onProgress: phases.update });
    phases.stop();
    const secs = (Date.now() - started) / 1000;
    console.log(`Demo world loaded in ${secs.toFixed(1)} s: ${describeDemoWorld(world)}`);
    for (const [phase, s] of phases.seconds()) console.log(`  ${phase}: ${s.toFixed(1)} s${phase === 'documents' || phase === 'persons' ? ` (${Math.round(size[phase] / Math.max(s, 0.001)).toLocaleString('en')}/s)` : ''}`);
    console.log(`Users (password ${DEMO_PASSWORD}): ${world.users.map((u) => u.username).join(', ')}`);
  }));

const users = program.command('users').description('manage users');
users.command('add <username>').description('add a user; prints the generated password unless --password is given')
  .requiredOption('--org <id>', 'organisation id, e.g. NCB-FRA or SECRETARIAT')
  .requiredOption('--roles <roles>', 'comma-separated: frontline,officer,analyst,reviewer,partner,admin')
  .option('--name <displayName>', 'display name').option('--password <password>')
  .action((username: string, o: { org: string; roles: string; name?: string; password?: string }) => withServices(async ({ services }) => {
    const password = o.password ?? generatePassword();
    const u = await services.identity.createUser(systemActor('cli'), { username, displayName: o.name ?? username, orgId: o.org, roles: o.roles.split(',').map((r) => r.trim()), password });
    console.log(`Added ${u.username} (${u.orgId}; ${u.roles.join(', ')})${o.password ? '' : `\npassword: ${password}`}`);
  }));
users.command('list').description('list users').option('--org <id>')
  .action((o: { org?: string }) => withServices(async ({ services }) => {
    for (const u of await services.identity.listUsers(systemActor('cli'), o.org)) console.log(`${u.username.padEnd(24)} ${u.orgId.padEnd(16)} ${u.roles.join(',')}${u.disabled ? ' (disabled)' : ''}`);
  }));
users.command('token <username>').description('issue an API token for a user (printed once)')
  .option('--name <name>', 'what the token is for', 'cli').option('--days <n>', 'validity in days', '90')
  .action((username: string, o: { name: string; days: string }) => withServices(async ({ services }) => {
    const t = await services.identity.issueToken(systemActor('cli'), { username, name: o.name, days: Number(o.days) });
    console.log(t.token);
    console.error(`expires ${t.view.expiresAt.toISOString()}`);
  }));
users.command('reset-password <username>').description('set a new password (generated unless --password is given)').option('--password <password>')
  .action((username: string, o: { password?: string }) => withServices(async ({ services }) => {
    const password = o.password ?? generatePassword();
    await services.identity.resetPassword(systemActor('cli'), username, password);
    console.log(o.password ? 'Password changed.' : `New password: ${password}`);
  }));

program.command('import <file>').description('import records from NDJSON or CSV in transactional batches, with a progress bar')
  .requiredOption('--as <username>', 'the user the records are imported as (their organisation owns them)')
  .option('--kind <kind>', `what the file holds: ${IMPORT_KINDS.join(', ')}`, 'persons').option('--format <format>', 'ndjson or csv (default: from the file name)')
  .option('--batch <n>', 'lines per transactional batch', '1000').option('--purpose <text>', 'why, for the audit log')
  .action((file: string, o: { as: string; kind: string; format?: string; batch: string; purpose?: string }) => withServices(async ({ services }) => {
    const actor = await services.identity.actorForUsername(o.as);
    if (!actor) throw new Error(`No user ${o.as}`);
    const format = (o.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson')) as ImportFormat;
    if (!(IMPORT_KINDS as readonly string[]).includes(o.kind)) throw new Error(`--kind must be one of: ${IMPORT_KINDS.join(', ')}`);
    const text = fs.readFileSync(file, 'utf8');
    const bar = progressBar(`importing ${o.kind}`, 0);
    const started = Date.now();
    const report = await runWithContext({ purpose: o.purpose ?? `import of ${path.basename(file)}` }, () =>
      services.imports.importText(actor, o.kind as ImportKind, format, text, { batchSize: Number(o.batch), onProgress: (d, t) => { bar.setTotal(t); bar.update(d); } }));
    bar.stop();
    const secs = (Date.now() - started) / 1000;
    console.log(`${report.lines} lines, ${report.stored} stored in ${secs.toFixed(1)} s (${Math.round(report.stored / Math.max(secs, 0.001))}/s); ${report.errors.length} problems`);
    for (const e of report.errors.slice(0, 200)) console.log(`  line ${e.line}: ${e.field}: ${e.message}`);
    if (report.errors.length > 200) console.log(`  … and ${report.errors.length - 200} more`);
    if (report.errors.length) process.exitCode = 2;
  }));

program.command('screen').description('screen a person (or a manifest file) against everything Vigil holds')
  .requiredOption('--as <username>', 'the user screening (their rights and organisation apply)')
  .option('--name <name...>', 'names, in any script').option('--dob <date...>', 'dates of birth (YYYY, YYYY-MM or YYYY-MM-DD)')
  .option('--nationality <code...>', 'ISO 3166 codes').option('--sex <sex>', 'M, F, X or U').option('--document <number>', 'document number')
  .option('--mrz <zone>', 'raw machine-readable zone (lines separated by \\n)').option('--use <use>', 'frontline or analyst', 'frontline')
  .option('--purpose <text>', 'why, for the audit log', 'command-line screening')
  .action((o: { as: string; name?: string[]; dob?: string[]; nationality?: string[]; sex?: 'M' | 'F' | 'X' | 'U'; document?: string; mrz?: string; use: 'frontline' | 'analyst'; purpose: string }) => withServices(async ({ services }) => {
    const actor = await services.identity.actorForUsername(o.as);
    if (!actor) throw new Error(`No user ${o.as}`);
    const bar = progressBar('screening index', 0);
    await services.screening.start((d, t) => { bar.setTotal(t); bar.update(d); });
    bar.stop();
    const r = await runWithContext({ purpose: o.purpose }, () => services.screening.screenPerson(actor, {
      names: o.name, birthDates: o.dob, nationalities: o.nationality, sex: o.sex, documentNumber: o.document, mrz: o.mrz?.replace(/\\n/g, '\n'),
    }, { use: o.use }));
    services.screening.stop();
    console.log(`${r.outcome === 'hit' ? 'HIT' : 'NO HIT'} (${r.tookMs} ms): ${r.action}`);
    for (const h of r.hits) {
      const who = h.person ? h.person.names.map((n) => n.value).join(' / ') : '(details withheld by the owner)';
      console.log(`  ${h.score.toFixed(3)}  ${h.ownerName} [${h.disclosure}] ${who}${h.hitId ? `  hit ${h.hitId}` : ''}`);
      for (const f of h.explanation?.features ?? []) console.log(`           ${f.feature}: ${f.detail}`);
    }
    if (r.mrz && !r.mrz.valid) for (const e of r.mrz.errors) console.log(`  MRZ: ${e.field}: ${e.message}`);
  }));

const biometrics = program.command('biometrics').description('fingerprints (ISO/IEC 19794-2 records) and faces: enrol, identify 1:N, verify 1:1');
biometrics.command('enrol <file>').description("enrol a record's prints on a person (--person), or store it as an unidentified mark (--mark)")
  .requiredOption('--as <username>', 'the officer enrolling (their organisation must own the person)')
  .option('--person <id>', 'the person the prints belong to').option('--finger <n>', 'finger position 1–10 of a single-view record')
  .option('--mark <kind>', 'latent or unidentified_body').option('--case <reference>', 'case reference of a mark')
  .option('--audience <audience>', 'all, listed or owner (marks)', 'all').option('--purpose <text>', 'why, for the audit log', 'command-line enrolment')
  .action((file: string, o: { as: string; person?: string; finger?: string; mark?: 'latent' | 'unidentified_body'; case?: string; audience: 'all' | 'listed' | 'owner'; purpose: string }) => withServices(async ({ services }) => {
    const actor = await services.identity.actorForUsername(o.as);
    if (!actor) throw new Error(`No user ${o.as}`);
    const bytes = fs.readFileSync(file);
    const finger = o.finger === undefined ? undefined : Number(o.finger);
    const stored = await runWithContext({ purpose: o.purpose }, () => {
      if (o.person) return services.biometrics.enrolFingerprints(actor, o.person, bytes, { finger });
      if (!o.mark) throw new Error('give --person <id>, or --mark latent|unidentified_body');
      return services.biometrics.storeMark(actor, bytes, { kind: o.mark, caseReference: o.case, finger, envelope: { audience: o.audience } });
    });
    for (const f of stored) console.log(`${f.id}  ${f.finger.padEnd(14)} ${f.impression.padEnd(18)} ${f.minutiaeCount} minutiae${f.markKind ? `  ${f.markKind} mark${f.caseReference ? ` (${f.caseReference})` : ''}` : ''}`);
  }));
biometrics.command('identify <file>').description('1:N search of a fingerprint record (.iso) or a face image (JPEG, PNG, WebP) against everything the user may learn of')
  .requiredOption('--as <username>', 'the user searching (their rights and organisation apply)')
  .option('--latent', 'search every rotation (latent prints of unknown orientation)').option('--limit <n>', 'candidates', '10')
  .option('--purpose <text>', 'why, for the audit log', 'command-line biometric search')
  .action((file: string, o: { as: string; latent?: boolean; limit: string; purpose: string }) => withServices(async ({ services }) => {
    const actor = await services.identity.actorForUsername(o.as);
    if (!actor) throw new Error(`No user ${o.as}`);
    const bytes = fs.readFileSync(file);
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    await services.biometrics.start((what, d, t) => {
      if (!bars.has(what)) bars.set(what, progressBar(what, t));
      bars.get(what)!.update(d);
    });
    for (const b of bars.values()) b.stop();
    const show = (c: { score: number; match: boolean; ownerName: string; disclosure: string; person: { names: { value: string }[] } | null; mark: { kind: string; caseReference: string | null } | null; fingerPosition: number | null; hitId: string | null }) => {
      const who = c.person ? c.person.names.map((n) => n.value).join(' / ') : c.mark ? `${c.mark.kind} mark ${c.mark.caseReference ?? ''}` : '(details withheld by the owner)';
      console.log(`  ${c.score.toFixed(3)}${c.match ? ' MATCH' : '      '}  ${c.ownerName} [${c.disclosure}] ${who}${c.fingerPosition ? ` (finger ${c.fingerPosition})` : ''}${c.hitId ? `  hit ${c.hitId}` : ''}`);
    };
    try {
      const isTemplate = bytes.subarray(0, 4).toString('latin1') === 'FMR\0';
      await runWithContext({ purpose: o.purpose }, async () => {
        if (isTemplate) {
          const r = await services.biometrics.identifyFingerprint(actor, bytes, { limit: Number(o.limit), latent: o.latent });
          console.log(`${r.outcome === 'hit' ? 'HIT' : 'NO HIT'} (${r.tookMs} ms, ${r.searched} prints searched, threshold ${r.threshold}): ${r.action}`);
          r.candidates.forEach(show);
        } else {
          const type = bytes[0] === 0x89 ? 'image/png' : bytes.subarray(8, 12).toString('latin1') === 'WEBP' ? 'image/webp' : 'image/jpeg';
          const r = await services.biometrics.identifyFace(actor, bytes, type, { limit: Number(o.limit) });
          console.log(`${r.outcome === 'hit' ? 'HIT' : 'NO HIT'} (${r.tookMs} ms, model ${r.modelMs} ms; ${r.faces.length} face(s), ${r.searched} enrolled faces searched, threshold ${r.threshold}): ${r.action}`);
          r.faces.forEach((f, i) => { console.log(` face ${i + 1} at ${f.box.x},${f.box.y} ${f.box.width}×${f.box.height}`); f.candidates.forEach(show); });
        }
      });
    } finally { services.biometrics.stop(); }
  }));
biometrics.command('verify <file>').description('1:1: compare a fingerprint record with one stored print')
  .requiredOption('--as <username>', 'the user verifying').requiredOption('--print <id>', 'the stored print')
  .option('--purpose <text>', 'why, for the audit log', 'command-line verification')
  .action((file: string, o: { as: string; print: string; purpose: string }) => withServices(async ({ services }) => {
    const actor = await services.identity.actorForUsername(o.as);
    if (!actor) throw new Error(`No user ${o.as}`);
    const r = await runWithContext({ purpose: o.purpose }, () => services.biometrics.verifyFingerprint(actor, o.print, fs.readFileSync(file)));
    console.log(`${r.match ? 'MATCH' : 'NO MATCH'}: score ${r.score.toFixed(3)} (threshold ${r.threshold})${r.personId ? `, person ${r.personId}` : ''}`);
    if (!r.match) process.exitCode = 3;
  }));

program.command('audit').description('audit log tools').command('verify').description('check the hash chain; names the first altered, inserted or deleted entry')
  .action(async () => {
    const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const bar = progressBar('verifying', 0);
      const r = await verifyAuditChain(store.db, (done, total) => { bar.setTotal(total); bar.update(done); });
      bar.stop();
      if (r.ok) console.log(`Audit log intact: ${r.entries} entries verified.`);
      else { console.error(`AUDIT LOG BROKEN at entry ${r.seq}: ${r.problem} (${r.entries} entries verified before it)`); process.exitCode = 1; }
    } finally { await store.close(); }
  });

program.command('backup <file>').description('write a consistent copy of the database while the server runs').action(async (file: string) => {
  const target = path.resolve(file);
  const control = config.databaseUrl ? undefined : readLocalControl(config.dataDir);
  if (control) {
    const res = await fetch(`http://127.0.0.1:${control.port}/api/v1/system/backup`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-vigil-local-secret': control.secret }, body: JSON.stringify({ file: target }),
    });
    if (!res.ok) throw new Error(`The running server refused the backup: ${await res.text()}`);
    const r = await res.json() as { tables: number; rows: number };
    console.log(`Backup written by the running server to ${target}: ${r.tables} tables, ${r.rows} rows.`);
    return;
  }
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const r = await backupTo(store.db, target, (t, n) => console.error(`  ${t}: ${n} rows`));
    console.log(`Backup written to ${target}: ${r.tables} tables, ${r.rows} rows.`);
  } finally { await store.close(); }
});

program.command('restore <file>').description('load a backup into an empty database').action(async (file: string) => {
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(store.db);
    const r = await restoreFrom(store.db, path.resolve(file), (t, n) => console.error(`  ${t}: ${n} rows`));
    const v = await verifyAuditChain(store.db);
    console.log(`Restored ${r.rows} rows; audit chain ${v.ok ? `intact (${v.entries} entries)` : `BROKEN at entry ${v.seq}: ${v.problem}`}.`);
  } finally { await store.close(); }
});

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
