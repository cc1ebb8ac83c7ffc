import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { isPolice } from '../platform/access/actor.ts';
import type { Envelope, EnvelopeInput } from '../platform/access/envelope.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { auditedPages } from '../platform/audit/pages.ts';
import { DomainError, forbidden, type LineProblem } from '../platform/errors.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Platform } from '../platform/platform.ts';
import { mayRequestNotices } from './access.ts';
import { cleanContent, type NoticeContent } from './content-schema.ts';
import type { NoticeKind, NoticeStatus } from './model.ts';
import { exportPage, type NoticeExportFilter } from './import-store.ts';
import * as store from './store.ts';

type Tx = Kysely<Database> | Transaction<Database>;

/** One line of an import file, already parsed: the content as `POST /notices` takes it, and its envelope. */
export interface NoticeImportRow { line: number; notice: unknown; envelope?: EnvelopeInput }
export type NoticeLineProblem = LineProblem;
export interface NoticeImportOutcome { stored: number; ids: string[]; errors: NoticeLineProblem[] }

/** What the import needs from the notices service: the same checks `createNotice` applies. */
export interface NoticeImportDeps {
  /** Checks content against its kind's schema and builds the envelope; throws `invalid` naming every field. */
  prepare: (owner: string, input: { notice: unknown; envelope?: EnvelopeInput }) => Promise<{ content: NoticeContent; envelope: Envelope }>;
  refuse: (actor: Actor, action: string, ids: string[], error: Error) => Promise<never>;
  history: (tx: Tx, actor: Actor, id: string, action: string, from: NoticeStatus | null, to: NoticeStatus) => Promise<void>;
}

/** Bulk import (as drafts) and export of notices; `makeNotices` wires it in with its own rules. */
export function makeNoticeImport(p: Platform, deps: NoticeImportDeps) {
  /**
   * Checks every row as `createNotice` does (the kind's content schema, the envelope, a
   * diffusion's recipients); a batch with any error stores nothing and reports every error. A
   * clean batch is stored as drafts of the importer's organisation in one transaction with one
   * audit entry. An import never submits, publishes or sends anything: the review stays enforced,
   * and the owner takes each draft through the lifecycle as usual.
   */
  async function importNotices(actor: Actor, rows: NoticeImportRow[], opts: { validateOnly?: boolean } = {}): Promise<NoticeImportOutcome> {
    if (!mayRequestNotices(actor)) return deps.refuse(actor, 'notice.import', [], forbidden('Only officers of a police organisation import notices.'));
    const errors: NoticeLineProblem[] = [];
    const items: { content: NoticeContent; envelope: Envelope }[] = [];
    for (const row of rows) {
      try {
        items.push(await deps.prepare(actor.orgId, { notice: row.notice, envelope: row.envelope }));
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
        const fields = e.details.fields?.length ? e.details.fields : [{ field: 'notice', message: e.message }];
        errors.push(...fields.map((f) => ({ line: row.line, ...f })));
      }
    }
    if (opts.validateOnly) return { stored: 0, ids: [], errors };
    if (errors.length) {
      await recordAudit(p.db, actor, { action: 'notice.import', outcome: 'failed', recordType: 'notice', query: { lines: rows.length, errors: errors.length }, resultCount: 0 });
      return { stored: 0, ids: [], errors };
    }
    const kinds: Partial<Record<NoticeKind, number>> = {};
    for (const { content } of items) kinds[content.kind] = (kinds[content.kind] ?? 0) + 1;
    const ids = await p.db.transaction().execute(async (tx) => {
      const stored: string[] = [];
      // Notices come in tens, not millions: the single-record insert keeps their derived columns in one place.
      for (const { content, envelope } of items) {
        const id = await store.insertNotice(tx, content, envelope, actor.userId);
        await deps.history(tx, actor, id, 'import', null, 'draft');
        stored.push(id);
      }
      await recordAudit(tx, actor, { action: 'notice.import', recordType: 'notice', recordIds: stored, resultCount: stored.length, query: { kinds } });
      return stored;
    });
    return { stored: ids.length, ids, errors: [] };
  }

  /** Every notice the actor may see in full as a member, page by page, for export (audited once per page). */
  async function* exportNotices(actor: Actor, filter: NoticeExportFilter = {}): AsyncGenerator<Record<string, unknown>[]> {
    if (!isPolice(actor)) await deps.refuse(actor, 'notice.export', [], forbidden('Partner organisations do not have access to police notices.'));
    yield* auditedPages(p.db, actor, { action: 'notice.export', recordType: 'notice', query: filter }, 500,
      (after, size) => exportPage(p.db, actor, filter, after, size), noticeExportLine);
  }

  return { importNotices, exportNotices };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * A notice as one line of an export, in the import format: `notice` and `envelope` are what an
 * import reads; the rest (id, status, reference, dates, owner) describes the source and is
 * ignored by an import, which always starts a draft. A diffusion's audience is its recipients,
 * so its envelope carries no audience of its own.
 */
export function noticeExportLine(row: store.NoticeRow): Record<string, unknown> {
  const env: Record<string, unknown> = {
    audience: row.audience, audienceOrgs: row.audience_orgs, deniedOrgs: row.denied_orgs, tlp: row.tlp, handling: row.handling, subject: row.subject,
    reviewAt: iso(row.review_at), source: row.source, reliability: row.reliability, accuracy: row.accuracy,
  };
  if (row.kind === 'diffusion') for (const k of ['audience', 'audienceOrgs', 'deniedOrgs']) delete env[k];
  return {
    id: row.id, version: row.version, owner: row.owner_org, status: row.status, reference: row.reference,
    createdAt: iso(row.created_at), updatedAt: iso(row.updated_at), publishedAt: iso(row.published_at),
    notice: cleanContent(row.content as NoticeContent), envelope: env,
  };
}
