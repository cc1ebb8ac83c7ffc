import { Type } from 'typebox';
import { ROLES } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import { DateTime, Nullable, OneOf } from '../api/schemas.ts';
import { actorOf, type Api } from '../api/types.ts';
import { SESSION_COOKIE } from '../api/auth.ts';
import type { Identity } from './service.ts';

const Actor = Type.Object({
  userId: Type.Union([Type.String(), Type.Null()]), username: Type.String(), orgId: Type.String(),
  orgKind: Type.String(), country: Type.Union([Type.String(), Type.Null()]), roles: Type.Array(Type.String()),
});
const User = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), orgId: Type.String(),
  roles: Type.Array(Type.String()), disabled: Type.Boolean(), createdAt: DateTime(),
});
const Token = Type.Object({
  id: Type.String(), name: Type.String(), userId: Type.String(), createdAt: DateTime(),
  expiresAt: DateTime(), revokedAt: Nullable(DateTime()),
  lastUsedAt: Nullable(DateTime()),
});
const Organisation = Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String(), country: Type.Union([Type.String(), Type.Null()]) });

export function identityRoutes(api: Api, p: Platform, identity: Identity): void {
  api.post('/session', {
    config: { access: 'public', rateLimit: { max: p.config.loginAttemptsPerMinute, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string } | undefined)?.username ?? ''}` } },
    schema: {
      tags: ['session'], summary: 'Sign in with a username and password; sets an HttpOnly session cookie',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ actor: Actor, csrfToken: Type.String(), expiresAt: DateTime() }) },
    },
  }, async (request, reply) => {
    const s = await identity.login(request.body.username, request.body.password);
    reply.setCookie(SESSION_COOKIE, s.sessionToken, { httpOnly: true, sameSite: 'strict', secure: p.config.cookieSecure, path: '/', expires: s.expiresAt });
    return { actor: s.actor, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
  });

  api.get('/session', {
    config: { access: 'authenticated' },
    schema: { tags: ['session'], summary: 'Who am I; the CSRF token to send with cookie-authenticated changes', response: { 200: Type.Object({ actor: Actor, csrfToken: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (request) => {
    const session = request.sessionToken ? await identity.actorForSession(request.sessionToken) : undefined;
    return { actor: actorOf(request), csrfToken: session?.csrfToken ?? null };
  });

  api.delete('/session', { config: { access: 'authenticated' }, schema: { tags: ['session'], summary: 'Sign out' } }, async (request, reply) => {
    if (request.sessionToken) await identity.logout(actorOf(request), request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/organisations', {
    config: { access: 'authenticated' },
    schema: { tags: ['organisations'], summary: 'Member organisations (NCBs, secretariat, agencies, NGOs)', response: { 200: Type.Array(Organisation) } },
  }, async (request) => identity.listOrganisations(actorOf(request)));

  api.get('/users', {
    config: { access: ['admin'] },
    schema: { tags: ['users'], summary: "Users of my organisation (all, for the secretariat's administrators)", querystring: Type.Object({ orgId: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: Type.Array(User) } },
  }, async (request) => identity.listUsers(actorOf(request), request.query.orgId));

  api.post('/users', {
    config: { access: ['admin'] },
    schema: {
      tags: ['users'], summary: 'Add a user to an organisation',
      body: Type.Object({
        username: Type.String(), displayName: Type.String({ minLength: 1, maxLength: 200 }), orgId: Type.String(),
        roles: Type.Array(OneOf(ROLES), { minItems: 1 }), password: Type.String(),
      }, { additionalProperties: false }),
      response: { 201: User },
    },
  }, async (request, reply) => reply.status(201).send(await identity.createUser(actorOf(request), request.body)));

  api.post('/users/:username/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['users'], summary: 'Set a password (my own, or as an administrator)', params: Type.Object({ username: Type.String() }), body: Type.Object({ password: Type.String() }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await identity.resetPassword(actorOf(request), request.params.username, request.body.password);
    return reply.status(204).send();
  });

  api.get('/tokens', {
    config: { access: 'authenticated' },
    schema: { tags: ['tokens'], summary: "API tokens: mine, or my organisation's as an administrator", response: { 200: Type.Array(Token) } },
  }, async (request) => identity.listTokens(actorOf(request)));

  api.post('/tokens', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['tokens'], summary: 'Issue an API token (shown once)',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), username: Type.Optional(Type.String()), days: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: Type.String(), info: Token }) },
    },
  }, async (request, reply) => {
    const issued = await identity.issueToken(actorOf(request), request.body);
    return reply.status(201).send({ token: issued.token, info: issued.view });
  });

  api.delete('/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['tokens'], summary: 'Revoke an API token', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
  }, async (request, reply) => {
    await identity.revokeToken(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
}
