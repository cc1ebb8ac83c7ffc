import type { Config } from '../platform/config.ts';
import { closePlatform, openPlatform } from '../platform/boot.ts';
import { makeServices } from '../services.ts';
import { buildApi } from '../api/server.ts';
import { DEMO_PASSWORD, loadDemoWorld } from './demo.ts';
import { removeLocalControl, writeLocalControl } from './local-control.ts';

/** Migrates, seeds organisations, loads the demo world into an empty database if asked, and serves. */
export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const platform = await openPlatform(config);
  const services = makeServices(platform);
  await services.identity.seedOrganisations();
  let demoUsers: string[] = [];
  if (opts.demo && (await services.identity.countUsers()) === 0) {
    process.stderr.write('Empty database: loading the demo world…\n');
    demoUsers = (await loadDemoWorld(platform, services, (m) => process.stderr.write(`  ${m}\n`))).map((u) => u.username);
  }
  const embedded = !config.databaseUrl;
  const control = embedded ? writeLocalControl(config.dataDir, config.port) : undefined;
  const app = await buildApi(platform, services, { localSecret: control?.secret });
  await services.start?.();
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `Vigil is running at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${embedded ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
  ];
  if (demoUsers.length) {
    lines.push(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (let i = 0; i < demoUsers.length; i += 4) lines.push(`  ${demoUsers.slice(i, i + 4).join('  ')}`);
  } else if (opts.demo) {
    lines.push(`Demo logins, if this database holds the demo world: fra.officer, ita.officer, sg.reviewer, … (password ${DEMO_PASSWORD})`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (embedded) removeLocalControl(config.dataDir);
    await app.close();
    await services.stop?.();
    await closePlatform(platform);
    process.exit(0);
  };
  process.on('SIGINT', () => { void stop(); });
  process.on('SIGTERM', () => { void stop(); });
}
