import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { forbidden, unauthenticated, DomainError } from '../platform/errors.ts';
import type { Identity } from '../identity/service.ts';
import type { Platform } from '../platform/platform.ts';
import type { RouteAccess } from './types.ts';

export const SESSION_COOKIE = 'vigil_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller from a bearer token or the session cookie and enforces the route's
 * declared access. Cookie-authenticated writes must echo the session's CSRF token in a header,
 * which a cross-site form cannot do.
 */
export function makeAuthenticate(p: Platform, identity: Identity) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const access = request.routeOptions.config.access as RouteAccess | undefined;
    if (access === 'public') return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await identity.actorForToken(match[1]) : undefined;
      if (!actor) {
        await recordAudit(p.db, { userId: null, username: 'anonymous', orgId: 'unknown', orgKind: 'ncb', country: null, roles: [] },
          { action: 'auth.token', outcome: 'refused', query: { route: request.routeOptions.url, tokenPrefix: match?.[1].slice(0, 8) ?? null } });
        throw unauthenticated('The API token is not valid: it may be mistyped, expired or revoked.');
      }
      request.actor = actor;
    } else {
      const token = request.cookies?.[SESSION_COOKIE];
      const session = token ? await identity.actorForSession(token) : undefined;
      if (!session) throw unauthenticated();
      if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
        throw new DomainError('forbidden', 'This change needs the X-CSRF-Token header from your session (GET /api/v1/session).');
      }
      request.actor = session.actor;
      request.sessionToken = token;
    }
    if (Array.isArray(access) && !hasRole(request.actor, ...access)) {
      await recordAudit(p.db, request.actor, { action: `route ${request.method} ${request.routeOptions.url}`, outcome: 'refused' });
      throw forbidden(`This needs one of the roles: ${access.join(', ')}.`);
    }
  };
}
