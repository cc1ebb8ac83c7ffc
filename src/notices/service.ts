import { isPolice, type Actor } from '../platform/access/actor.ts';
import { audienceRecipients, buildEnvelope, envelopeView, type Envelope, type EnvelopeInput } from '../platform/access/envelope.ts';
import { envelopeFromRow } from '../platform/access/sql.ts';
import { recordAudit } from '../platform/audit/log.ts';
import { conflict, DomainError, forbidden, invalid, invalidField, notFound } from '../platform/errors.ts';
import type { EventInput } from '../platform/events.ts';
import type { Platform } from '../platform/platform.ts';
import { SECRETARIAT_ID as SECRETARIAT } from '../identity/members.ts';
import type { Identity } from '../identity/service.ts';
import { isSecretariatReviewer, mayRequestNotices, mayViewNotice, noticeActorOf } from './access.ts';
import { checkContent, cleanContent, type NoticeContent } from './content-schema.ts';
import { isInForce,
  allowedTransition, applyTransition, nextTransitions, publicExtract, subjectOf,
  type Notice, type NoticeAction, type NoticeKind, type NoticeStatus, type PublicExtract,
} from './model.ts';
import { makeNoticeImport } from './import.ts';
import { makeNoticeRetention } from './retention.ts';
import { canPublish, possibleDuplicates, reviewNotice, type ReviewCheck } from './review.ts';
import * as store from './store.ts';
import { defaultSubjectCategory, formatReference, referencePrefix, titleOf } from './summary.ts';

type Tx = Parameters<typeof recordAudit>[0];

/** A notice as an actor who may see it gets it. */
export interface NoticeView {
  id: string;
  kind: NoticeKind;
  status: NoticeStatus;
  reference: string | null;
  title: string;
  content: NoticeContent;
  envelope: ReturnType<typeof envelopeView>;
  recipients: string[];
  /** Why the secretariat refused or cancelled it. */
  decisionReasons: string[];
  /** The steps this actor may take next. */
  actions: NoticeAction[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
}

/** A published notice the reviewer should compare a request with. */
export interface DuplicateView { id: string; reference: string | null; kind: NoticeKind; owner: string; title: string; datesOfBirth: string[]; publishedAt: Date | null }

/** A request as a client sends it; `notice` is checked against its kind's schema before anything is stored. */
export interface NoticeInput { notice: NoticeContent | Record<string, unknown>; envelope?: EnvelopeInput }
/** What a reviewer adds to a decision: a neutrality justification, duplicates checked and found different. */
export interface ReviewDecision { justification?: string; acknowledgedDuplicates?: string[] }

/** Whoever reads the public extracts: no account, audited under this name. */
export const publicVisitor: Actor = { userId: null, username: 'public', orgId: 'public', orgKind: 'ngo', country: null, roles: [] };

const contentOf = (row: store.NoticeRow) => row.content as NoticeContent;

/** Just enough of a notice to read its subject. */
const toModelLite = (r: { id: string; kind: string; status: string; content: unknown }) => ({ ...(r.content as NoticeContent), id: r.id, status: r.status }) as unknown as Notice;

/** The model's notice from a stored row, for the lifecycle and the review. */
function toModel(row: store.NoticeRow): Notice {
  return {
    ...contentOf(row), id: row.id, owner: row.owner_org, status: row.status as NoticeStatus, createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(), decisionReasons: row.decision_reasons,
    ...(row.reference ? { reference: row.reference } : {}),
  } as Notice;
}

const accessFacts = (row: store.NoticeRow) => ({ envelope: envelopeFromRow(row), status: row.status as NoticeStatus, publishedAt: row.published_at ? new Date(row.published_at) : null });
const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));

function noticeView(actor: Actor, row: store.NoticeRow): NoticeView {
  const kind = row.kind as NoticeKind;
  const status = row.status as NoticeStatus;
  return {
    id: row.id, kind, status, reference: row.reference, title: titleOf(contentOf(row)), content: cleanContent(contentOf(row)),
    envelope: envelopeView(envelopeFromRow(row)), recipients: row.recipients, decisionReasons: row.decision_reasons,
    actions: [...new Set(nextTransitions(kind, status, noticeActorOf(actor, row.owner_org)).map((t) => t.action))],
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    submittedAt: asDate(row.submitted_at), publishedAt: asDate(row.published_at), expiresAt: asDate(row.expires_at),
  };
}

/** Notices and diffusions: requests, the secretariat's enforced review, publication with alerts, and the public extract. */
export function makeNotices(p: Platform, identity: Identity) {
  let orgKinds: Map<string, string> | undefined;
  const organisations = async () => {
    orgKinds ??= new Map((await identity.listOrganisations(publicVisitor)).map((o) => [o.id, o.kind]));
    return orgKinds;
  };

  async function refuse(actor: Actor, action: string, ids: string[], error: Error, query?: unknown): Promise<never> {
    await recordAudit(p.db, actor, { action, outcome: 'refused', recordType: 'notice', recordIds: ids, ...(query === undefined ? {} : { query }) });
    throw error;
  }

  /** The content checked for shape, with its envelope: a diffusion's audience is its recipients. */
  async function prepare(owner: string, input: { notice: unknown; envelope?: EnvelopeInput }, keep?: Envelope): Promise<{ content: NoticeContent; envelope: Envelope }> {
    const { content, problems } = checkContent(input.notice);
    if (!content) throw invalid('The notice was not stored.', problems);
    const orgs = await organisations();
    const envInput: EnvelopeInput = { subject: defaultSubjectCategory(content), ...(keep ? { ...keep, reviewAt: undefined } : {}), ...input.envelope };
    if (content.kind === 'diffusion') {
      for (const field of ['audience', 'audienceOrgs', 'deniedOrgs'] as const) {
        if (input.envelope?.[field] !== undefined) problems.push({ field: `envelope.${field}`, message: 'a diffusion goes to its recipients: choose them in notice.recipients' });
      }
      content.recipients = [...new Set(content.recipients)];
      content.recipients.forEach((org, i) => {
        const kind = orgs.get(org);
        if (!kind) problems.push({ field: `notice.recipients.${i}`, message: `unknown organisation "${org}"` });
        else if (kind === 'ngo') problems.push({ field: `notice.recipients.${i}`, message: `${org} is not a police organisation` });
        else if (org === owner) problems.push({ field: `notice.recipients.${i}`, message: 'a diffusion goes to other members' });
      });
      Object.assign(envInput, content.recipients.length ? { audience: 'listed', audienceOrgs: content.recipients } : { audience: 'owner', audienceOrgs: [] }, { deniedOrgs: [] });
    }
    if (content.publicExtractAgreed && content.kind !== 'red' && content.kind !== 'yellow') {
      problems.push({ field: 'notice.publicExtractAgreed', message: 'only Red and Yellow notices have a public extract' });
    }
    const { envelope, problems: envProblems } = buildEnvelope(owner, envInput, (id) => orgs.has(id));
    if (keep && !input.envelope?.reviewAt) envelope.reviewAt = keep.reviewAt;
    problems.push(...envProblems.map((e) => ({ ...e, field: `envelope.${e.field}` })));
    if (problems.length) throw invalid('The notice was not stored.', problems);
    return { content, envelope };
  }

  const history = (tx: Tx, actor: Actor, id: string, action: string, from: NoticeStatus | null, to: NoticeStatus, reasons: readonly string[] = []) =>
    store.insertHistory(tx, { notice_id: id, user_id: actor.userId, username: actor.username, org_id: actor.orgId, action, from_status: from, to_status: to, reasons: [...reasons] });

  /** Starts a request (or a diffusion) as a draft of the actor's organisation. */
  async function createNotice(actor: Actor, input: NoticeInput): Promise<NoticeView> {
    if (!mayRequestNotices(actor)) return refuse(actor, 'notice.create', [], forbidden('Only officers of a police organisation request notices or send diffusions.'));
    const { content, envelope } = await prepare(actor.orgId, input);
    return p.db.transaction().execute(async (tx) => {
      const id = await store.insertNotice(tx, content, envelope, actor.userId);
      await history(tx, actor, id, 'create', null, 'draft');
      await recordAudit(tx, actor, { action: 'notice.create', recordType: 'notice', recordIds: [id], query: { kind: content.kind } });
      return noticeView(actor, (await store.findNotice(tx, id))!);
    });
  }

  /** The row if the actor may see it; a refusal (404) otherwise, whether it exists or not. */
  async function load(actor: Actor, id: string, action: string): Promise<store.NoticeRow> {
    const row = await store.findNotice(p.db, id);
    if (!row || !mayViewNotice(actor, accessFacts(row))) return refuse(actor, action, [id], notFound('notice'));
    return row;
  }

  /** Changes a draft: its content (same kind) and its envelope. */
  async function updateNotice(actor: Actor, id: string, input: Partial<NoticeInput> & { expectedVersion?: number }): Promise<NoticeView> {
    const row = await load(actor, id, 'notice.update');
    if (row.owner_org !== actor.orgId || !mayRequestNotices(actor)) return refuse(actor, 'notice.update', [id], forbidden('Only the requesting organisation\'s officers change a notice.'));
    if (row.status !== 'draft') return refuse(actor, 'notice.update', [id], conflict(`A ${row.status} notice cannot be changed; only a draft can (revise a refused one first).`));
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw conflict(`The notice is at version ${row.version}; reload it and apply your change again.`);
    }
    if (input.notice && input.notice.kind !== row.kind) throw invalidField('notice.kind', `this draft is a ${row.kind}; start a new draft for another kind`);
    const { content, envelope } = await prepare(row.owner_org, { notice: input.notice ?? contentOf(row), envelope: input.envelope }, envelopeFromRow(row));
    return p.db.transaction().execute(async (tx) => {
      if (!(await store.updateDraft(tx, id, row.version, content, envelope))) throw conflict('The notice changed meanwhile; reload it and apply your change again.');
      await history(tx, actor, id, 'edit', 'draft', 'draft');
      await recordAudit(tx, actor, { action: 'notice.update', recordType: 'notice', recordIds: [id] });
      return noticeView(actor, (await store.findNotice(tx, id))!);
    });
  }

  // ---- the lifecycle -------------------------------------------------------------------------

  interface StepOptions {
    reasons?: readonly string[];
    /** Checks that must hold before the step (the review); may throw after auditing the refusal. */
    guard?: (row: store.NoticeRow, notice: Notice) => Promise<store.StepColumns>;
    /** Who is told, inside the step's transaction. */
    alert?: (row: store.NoticeRow, from: NoticeStatus) => EventInput | EventInput[] | null;
    /** The system sweep has already loaded the row. */
    row?: store.NoticeRow;
  }

  /** One lifecycle step: access, the model's rules, optimistic locking, history, audit and alerts together. */
  async function step(actor: Actor, id: string, to: NoticeStatus, auditAction: string, opts: StepOptions = {}): Promise<NoticeView> {
    const row = opts.row ?? (await load(actor, id, auditAction));
    const notice = toModel(row);
    const from = notice.status;
    const result = applyTransition(notice, to, noticeActorOf(actor, row.owner_org), { at: new Date().toISOString(), reasons: opts.reasons });
    if (!result.ok) {
      const error = !allowedTransition(from, to, notice.kind) ? conflict(`This ${notice.kind} is ${from}: ${result.reason}.`)
        : !nextTransitions(notice.kind, from, noticeActorOf(actor, row.owner_org)).some((s) => s.to === to) ? forbidden(`${result.reason[0].toUpperCase()}${result.reason.slice(1)}.`)
          : invalidField('reasons', result.reason);
      return refuse(actor, auditAction, [id], error);
    }
    const extra = opts.guard ? await opts.guard(row, notice) : {};
    const reasons = (opts.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
    if (result.transition.needsReasons) extra.decision_reasons = reasons;
    return p.db.transaction().execute(async (tx) => {
      if (!(await store.moveNotice(tx, id, row.version, from, to, extra))) throw conflict('The notice changed meanwhile; reload it and try again.');
      await history(tx, actor, id, result.transition.action, from, to, reasons);
      await recordAudit(tx, actor, { action: auditAction, recordType: 'notice', recordIds: [id], query: { from, to, ...(reasons.length ? { reasons } : {}) } });
      const after = (await store.findNotice(tx, id))!;
      const alerts = opts.alert?.(after, from);
      for (const e of alerts ? [alerts].flat() : []) await p.events.publish(tx, e);
      return noticeView(actor, after);
    });
  }

  const summary = (row: store.NoticeRow) => ({ id: row.id, kind: row.kind, reference: row.reference, title: titleOf(contentOf(row)), owner: row.owner_org, status: row.status });
  const alertTo = (type: string, row: store.NoticeRow, orgs: string[] | null, excludedOrgs: string[] = []): EventInput =>
    ({ type, recordType: 'notice', recordId: row.id, recipientOrgs: orgs === null ? null : [...new Set(orgs)], excludedOrgs, payload: summary(row) });
  /** Everyone the notice reached: its audience (a diffusion's recipients), and always its owner. */
  const audienceAlert = (type: string, row: store.NoticeRow) => {
    const { recipientOrgs, excludedOrgs } = audienceRecipients(envelopeFromRow(row));
    return alertTo(type, row, recipientOrgs && [row.owner_org, ...recipientOrgs], excludedOrgs.filter((o) => o !== row.owner_org));
  };

  async function reviewOf(row: store.NoticeRow, notice: Notice, decision: ReviewDecision) {
    const candidates = await store.duplicateCandidates(p.db, notice.kind, row.birth_years, row.id);
    const published = candidates.map(toModel);
    const checks = reviewNotice(notice, { publishedNotices: published, justification: decision.justification, acknowledgedDuplicates: decision.acknowledgedDuplicates, now: new Date() });
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const duplicates: DuplicateView[] = possibleDuplicates(notice, published).map((d) => {
      const c = byId.get(d.id)!;
      return { id: c.id, reference: c.reference, kind: c.kind as NoticeKind, owner: c.owner_org, title: titleOf(contentOf(c)), datesOfBirth: [...(subjectOf(d)?.datesOfBirth ?? [])], publishedAt: asDate(c.published_at) };
    });
    return { checks, duplicates };
  }

  /** The enforced review: publication (or a diffusion's confirmation) only when every blocking rule passes. */
  function enforcedReview(actor: Actor, action: string, decision: ReviewDecision) {
    return async (row: store.NoticeRow, notice: Notice): Promise<store.StepColumns> => {
      const { checks } = await reviewOf(row, notice, decision);
      if (!canPublish(checks)) {
        const failed = checks.filter((c) => c.blocking && !c.passed);
        return refuse(actor, action, [row.id], new DomainError('conflict',
          `The review does not allow it: ${failed.map((c) => `${c.rule}: ${c.message}`).join(' ')}`, { failedChecks: failed }), { failed: failed.map((c) => c.rule) });
      }
      return { review_checks: JSON.stringify(checks), review_justification: decision.justification?.trim() || null };
    };
  }

  const submitNotice = (actor: Actor, id: string) => step(actor, id, 'submitted', 'notice.submit', {
    guard: async () => ({ submitted_at: new Date() }),
    alert: (row) => alertTo('notice.submitted', row, [SECRETARIAT]),
  });

  const takeUnderReview = (actor: Actor, id: string) => step(actor, id, 'under_review', 'notice.take_under_review', {
    alert: (row) => alertTo('notice.under_review', row, [row.owner_org]),
  });

  /** Publishes after the enforced review; every member in the audience is alerted at once. */
  const publishNotice = (actor: Actor, id: string, decision: ReviewDecision = {}) => step(actor, id, 'published', 'notice.publish', {
    guard: async (row, notice) => {
      const columns = await enforcedReview(actor, 'notice.publish', decision)(row, notice);
      return { ...columns, decision_reasons: [], published_at: new Date(), reference: await reserveReference(notice.kind) };
    },
    alert: (row) => audienceAlert('notice.published', row),
  });

  // Numbers are drawn in their own short transaction: a failed publication leaves a gap, never a duplicate.
  const reserveReference = (kind: NoticeKind) => p.db.transaction().execute(async (tx) => {
    const prefix = referencePrefix(kind, new Date());
    return formatReference(prefix, await store.nextReferenceNumber(tx, prefix));
  });

  const refuseNotice = (actor: Actor, id: string, reasons: readonly string[], decision: ReviewDecision = {}) => step(actor, id, 'refused', 'notice.refuse', {
    reasons,
    guard: async (row, notice) => ({ review_checks: JSON.stringify((await reviewOf(row, notice, decision)).checks), review_justification: null }),
    // A refused diffusion already reached its recipients: they are told not to act on it.
    alert: (row) => (row.kind === 'diffusion' ? audienceAlert('notice.refused', row) : alertTo('notice.refused', row, [row.owner_org])),
  });

  const reviseNotice = (actor: Actor, id: string) => step(actor, id, 'draft', 'notice.revise');

  const withdrawNotice = (actor: Actor, id: string) => step(actor, id, 'withdrawn', 'notice.withdraw', {
    // Withdrawing a request the secretariat holds takes it out of the review queue: tell them.
    alert: (row, from) => (from === 'draft' ? null : alertTo('notice.withdrawn', row, [row.owner_org, SECRETARIAT])),
  });

  const cancelNotice = (actor: Actor, id: string, reasons: readonly string[] = []) => step(actor, id, 'cancelled', 'notice.cancel', {
    reasons, alert: (row) => audienceAlert('notice.cancelled', row),
  });

  /** Sends a diffusion straight to the members it names; the secretariat reviews it afterwards. */
  const sendDiffusion = (actor: Actor, id: string) => step(actor, id, 'sent', 'notice.send', {
    guard: async (row) => {
      if (row.recipients.length === 0) return refuse(actor, 'notice.send', [id], invalidField('notice.recipients', 'choose at least one member to send the diffusion to'));
      return { published_at: new Date(), submitted_at: new Date(), reference: await reserveReference('diffusion') };
    },
    alert: (row) => [audienceAlert('notice.sent', row), alertTo('notice.submitted', row, [SECRETARIAT])],
  });

  /** The secretariat finds a diffusion already sent compliant. */
  const confirmDiffusion = (actor: Actor, id: string, decision: ReviewDecision = {}) => step(actor, id, 'reviewed_ok', 'notice.confirm', {
    guard: (row, notice) => enforcedReview(actor, 'notice.confirm', decision)(row, notice),
    alert: (row) => alertTo('notice.confirmed', row, [row.owner_org]),
  });

  /** Ends notices in force past their review date (or an orange notice's end). Run by the retention sweep. */
  async function expireDueNotices(actor: Actor, now = new Date()): Promise<string[]> {
    if (!actor.system) return refuse(actor, 'notice.expire', [], forbidden('Notices expire by the retention sweep only.'));
    const expired: string[] = [];
    for (const row of await store.dueForExpiry(p.db, now)) {
      try {
        await step(actor, row.id, 'expired', 'notice.expire', { row, alert: (r) => audienceAlert('notice.expired', r) });
        expired.push(row.id);
      } catch (e) {
        // Someone changed it meanwhile (cancelled it, say); the next sweep looks again.
        if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      }
    }
    return expired;
  }

  // ---- reads ---------------------------------------------------------------------------------

  async function getNotice(actor: Actor, id: string): Promise<NoticeView> {
    await requirePolice(actor, 'notice.read', [id]);
    const row = await load(actor, id, 'notice.read');
    await recordAudit(p.db, actor, { action: 'notice.read', recordType: 'notice', recordIds: [id] });
    return noticeView(actor, row);
  }

  async function requirePolice(actor: Actor, action: string, ids: string[] = []) {
    if (!isPolice(actor)) await refuse(actor, action, ids, forbidden('Partner organisations do not have access to police notices.'));
  }

  async function listNotices(actor: Actor, filter: store.NoticeFilter): Promise<{ total: number; items: NoticeView[] }> {
    await requirePolice(actor, 'notice.search');
    const limit = Math.min(filter.limit ?? 50, 500);
    const [rows, total] = await Promise.all([store.listVisible(p.db, actor, { ...filter, limit }), store.countVisible(p.db, actor, filter)]);
    await recordAudit(p.db, actor, { action: 'notice.search', recordType: 'notice', recordIds: rows.map((r) => r.id), query: filter, resultCount: total });
    return { total, items: rows.map((r) => noticeView(actor, r)) };
  }

  async function countNotices(actor: Actor, filter: store.NoticeFilter): Promise<number> {
    await requirePolice(actor, 'notice.count');
    const total = await store.countVisible(p.db, actor, filter);
    await recordAudit(p.db, actor, { action: 'notice.count', recordType: 'notice', query: filter, resultCount: total });
    return total;
  }

  async function noticeHistory(actor: Actor, id: string) {
    await requirePolice(actor, 'notice.history', [id]);
    await load(actor, id, 'notice.history');
    const rows = await store.listHistory(p.db, id);
    await recordAudit(p.db, actor, { action: 'notice.history', recordType: 'notice', recordIds: [id], resultCount: rows.length });
    return rows.map((h) => ({ at: h.at, username: h.username, orgId: h.org_id, action: h.action, from: h.from_status, to: h.to_status, reasons: h.reasons }));
  }

  async function requireReviewer(actor: Actor, action: string, ids: string[]) {
    if (!isSecretariatReviewer(actor)) await refuse(actor, action, ids, forbidden('Only the secretariat\'s reviewers do this.'));
  }

  /** Notices waiting for the secretariat, oldest first. */
  async function reviewQueue(actor: Actor, filter: { kind?: NoticeKind; limit?: number; offset?: number }): Promise<{ total: number; items: NoticeView[] }> {
    await requireReviewer(actor, 'notice.review_queue', []);
    const [rows, total] = await Promise.all([store.reviewQueue(p.db, { ...filter, limit: Math.min(filter.limit ?? 50, 500) }), store.countReviewQueue(p.db, filter)]);
    await recordAudit(p.db, actor, { action: 'notice.review_queue', recordType: 'notice', recordIds: rows.map((r) => r.id), query: filter, resultCount: total });
    return { total, items: rows.map((r) => noticeView(actor, r)) };
  }

  /** The reviewer's checklist for a notice, with the published notices it may duplicate. */
  async function reviewChecklist(actor: Actor, id: string, decision: ReviewDecision = {}): Promise<{ canPublish: boolean; checks: ReviewCheck[]; possibleDuplicates: DuplicateView[] }> {
    await requireReviewer(actor, 'notice.checklist', [id]);
    const row = await load(actor, id, 'notice.checklist');
    const { checks, duplicates } = await reviewOf(row, toModel(row), decision);
    await recordAudit(p.db, actor, { action: 'notice.checklist', recordType: 'notice', recordIds: [id, ...duplicates.map((d) => d.id)], resultCount: duplicates.length });
    return { canPublish: canPublish(checks), checks, possibleDuplicates: duplicates };
  }

  // ---- the public extract ----------------------------------------------------------------------

  const extractOf = (row: store.NoticeRow) => ({ id: row.id, publishedAt: asDate(row.published_at), ...publicExtract(toModel(row))! });

  /** Published Red and Yellow notices whose owners agreed to a public extract, as the public sees them. */
  async function listPublicExtracts(actor: Actor, filter: { kind?: 'red' | 'yellow'; limit?: number; offset?: number }): Promise<(PublicExtract & { id: string; publishedAt: Date | null })[]> {
    const rows = await store.listPublic(p.db, { ...filter, limit: Math.min(filter.limit ?? 50, 200) });
    await recordAudit(p.db, actor, { action: 'notice.public_search', recordType: 'notice', recordIds: rows.map((r) => r.id), query: filter, resultCount: rows.length });
    return rows.map(extractOf);
  }

  async function getPublicExtract(actor: Actor, id: string): Promise<PublicExtract & { id: string; publishedAt: Date | null }> {
    const row = await store.findPublic(p.db, id);
    if (!row) return refuse(actor, 'notice.public_read', [id], notFound('public notice'));
    await recordAudit(p.db, actor, { action: 'notice.public_read', recordType: 'notice', recordIds: [id] });
    return extractOf(row);
  }

  /** Subjects of notices in force, page by page, for the screening index (system work only). */
  async function screeningSubjects(actor: Actor, afterId: string | null, limit: number) {
    if (!actor.system) throw forbidden('Only the system reads notices for the screening index.');
    return (await store.inForcePage(p.db, afterId, limit)).map((r) => ({ id: r.id, subject: subjectOf(toModelLite(r)) }));
  }

  /** The current state of some notices for the index: a subject when in force, null when to be dropped. */
  async function screeningSubjectsFor(actor: Actor, ids: string[]) {
    if (!actor.system) throw forbidden('Only the system reads notices for the screening index.');
    return (await store.noticesByIds(p.db, ids)).map((r) => ({
      id: r.id, subject: !r.deleted_at && isInForce(r.kind as NoticeKind, r.status as NoticeStatus) ? subjectOf(toModelLite(r)) : undefined,
    }));
  }

  /** Candidate notices an actor's screening may report; access is decided in the query. */
  async function screenableNotices(actor: Actor, ids: string[]) {
    return (await store.screenableNotices(p.db, actor, ids)).map((r) => ({
      id: r.id, kind: r.kind as NoticeKind, reference: r.reference, owner: r.owner_org, ownerName: r.owner_name, subjectCategory: r.subject,
      tlp: r.tlp, handling: r.handling, full: Boolean(r.full), subject: subjectOf(toModelLite({ ...r, status: 'published' })),
    }));
  }

  // Bulk import (as drafts, through prepare like createNotice) and export: import.ts.
  const { importNotices, exportNotices } = makeNoticeImport(p, { prepare, refuse, history });

  // Retention (retention.ts): the owner's review queue, renewal with a justification, and hit titles.
  const { retentionQueue, renewNotice, describeRecords } = makeNoticeRetention(p, { load, refuse, history, view: noticeView });

  return {
    importNotices, exportNotices,
    retentionQueue, renewNotice, describeRecords,
    screeningSubjects, screeningSubjectsFor, screenableNotices,
    createNotice, updateNotice, submitNotice, takeUnderReview, publishNotice, refuseNotice, reviseNotice, withdrawNotice, cancelNotice,
    sendDiffusion, confirmDiffusion, expireDueNotices, getNotice, listNotices, countNotices, noticeHistory, reviewQueue, reviewChecklist,
    listPublicExtracts, getPublicExtract,
  };
}

export type Notices = ReturnType<typeof makeNotices>;
