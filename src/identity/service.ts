import argon2 from 'argon2';
import type { Actor, OrganisationKind, Role } from '../platform/access/actor.ts';
import { hasRole } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { forbidden, invalid, notFound, unauthenticated, conflict, type FieldProblem } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { SECRETARIAT_ID, organisationSeeds } from './members.ts';
import { checkPassword, checkRoles, checkUsername, hashSecret, MAX_TOKEN_DAYS, newSecret, TOKEN_PREFIX, type TokenView, type UserView } from './model.ts';
import * as store from './store.ts';

const ARGON = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ACTOR_CACHE_MS = 5_000;

export function actorFromRow(u: store.UserRow): Actor {
  return { userId: u.id, username: u.username, orgId: u.org_id, orgKind: u.org_kind as OrganisationKind, country: u.org_country, roles: u.roles as Role[] };
}

function userView(u: store.UserRow): UserView {
  return { id: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, roles: u.roles as Role[], disabled: u.disabled, createdAt: u.created_at };
}

function tokenView(t: { id: string; name: string; user_id: string; created_at: Date; expires_at: Date | string; revoked_at: Date | string | null; last_used_at: Date | string | null }): TokenView {
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { id: t.id, name: t.name, userId: t.user_id, createdAt: t.created_at, expiresAt: new Date(t.expires_at), revokedAt: d(t.revoked_at), lastUsedAt: d(t.last_used_at) };
}

/** Administrators manage their own organisation; the secretariat's administrators manage all. */
function mayAdminister(actor: Actor, orgId: string): boolean {
  return actor.system === true || (hasRole(actor, 'admin') && (actor.orgId === orgId || actor.orgId === SECRETARIAT_ID));
}

/** Organisations, users, sign-in sessions and API tokens. */
export function makeIdentity(p: Platform) {
  // Resolving a credential happens on every request; a short cache keeps that off the database.
  const actorCache = new Map<string, { actor: Actor; until: number; sessionCsrf?: string }>();
  let dummyHash: string | undefined;

  async function seedOrganisations(): Promise<void> {
    await store.upsertOrganisations(p.db, organisationSeeds());
  }

  async function createUser(actor: Actor, input: { username: string; displayName: string; orgId: string; roles: string[]; password: string }): Promise<UserView> {
    if (!mayAdminister(actor, input.orgId)) {
      await recordAudit(p.db, actor, { action: 'user.create', outcome: 'refused', recordType: 'user', query: { username: input.username, orgId: input.orgId } });
      throw forbidden('Only an administrator of that organisation (or of the secretariat) may add its users.');
    }
    const problems: FieldProblem[] = [...checkUsername(input.username), ...checkRoles(input.roles), ...checkPassword(input.password)];
    const org = await store.findOrganisation(p.db, input.orgId);
    if (!org) problems.push({ field: 'orgId', message: `unknown organisation "${input.orgId}"` });
    if (org?.kind === 'ngo' && input.roles.some((r) => r !== 'partner' && r !== 'admin')) problems.push({ field: 'roles', message: 'users of an NGO or social service can only be partners or administrators' });
    if (problems.length) throw invalid('The user could not be created.', problems);
    if (await store.findUserByName(p.db, input.username)) throw conflict(`The username "${input.username}" is taken.`);
    const hash = await argon2.hash(input.password, ARGON);
    return p.db.transaction().execute(async (tx) => {
      const id = await store.insertUser(tx, { username: input.username, display_name: input.displayName, org_id: input.orgId, roles: input.roles, password_hash: hash });
      await recordAudit(tx, actor, { action: 'user.create', recordType: 'user', recordIds: [id] });
      return userView((await store.findUserById(tx, id))!);
    });
  }

  /** Many accounts with one password, hashed once: for demo worlds, where the password is printed anyway. */
  async function createUsersSharingPassword(actor: Actor, users: { username: string; displayName: string; orgId: string; roles: Role[] }[], password: string): Promise<void> {
    if (!actor.system) throw forbidden('Only the system creates accounts in bulk.');
    const hash = await argon2.hash(password, ARGON);
    await p.db.transaction().execute(async (tx) => {
      for (const u of users) {
        const id = await store.insertUser(tx, { username: u.username, display_name: u.displayName, org_id: u.orgId, roles: u.roles, password_hash: hash });
        await recordAudit(tx, actor, { action: 'user.create', recordType: 'user', recordIds: [id] });
      }
    });
  }

  async function listUsers(actor: Actor, orgId?: string): Promise<UserView[]> {
    const scope = orgId ?? (actor.orgId === SECRETARIAT_ID ? null : actor.orgId);
    if (!(scope === null ? actor.system || (hasRole(actor, 'admin') && actor.orgId === SECRETARIAT_ID) : mayAdminister(actor, scope))) {
      await recordAudit(p.db, actor, { action: 'user.list', outcome: 'refused', recordType: 'user', query: { orgId } });
      throw forbidden('Only administrators list users.');
    }
    const rows = await store.listUsers(p.db, scope);
    await recordAudit(p.db, actor, { action: 'user.list', recordType: 'user', query: { orgId: scope }, resultCount: rows.length });
    return rows.map(userView);
  }

  async function resetPassword(actor: Actor, username: string, password: string): Promise<void> {
    const user = await store.findUserByName(p.db, username);
    const self = user && actor.userId === user.id;
    if (!user || !(self || mayAdminister(actor, user.org_id))) {
      await recordAudit(p.db, actor, { action: 'user.reset_password', outcome: 'refused', recordType: 'user', query: { username } });
      throw user ? forbidden('Only the user or an administrator of their organisation may set this password.') : notFound('user');
    }
    const problems = checkPassword(password);
    if (problems.length) throw invalid('The password was not changed.', problems);
    const hash = await argon2.hash(password, ARGON);
    await p.db.transaction().execute(async (tx) => {
      await store.setPassword(tx, user.id, hash);
      await recordAudit(tx, actor, { action: 'user.reset_password', recordType: 'user', recordIds: [user.id] });
    });
    actorCache.clear();
  }

  /** Checks a password and opens a session; every attempt, good or bad, is audited. */
  async function login(username: string, password: string): Promise<{ sessionToken: string; csrfToken: string; actor: Actor; expiresAt: Date }> {
    const user = await store.findUserByName(p.db, username);
    // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
    dummyHash ??= await argon2.hash('not a real password', ARGON);
    const ok = await argon2.verify(user?.password_hash ?? dummyHash, password).catch(() => false);
    const who: Actor = user ? actorFromRow(user) : { userId: null, username, orgId: 'unknown', orgKind: 'ncb', country: null, roles: [] };
    if (!user || !ok || user.disabled) {
      await recordAudit(p.db, { ...who, orgId: user?.org_id ?? who.orgId }, { action: 'login', outcome: 'refused', recordType: 'user' });
      throw unauthenticated('Wrong username or password.');
    }
    const session = newSecret();
    const csrf = newSecret();
    const expiresAt = new Date(Date.now() + p.config.sessionHours * 3600_000);
    await p.db.transaction().execute(async (tx) => {
      await store.insertSession(tx, { id: session.hash, user_id: user.id, csrf_token: csrf.secret, expires_at: expiresAt });
      await recordAudit(tx, who, { action: 'login', recordType: 'user', recordIds: [user.id] });
    });
    return { sessionToken: session.secret, csrfToken: csrf.secret, actor: who, expiresAt };
  }

  async function logout(actor: Actor, sessionToken: string): Promise<void> {
    const id = hashSecret(sessionToken);
    await store.revokeSession(p.db, id);
    actorCache.delete(`s:${id}`);
    await recordAudit(p.db, actor, { action: 'logout', recordType: 'user', recordIds: actor.userId ? [actor.userId] : [] });
  }

  /** The actor behind a session cookie, with the session's CSRF token; undefined when not live. */
  async function actorForSession(sessionToken: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
    const key = `s:${hashSecret(sessionToken)}`;
    const cached = actorCache.get(key);
    if (cached && cached.until > Date.now()) return { actor: cached.actor, csrfToken: cached.sessionCsrf! };
    const session = await store.findLiveSession(p.db, hashSecret(sessionToken));
    if (!session) return undefined;
    const user = await store.findUserById(p.db, session.user_id);
    if (!user || user.disabled) return undefined;
    const actor = actorFromRow(user);
    actorCache.set(key, { actor, until: Math.min(Date.now() + ACTOR_CACHE_MS, new Date(session.expires_at).getTime()), sessionCsrf: session.csrf_token });
    return { actor, csrfToken: session.csrf_token };
  }

  /** The actor behind a bearer token; undefined when forged, expired or revoked. */
  async function actorForToken(token: string): Promise<Actor | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = hashSecret(token);
    const key = `t:${hash}`;
    const cached = actorCache.get(key);
    if (cached && cached.until > Date.now()) return cached.actor;
    const row = await store.findTokenByHash(p.db, hash);
    if (!row || row.revoked_at || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
    const user = await store.findUserById(p.db, row.user_id);
    if (!user || user.disabled) return undefined;
    await store.touchToken(p.db, row.id);
    const actor = actorFromRow(user);
    actorCache.set(key, { actor, until: Math.min(Date.now() + ACTOR_CACHE_MS, new Date(row.expires_at).getTime()) });
    return actor;
  }

  async function issueToken(actor: Actor, input: { username?: string; name: string; days?: number }): Promise<{ token: string; view: TokenView }> {
    const user = await store.findUserByName(p.db, input.username ?? actor.username);
    if (!user || !(user.id === actor.userId || mayAdminister(actor, user.org_id))) {
      await recordAudit(p.db, actor, { action: 'token.issue', outcome: 'refused', recordType: 'user', query: { username: input.username } });
      throw user ? forbidden('Only the user or an administrator of their organisation may issue their tokens.') : notFound('user');
    }
    const days = input.days ?? 90;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw invalid('The token was not issued.', [{ field: 'days', message: `between 1 and ${MAX_TOKEN_DAYS} days` }]);
    if (!input.name.trim()) throw invalid('The token was not issued.', [{ field: 'name', message: 'name the token after the client that will use it' }]);
    const secret = newSecret(TOKEN_PREFIX);
    return p.db.transaction().execute(async (tx) => {
      const row = await store.insertToken(tx, { user_id: user.id, name: input.name, token_hash: secret.hash, expires_at: new Date(Date.now() + days * 86400_000) });
      await recordAudit(tx, actor, { action: 'token.issue', recordType: 'api_token', recordIds: [row.id] });
      return { token: secret.secret, view: tokenView(row) };
    });
  }

  async function listTokens(actor: Actor): Promise<TokenView[]> {
    const users = hasRole(actor, 'admin') ? await store.listUsers(p.db, actor.orgId === SECRETARIAT_ID ? null : actor.orgId) : [];
    const ids = users.length ? users.map((u) => u.id) : actor.userId ? [actor.userId] : [];
    const rows = await store.listTokens(p.db, ids);
    await recordAudit(p.db, actor, { action: 'token.list', recordType: 'api_token', resultCount: rows.length });
    return rows.map(tokenView);
  }

  async function revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const row = await store.findToken(p.db, tokenId);
    const owner = row ? await store.findUserById(p.db, row.user_id) : undefined;
    if (!row || !owner || !(owner.id === actor.userId || mayAdminister(actor, owner.org_id))) {
      await recordAudit(p.db, actor, { action: 'token.revoke', outcome: 'refused', recordType: 'api_token', recordIds: [tokenId] });
      throw notFound('token');
    }
    await p.db.transaction().execute(async (tx) => {
      await store.revokeToken(tx, tokenId);
      await recordAudit(tx, actor, { action: 'token.revoke', recordType: 'api_token', recordIds: [tokenId] });
    });
    actorCache.clear();
  }

  /** The actor for a username, for command-line work done in a user's name (imports). */
  async function actorForUsername(username: string): Promise<Actor | undefined> {
    const user = await store.findUserByName(p.db, username);
    return user && !user.disabled ? actorFromRow(user) : undefined;
  }

  async function listOrganisations(_actor: Actor) {
    return store.listOrganisations(p.db);
  }

  const countUsers = () => store.countUsers(p.db);

  return { actorForUsername, seedOrganisations, createUser, createUsersSharingPassword, listUsers, resetPassword, login, logout, actorForSession, actorForToken, issueToken, listTokens, revokeToken, listOrganisations, countUsers };
}

export type Identity = ReturnType<typeof makeIdentity>;
