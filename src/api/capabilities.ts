import type { Platform } from '../platform/platform.ts';
import type { Services } from '../services.ts';
import { identityRoutes } from '../identity/routes.ts';
import { platformRoutes } from './platform-routes.ts';
import { personRoutes } from '../persons/routes.ts';
import { documentRoutes } from '../documents/routes.ts';
import { exportRoutes, importRoutes } from '../imports/routes.ts';
import { noticeRoutes } from '../notices/routes.ts';
import { screeningRoutes } from '../screening/routes.ts';
import { hitRoutes } from '../hits/routes.ts';
import { biometricRoutes } from '../biometrics/routes.ts';
import { retentionRoutes } from '../retention/routes.ts';
import type { Api } from './types.ts';

/** The explicit list of what the API serves; nothing registers itself by import order. */
export async function capabilityRoutes(api: Api, p: Platform, s: Services): Promise<void> {
  identityRoutes(api, p, s.identity);
  platformRoutes(api, p);
  personRoutes(api, s.persons);
  noticeRoutes(api, s.notices);
  documentRoutes(api, s.documents);
  importRoutes(api, p, s.imports);
  exportRoutes(api, s);
  screeningRoutes(api, s.screening);
  hitRoutes(api, s.hits);
  biometricRoutes(api, s.biometrics);
  retentionRoutes(api, s.retention);
}
