import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { closePlatform, openPlatform } from '../src/platform/boot.ts';
import { makeServices } from '../src/services.ts';
import { buildApi } from '../src/api/server.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { machineLine } from './machine.ts';

/**
 * Authenticated GETs (bearer token → actor → access check → audit entry) against a bare
 * Fastify route on the same server, so the figure is a ratio that travels between machines.
 */
export async function benchApi(opts: { seconds: number; connections: number; databaseUrl?: string }): Promise<void> {
  // On a server, a database of its own, dropped afterwards: the bench never writes into one it was pointed at.
  const fresh = opts.databaseUrl ? await freshDatabase(opts.databaseUrl) : undefined;
  const platform = await openPlatform({ ...loadConfig({}), databaseUrl: fresh?.url, logLevel: 'silent' }, { inMemory: true });
  const services = makeServices(platform);
  await services.identity.seedOrganisations();
  await services.identity.createUser(systemActor('bench'), { username: 'bench.officer', displayName: 'bench', orgId: 'NCB-FRA', roles: ['officer'], password: 'bench password 123' });
  const { token } = await services.identity.issueToken(systemActor('bench'), { username: 'bench.officer', name: 'bench' });
  const actor = (await services.identity.actorForToken(token))!;
  const person = await services.persons.createPerson(actor, { person: { names: [{ value: 'Bench Person', kind: 'primary' }] } });
  const app = await buildApi(platform, services, { logger: false });
  app.get('/bare', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const run = async (title: string, path: string, auth: boolean) => {
    const r = await autocannon({ url: base + path, connections: opts.connections, duration: opts.seconds, headers: auth ? { authorization: `Bearer ${token}` } : {} });
    if (r.non2xx) throw new Error(`${title}: ${r.non2xx} non-2xx answers`);
    return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
  };
  const engine = opts.databaseUrl ? 'PostgreSQL' : 'PGlite (embedded)';
  console.log(`\n== API throughput on ${engine}, ${opts.connections} connections, ${opts.seconds} s each ==`);
  console.log(machineLine());
  const bare = await run('bare Fastify route', '/bare', false);
  const session = await run('authenticated GET /api/v1/session (auth only)', '/api/v1/session', true);
  const read = await run('authenticated GET /api/v1/persons/:id (auth + access + audit)', `/api/v1/persons/${person.id}`, true);
  for (const r of [bare, session, read]) {
    console.log(`${r.title.padEnd(64)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ratio to bare ${(r.rps / bare.rps).toFixed(3)}`);
  }
  await app.close();
  await closePlatform(platform);
  await fresh?.drop();
}

export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vigil_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
