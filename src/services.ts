import { makeIdentity } from './identity/service.ts';
import { makePersons } from './persons/service.ts';
import { makeImports } from './imports/service.ts';
import type { Platform } from './platform/platform.ts';

/** Every capability's service, wired once; a capability names the other services it calls. */
export function makeServices(p: Platform) {
  const identity = makeIdentity(p);
  const persons = makePersons(p, identity);
  const imports = makeImports(p, { persons });
  return {
    identity,
    persons,
    imports,
    /** Background work that runs while serving (index builds, retention sweeps). */
    async start(): Promise<void> {},
    async stop(): Promise<void> {},
  };
}

export type Services = ReturnType<typeof makeServices>;
