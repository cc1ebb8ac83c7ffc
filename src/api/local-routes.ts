import path from 'node:path';
import { Type } from 'typebox';
import { systemActor } from '../platform/access/actor.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { backupTo } from '../platform/db/backup.ts';
import { forbidden } from '../platform/errors.ts';
import type { Platform } from '../platform/platform.ts';
import { secretMatches } from '../cli/local-control.ts';
import type { Api } from './types.ts';

/** Calls only the local CLI can make: it proves itself with the secret the server left in its data directory. */
export function localControlRoutes(api: Api, p: Platform, secret: string): void {
  api.post('/system/backup', {
    config: { access: 'public' },
    schema: { hide: true, body: Type.Object({ file: Type.String({ minLength: 1 }) }, { additionalProperties: false }) },
  }, async (request) => {
    if (!secretMatches(secret, request.headers['x-vigil-local-secret'])) throw forbidden('Only the local command line may ask for a backup.');
    const actor = systemActor('backup');
    const file = path.resolve(request.body.file);
    const result = await backupTo(p.db, file);
    await recordAudit(p.db, actor, { action: 'backup', query: { file }, resultCount: result.rows });
    return result;
  });
}
