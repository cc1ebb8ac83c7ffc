import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { enterContext } from '../platform/context.ts';
import type { Platform } from '../platform/platform.ts';
import type { Services } from '../services.ts';
import { makeAuthenticate } from './auth.ts';
import { problemFor, sendProblem } from './problem.ts';
import type { Api } from './types.ts';
import { capabilityRoutes } from './capabilities.ts';
import { localControlRoutes } from './local-routes.ts';

export interface AppOptions {
  logger?: boolean;
  webDir?: string;
  /** Lets local CLI commands (backup) ask this server to act on the embedded database. */
  localSecret?: string;
}

/** Builds the HTTP API (and serves the web app when it has been built). */
export async function buildApi(p: Platform, services: Services, opts: AppOptions = {}): Promise<Api> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: p.config.logLevel },
    bodyLimit: p.config.bodyLimit,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID()),
    ajv: { customOptions: { removeAdditional: false } },
    trustProxy: process.env.VIGIL_TRUST_PROXY === 'true',
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  // Every route states who may call it; a route that forgets is a start-up error, not an open door.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (route.config?.access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const purpose = request.headers['x-vigil-purpose'];
    enterContext({ requestId: String(request.id), purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim().slice(0, 500) : undefined });
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, {
    type: 'https://vigil.example/problems/not_found', title: 'Not found', status: 404, detail: `There is no ${request.method} ${request.url.split('?')[0]}.`, requestId: String(request.id),
  }));

  // Photos and templates arrive as raw bytes; each such route checks size and format itself.
  for (const type of ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  }
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Vigil API', version: '1', description: 'Share and check criminal information across police services. Every call is audited; send X-Vigil-Purpose to state why.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (vgl_…) from POST /api/v1/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const authenticate = makeAuthenticate(p, services.identity);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/v1')) return;
    await authenticate(request, reply);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(p.db);
      return { status: 'ready', database: p.store.engine };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });

  await app.register(async (api) => {
    await capabilityRoutes(api as Api, p, services);
    if (opts.localSecret) localControlRoutes(api as Api, p, opts.localSecret);
  }, { prefix: '/api/v1' });

  const webDir = opts.webDir ?? path.resolve(import.meta.dirname, '../../web/dist');
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    // Files are looked up per request rather than listed once at start, so a rebuilt web app
    // (new hashed asset names) is served without restarting; any other path is a page of the app.
    await app.register(fastifyStatic, { root: webDir, serve: false });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const rel = decodeURIComponent(request.url.split('?')[0]).replace(/^\/+/, '');
      if (rel.startsWith('api/')) {
        return sendProblem(reply, { type: 'https://vigil.example/problems/not_found', title: 'Not found', status: 404, detail: `There is no ${request.method} /${rel}.`, requestId: String(request.id) });
      }
      const file = path.resolve(webDir, rel);
      if (rel && file.startsWith(webDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return rel.startsWith('assets/') ? reply.sendFile(rel, { maxAge: '365d', immutable: true }) : reply.sendFile(rel);
      }
      if (rel.startsWith('assets/')) {
        return sendProblem(reply, { type: 'https://vigil.example/problems/not_found', title: 'Not found', status: 404, detail: `There is no /${rel}.`, requestId: String(request.id) });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html').send(
      '<!doctype html><meta charset="utf-8"><title>Vigil</title><h1>Vigil</h1><p>The API is running: see <a href="/api/docs">/api/docs</a>. Build the web app with <code>npm run build:web</code>.</p>'));
  }
  return app as unknown as Api;
}
