import type { DemoCountry, DemoUser } from './countries.ts';
import { DEMO_COUNTRIES, demoUsers } from './countries.ts';
import type { DemoDocument } from './documents.ts';
import { generateDocuments } from './documents.ts';
import type { DemoNotice } from './notices.ts';
import { DEMO_TODAY, generateNotices } from './notices.ts';
import type { DemoPerson } from './persons.ts';
import { generatePersons } from './persons.ts';
import type { Seed } from './random.ts';

export interface DemoWorldOptions {
  seed: Seed;
  persons: number;
  documents: number;
  notices: number;
  /** The day the world is set on (YYYY-MM-DD); pass today's date for notices that are current now. */
  today?: string;
}

/** A whole demo world: fixed reference data, and streams that build records only as they are read. */
export interface DemoWorld {
  countries: readonly DemoCountry[];
  users: DemoUser[];
  persons(): Generator<DemoPerson>;
  documents(): Generator<DemoDocument>;
  notices(): Generator<DemoNotice>;
}

/** Describes the world `seed`; each stream may be read more than once and gives the same records. Notices need persons. */
export function demoWorld(opts: DemoWorldOptions): DemoWorld {
  const { seed, today = DEMO_TODAY } = opts;
  return {
    countries: DEMO_COUNTRIES,
    users: demoUsers(),
    persons: () => generatePersons({ seed, count: opts.persons }),
    documents: () => generateDocuments({ seed, count: opts.documents, personCount: opts.persons }),
    notices: () => generateNotices({ seed, count: opts.notices, personCount: opts.persons, today }),
  };
}
