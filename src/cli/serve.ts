import type { Config } from '../platform/config.ts';
import { closePlatform, openPlatform } from '../platform/boot.ts';
import { makeServices } from '../services.ts';
import { buildApi } from '../api/server.ts';
import { DEMO_PASSWORD, demoProgress, describeDemoWorld, loadDemoWorld, SMALL_WORLD, type DemoLoadReport } from './demo.ts';
import { progressBar } from './progress.ts';
import { removeLocalControl, writeLocalControl } from './local-control.ts';

/** Migrates, seeds organisations, loads the demo world into an empty database if asked, and serves. */
export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const platform = await openPlatform(config);
  const services = makeServices(platform);
  await services.identity.seedOrganisations();
  let demoUsers: string[] = [];
  let demoSample: DemoLoadReport['sample'] = null;
  if (opts.demo && (await services.identity.countUsers()) === 0) {
    process.stderr.write('Empty database: loading the demo world…\n');
    const started = performance.now();
    const phases = demoProgress();
    const world = await loadDemoWorld(platform, services, SMALL_WORLD, { onProgress: phases.update });
    phases.stop();
    process.stderr.write(`Demo world loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${describeDemoWorld(world)}\n`);
    demoUsers = world.users.map((u) => u.username);
    demoSample = world.sample;
  }
  const embedded = !config.databaseUrl;
  const control = embedded ? writeLocalControl(config.dataDir, config.port) : undefined;
  const app = await buildApi(platform, services, { localSecret: control?.secret });
  const indexBar = progressBar('screening index', 0);
  await services.start((_what, done, total) => { indexBar.setTotal(total); indexBar.update(done); });
  indexBar.stop();
  // Expiry sweeps run in serving processes only; tests and commands call them when they need them.
  services.retention.start();
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `Vigil is running at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${embedded ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
  ];
  if (demoUsers.length) {
    lines.push(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    lines.push('  <country>.officer  <country>.frontline  <country>.analyst  <country>.admin  for these countries:');
    const countries = [...new Set(demoUsers.filter((u) => u.endsWith('.officer')).map((u) => u.split('.')[0]))];
    for (let i = 0; i < countries.length; i += 12) lines.push(`    ${countries.slice(i, i + 12).join(' ')}`);
    lines.push(`  ${demoUsers.filter((u) => !/\.(officer|frontline|analyst|admin)$/.test(u) || u.startsWith('secretariat')).join('  ')}`);
    lines.push('  e.g. fra.officer, ita.frontline, secretariat.reviewer');
    if (demoSample) {
      lines.push(`Try a document check (Documents page, or POST /api/v1/documents/check) with this stolen ${demoSample.issuingCountry} passport's zone:`);
      lines.push(...demoSample.mrz.split('\n').map((l) => `  ${l}`));
    }
  } else if (opts.demo) {
    lines.push(`Demo logins, if this database holds the demo world: fra.officer, ita.frontline, secretariat.reviewer, … (password ${DEMO_PASSWORD})`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (embedded) removeLocalControl(config.dataDir);
    await app.close();
    services.retention.stop();
    await services.stop();
    await closePlatform(platform);
    process.exit(0);
  };
  process.on('SIGINT', () => { void stop(); });
  process.on('SIGTERM', () => { void stop(); });
}
