import type { Role } from '../platform/access/actor.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import type { Services } from '../services.ts';
import { ncbId, SECRETARIAT_ID } from '../identity/members.ts';

/** Every demo account has this password, printed at start: the demo world is for trying Vigil, never for real data. */
export const DEMO_PASSWORD = 'vigil-demo-2026';

export interface DemoUser { username: string; displayName: string; orgId: string; roles: Role[] }

const DEMO_COUNTRIES = ['FRA', 'ITA', 'NGA', 'LBY', 'TUR', 'GRC', 'ESP', 'MAR', 'THA', 'MEX'];

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  for (const c of DEMO_COUNTRIES) {
    const l = c.toLowerCase();
    users.push(
      { username: `${l}.officer`, displayName: `${c} NCB officer`, orgId: ncbId(c), roles: ['officer'] },
      { username: `${l}.frontline`, displayName: `${c} border officer`, orgId: ncbId(c), roles: ['frontline'] },
      { username: `${l}.analyst`, displayName: `${c} analyst`, orgId: ncbId(c), roles: ['analyst'] },
      { username: `${l}.admin`, displayName: `${c} NCB administrator`, orgId: ncbId(c), roles: ['admin'] },
    );
  }
  users.push(
    { username: 'sg.reviewer', displayName: 'Secretariat notice reviewer', orgId: SECRETARIAT_ID, roles: ['reviewer'] },
    { username: 'sg.admin', displayName: 'Secretariat administrator', orgId: SECRETARIAT_ID, roles: ['admin'] },
    { username: 'ngo.partner', displayName: 'Safe Harbour caseworker', orgId: 'NGO-SHELTER', roles: ['partner'] },
  );
  return users;
}

/** Loads the demo world into an empty database, as the system actor (so it is audited). */
export async function loadDemoWorld(_p: Platform, s: Services, onProgress?: (msg: string) => void): Promise<DemoUser[]> {
  const actor = systemActor('demo');
  const users = demoUsers();
  for (const u of users) await s.identity.createUser(actor, { ...u, password: DEMO_PASSWORD });
  onProgress?.(`${users.length} demo users`);
  return users;
}
