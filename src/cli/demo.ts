import { systemActor, type Actor } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import type { Services } from '../services.ts';
import type { PersonData } from '../persons/model.ts';
import type { ImportRow } from '../persons/service.ts';
import { demoWorld } from '../demo/world.ts';
import type { DemoPerson } from '../demo/persons.ts';
import { SECRETARIAT_ID } from '../identity/members.ts';

/** Every demo account has this password, printed at start: the demo world is for trying Vigil, never for real data. */
export const DEMO_PASSWORD = 'vigil-demo-2026';
export const DEMO_SEED = 'vigil-demo';

export interface DemoSize { persons: number; documents: number; notices: number }
/** What `npm start` loads: a few thousand records, enough to try every screen. */
export const SMALL_WORLD: DemoSize = { persons: 2000, documents: 3000, notices: 60 };

const SEX = { male: 'M', female: 'F', unspecified: 'U' } as const;

/** A demo person as the person API's input. */
export function demoPersonRow(p: DemoPerson, line: number): ImportRow & { owner: string } {
  const person: Partial<PersonData> = {
    names: p.names.map((n) => ({ value: n.value, kind: n.kind, script: n.script })),
    sex: SEX[p.sex as keyof typeof SEX] ?? 'U',
    birthDates: p.datesOfBirth,
    birthPlaces: p.placeOfBirth ? [{ country: p.placeOfBirth.country, ...(p.placeOfBirth.locality ? { place: p.placeOfBirth.locality } : {}) }] : [],
    nationalities: p.nationalities,
    identifiers: p.identifiers.map((i) => ({ kind: i.type, value: i.value, ...(i.country ? { country: i.country } : {}) })),
    description: { heightCm: p.description.heightCm, build: p.description.build, eyes: p.description.eyes, hair: p.description.hair },
    marks: p.description.marks,
    languages: p.languages,
  };
  // A tenth of the records are for the owner alone, so the demo shows hit/no-hit without details.
  const audience = p.index % 10 === 3 ? 'owner' : 'all';
  return { line, owner: p.owner, person, envelope: { subject: p.subject, audience, tlp: audience === 'owner' ? 'AMBER+STRICT' : 'AMBER' } };
}

/** Loads the demo world into an empty database, as named system actors (so it is audited). */
export async function loadDemoWorld(_p: Platform, s: Services, size: DemoSize = SMALL_WORLD, onProgress?: (what: string, done: number, total: number) => void) {
  const world = demoWorld({ seed: DEMO_SEED, ...size, today: new Date().toISOString().slice(0, 10) });
  const users = [
    ...world.users.map((u) => ({ username: u.username, displayName: u.displayName, orgId: u.orgId, roles: [u.role] })),
    { username: 'secretariat.admin', displayName: 'General Secretariat — administrator', orgId: SECRETARIAT_ID, roles: ['admin' as const] },
  ];
  await s.identity.createUsersSharingPassword(systemActor('demo'), users, DEMO_PASSWORD);
  onProgress?.('users', users.length, users.length);

  // Persons are imported in batches per owning bureau, as that bureau's system actor.
  const batch = new Map<string, ImportRow[]>();
  let done = 0;
  const flush = async (owner: string) => {
    const rows = batch.get(owner);
    if (!rows?.length) return;
    const actor: Actor = { ...systemActor('demo'), orgId: owner, orgKind: 'ncb', country: owner.slice(4) };
    const outcome = await s.persons.importPersons(actor, rows);
    if (outcome.errors.length) throw new Error(`demo persons did not validate: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    done += rows.length;
    batch.set(owner, []);
    onProgress?.('persons', done, size.persons);
  };
  let line = 0;
  for (const p of world.persons()) {
    const row = demoPersonRow(p, ++line);
    const rows = batch.get(row.owner) ?? [];
    rows.push(row);
    batch.set(row.owner, rows);
    if (rows.length >= 1000) await flush(row.owner);
  }
  for (const owner of [...batch.keys()]) await flush(owner);
  return { users };
}
