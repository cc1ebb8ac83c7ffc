/** Roles a user can hold; a user may hold several. */
export const ROLES = ['frontline', 'officer', 'analyst', 'reviewer', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type OrganisationKind = 'ncb' | 'secretariat' | 'agency' | 'ngo';

/** Who is acting: every service call takes one, and every audit entry names one. */
export interface Actor {
  userId: string | null;
  username: string;
  orgId: string;
  orgKind: OrganisationKind;
  country: string | null;
  roles: Role[];
  /** Background work (retention, index builds, imports) runs as a named system actor. */
  system?: boolean;
}

export function systemActor(task: string): Actor {
  return { userId: null, username: `system:${task}`, orgId: 'SECRETARIAT', orgKind: 'secretariat', country: null, roles: ['admin'], system: true };
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.system === true || roles.some((r) => actor.roles.includes(r));

/** Partners (NGOs, social services) receive referrals only, never police data. */
export const isPolice = (actor: Actor) => actor.system === true || (actor.orgKind !== 'ngo' && !(actor.roles.length === 1 && actor.roles[0] === 'partner'));
