import { makeIdentity } from './identity/service.ts';
import { makePersons } from './persons/service.ts';
import { makeDocuments } from './documents/service.ts';
import { makeImports } from './imports/service.ts';
import { makeNotices } from './notices/service.ts';
import { makeHits } from './hits/service.ts';
import { makeRetention } from './retention/service.ts';
import { makeScreening } from './screening/service.ts';
import { makeBiometrics } from './biometrics/service.ts';
import type { Platform } from './platform/platform.ts';

/** Every capability's service, wired once; a capability names the other services it calls. */
export function makeServices(p: Platform) {
  const identity = makeIdentity(p);
  const persons = makePersons(p, identity);
  const hits = makeHits(p);
  const documents = makeDocuments(p, identity, persons, hits);
  const notices = makeNotices(p, identity);
  const imports = makeImports(p, { persons, documents, notices });
  // Hits name the records they are about, as each viewer may see them.
  hits.describeWith('document', documents.describeRecords);
  hits.describeWith('notice', notices.describeRecords);
  const retention = makeRetention(p, { persons, documents, notices });
  const screening = makeScreening(p, { hits, notices });
  const biometrics = makeBiometrics(p, { identity, hits });
  return {
    identity,
    hits,
    screening,
    biometrics,
    retention,
    persons,
    documents,
    imports,
    notices,
    /** Background work that runs while serving (index builds, retention sweeps). */
    async start(onProgress?: (what: string, done: number, total: number) => void): Promise<void> {
      await screening.start((done, total) => onProgress?.('screening index', done, total));
      await biometrics.start(onProgress);
    },
    async stop(): Promise<void> {
      await screening.stop();
      biometrics.stop();
    },
  };
}

export type Services = ReturnType<typeof makeServices>;
