import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { closePlatform, openPlatform } from '../../src/platform/boot.ts';
import type { Platform } from '../../src/platform/platform.ts';
import { makeServices, type Services } from '../../src/services.ts';
import { buildApi } from '../../src/api/server.ts';
import type { Api } from '../../src/api/types.ts';
import { systemActor, type Role } from '../../src/platform/access/actor.ts';

export type EngineName = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when VIGIL_TEST_DATABASE_URL is set (CI always sets it). */
export function engines(): EngineName[] {
  return process.env.VIGIL_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, empty PostgreSQL database on the test server; dropped by the returned function. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.VIGIL_TEST_DATABASE_URL!;
  const name = `vigil_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestUser { username: string; token: string; orgId: string; roles: Role[]; userId: string }

export interface World {
  engine: EngineName;
  config: Config;
  platform: Platform;
  services: Services;
  api: Api;
  user(username: string, orgId: string, roles: Role[]): Promise<TestUser>;
  call(user: TestUser | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** The real platform, services and HTTP API on a fresh database of the given engine. */
export async function startWorld(engine: EngineName, overrides: Partial<Config> = {}): Promise<World> {
  const pgdb = engine === 'postgres' ? await freshPostgresDatabase() : undefined;
  // One screening replica in a worker thread: the server's path, at a test's cost.
  const config: Config = { ...loadConfig({}), databaseUrl: pgdb?.url, logLevel: 'silent', screeningWorkers: 1, ...overrides };
  const platform = await openPlatform(config, { inMemory: true });
  const services = makeServices(platform);
  await services.identity.seedOrganisations();
  await services.start();
  const api = await buildApi(platform, services, { logger: false });
  await api.ready();
  return {
    engine, config, platform, services, api,
    async user(username, orgId, roles) {
      const u = await services.identity.createUser(systemActor('test'), { username, displayName: username, orgId, roles, password: TEST_PASSWORD });
      const t = await services.identity.issueToken(systemActor('test'), { username, name: 'test' });
      return { username, token: t.token, orgId, roles, userId: u.id };
    },
    call(user, method, url, body, headers = {}) {
      return api.inject({
        method, url,
        headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...headers },
        ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
      });
    },
    async close() {
      await api.close();
      await services.stop();
      await closePlatform(platform);
      await pgdb?.drop();
    },
  };
}
