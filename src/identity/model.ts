import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../platform/access/actor.ts';
import type { FieldProblem } from '../platform/errors.ts';

/** A user as shown through the API (never the password hash). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  disabled: boolean;
  createdAt: Date;
}

export interface TokenView { id: string; name: string; userId: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null }

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_PREFIX = 'vgl_';

export function checkPassword(password: string): FieldProblem[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [{ field: 'password', message: `a password needs at least ${MIN_PASSWORD_LENGTH} characters` }];
  if (password.length > 256) return [{ field: 'password', message: 'a password may have at most 256 characters' }];
  return [];
}

export function checkUsername(username: string): FieldProblem[] {
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(username) ? [] : [{ field: 'username', message: 'use 3–64 lowercase letters, digits, dots, hyphens or underscores' }];
}

export function checkRoles(roles: string[]): FieldProblem[] {
  if (roles.length === 0) return [{ field: 'roles', message: 'give at least one role' }];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  return unknown.length ? [{ field: 'roles', message: `unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}` }] : [];
}

/** A fresh secret; only its SHA-256 is stored, so a stolen database yields no usable token. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A readable random password for generated accounts. */
export function generatePassword(): string {
  const words = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${words.slice(0, 4)}-${words.slice(4, 8)}-${words.slice(8, 12)}-${words.slice(12, 16)}`;
}
