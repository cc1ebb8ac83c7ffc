import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { EnvelopeInput, EnvelopeView } from '../api/envelope-schema.ts';
import { DateTime, Nullable, OneOf } from '../api/schemas.ts';
import { actorOf, type Api } from '../api/types.ts';
import { Renewal } from '../retention/schema.ts';
import { NOTICE_KINDS, NOTICE_STATUSES } from './model.ts';
import { publicVisitor, type Notices } from './service.ts';

const str = (max = 200) => Type.String({ maxLength: max });

// Content is typed per kind. A union of the ten kinds would make error reports list every kind's
// complaints and cost the serializer most of a second per route to compile, so routes accept and
// return `kind` plus its fields; the service checks content against its kind's schema on every
// write (naming each wrong field) and strips anything else from every view (`cleanContent`).
const Content = Type.Object({ kind: OneOf(NOTICE_KINDS) }, {
  additionalProperties: true,
  description: `The notice's content: \`kind\` (${NOTICE_KINDS.join(', ')}) and that kind's fields, as in src/notices/content-schema.ts.`,
});

const NoticeView = Type.Object({
  id: Type.String(), kind: OneOf(NOTICE_KINDS), status: OneOf(NOTICE_STATUSES), reference: Nullable(Type.String()), title: Type.String(),
  content: Content, envelope: EnvelopeView, recipients: Type.Array(Type.String()), decisionReasons: Type.Array(Type.String()),
  actions: Type.Array(Type.String(), { description: 'The lifecycle steps the caller may take next' }),
  version: Type.Integer(), createdAt: DateTime(), updatedAt: DateTime(),
  submittedAt: Nullable(DateTime()), publishedAt: Nullable(DateTime()), expiresAt: Nullable(DateTime()),
});
const Page = Type.Object({ total: Type.Integer(), items: Type.Array(NoticeView) });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Filter = Type.Object({
  kind: Type.Optional(OneOf(NOTICE_KINDS)), status: Type.Optional(OneOf(NOTICE_STATUSES)), owner: Type.Optional(str(64)), q: Type.Optional(str()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });
const Decision = Type.Object({
  justification: Type.Optional(Type.String({ maxLength: 4000, description: 'Why a notice showing signs of a political, military, religious or racial character may still be published' })),
  acknowledgedDuplicates: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, description: 'Possible duplicates the reviewer compared and found to be other people' })),
}, { additionalProperties: false });
const Reasons = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 50 });
const Check = Type.Object({ rule: Type.String(), passed: Type.Boolean(), blocking: Type.Boolean(), message: Type.String() });
const Duplicate = Type.Object({
  id: Type.String(), reference: Nullable(Type.String()), kind: Type.String(), owner: Type.String(), title: Type.String(),
  datesOfBirth: Type.Array(Type.String()), publishedAt: Nullable(DateTime()),
});
const Place = Type.Object({ country: Type.String(), locality: Type.Optional(Type.String()) });
const PublicExtract = Type.Object({
  id: Type.String(), publishedAt: Nullable(DateTime()), kind: OneOf(['red', 'yellow'] as const), reference: Type.Optional(Type.String()), requestedBy: Type.String(),
  names: Type.Array(Type.Object({ value: Type.String(), script: Type.String() })), sex: Type.Optional(Type.String()),
  datesOfBirth: Type.Array(Type.String()), placeOfBirth: Type.Optional(Place), nationalities: Type.Array(Type.String()),
  distinguishingMarks: Type.Array(Type.String()), languages: Type.Array(Type.String()), heightCm: Type.Optional(Type.Number()),
  photoRefs: Type.Array(Type.String()), charges: Type.Optional(Type.String()),
  disappearance: Type.Optional(Type.Object({ on: Type.String(), place: Place })),
});

// A decision with nothing to add may come without a body.
const noBodyIsEmpty = async (request: FastifyRequest) => { request.body ??= {}; };

const police = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;
const tags = ['notices'];
// Anyone may read the public extracts; the limit keeps a crawler from flooding the audit chain.
const publicAccess = { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** Notices and diffusions under /api/v1/notices, and their public extracts. */
export function noticeRoutes(api: Api, notices: Notices): void {
  api.post('/notices', {
    config: { access: ['officer'] },
    schema: {
      tags, summary: 'Start a notice request or a diffusion, as a draft of my organisation',
      body: Type.Object({ notice: Content, envelope: Type.Optional(EnvelopeInput) }, { additionalProperties: false }), response: { 201: NoticeView },
    },
  }, async (request, reply) => reply.status(201).send(await notices.createNotice(actorOf(request), request.body)));

  api.get('/notices', {
    config: { access: police },
    schema: { tags, summary: 'Notices I may see: my organisation\'s, those published to it, and (reviewers) those waiting for review', querystring: Filter, response: { 200: Page } },
  }, async (request) => notices.listNotices(actorOf(request), request.query));

  api.get('/notices/count', {
    config: { access: police },
    schema: { tags, summary: 'How many notices I may see match a filter', querystring: Filter, response: { 200: Type.Object({ total: Type.Integer() }) } },
  }, async (request) => ({ total: await notices.countNotices(actorOf(request), request.query) }));

  api.get('/notices/review-queue', {
    config: { access: ['reviewer'] },
    schema: {
      tags, summary: 'Requests and diffusions waiting for the secretariat\'s review, oldest first',
      querystring: Type.Object({ kind: Type.Optional(OneOf(NOTICE_KINDS)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: { 200: Page },
    },
  }, async (request) => notices.reviewQueue(actorOf(request), request.query));

  api.get('/notices/public', {
    config: publicAccess,
    schema: {
      tags: ['notices', 'public'], summary: 'Public extracts of published Red and Yellow notices whose owners agreed (no sign-in)', security: [],
      querystring: Type.Object({ kind: Type.Optional(OneOf(['red', 'yellow'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(PublicExtract) },
    },
  }, async (request) => notices.listPublicExtracts(publicVisitor, request.query));

  api.get('/notices/public/:id', {
    config: publicAccess,
    schema: { tags: ['notices', 'public'], summary: 'The public extract of one notice (no sign-in)', security: [], params: Id, response: { 200: PublicExtract } },
  }, async (request) => notices.getPublicExtract(publicVisitor, request.params.id));

  api.get('/notices/:id', {
    config: { access: police },
    schema: { tags, summary: 'One notice', params: Id, response: { 200: NoticeView } },
  }, async (request) => notices.getNotice(actorOf(request), request.params.id));

  api.patch('/notices/:id', {
    config: { access: ['officer'] },
    schema: {
      tags, summary: 'Change a draft of my organisation (content of the same kind, envelope)', params: Id,
      body: Type.Object({ notice: Type.Optional(Content), envelope: Type.Optional(EnvelopeInput), expectedVersion: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
      response: { 200: NoticeView },
    },
  }, async (request) => notices.updateNotice(actorOf(request), request.params.id, request.body));

  api.post('/notices/:id/renew', {
    config: { access: ['officer', 'admin'] },
    schema: {
      tags: [...tags, 'retention'], summary: 'Keep a notice my organisation requested past its review date, with a justification (kept in its history); not for a notice that is over',
      params: Id, body: Renewal, response: { 200: NoticeView },
    },
  }, async (request) => notices.renewNotice(actorOf(request), request.params.id, request.body));

  api.get('/notices/:id/history', {
    config: { access: police },
    schema: {
      tags, summary: 'Every step of the notice\'s lifecycle: who, when, from, to, why', params: Id,
      response: { 200: Type.Array(Type.Object({ at: DateTime(), username: Type.String(), orgId: Type.String(), action: Type.String(), from: Nullable(Type.String()), to: Type.String(), reasons: Type.Array(Type.String()) })) },
    },
  }, async (request) => notices.noticeHistory(actorOf(request), request.params.id));

  api.post('/notices/:id/checklist', {
    preValidation: noBodyIsEmpty,
    config: { access: ['reviewer'] },
    schema: {
      tags, summary: 'The review checklist (required data, neutrality, data quality) and possible duplicates, without deciding', params: Id, body: Decision,
      response: { 200: Type.Object({ canPublish: Type.Boolean(), checks: Type.Array(Check), possibleDuplicates: Type.Array(Duplicate) }) },
    },
  }, async (request) => notices.reviewChecklist(actorOf(request), request.params.id, request.body));

  const step = (path: string, access: readonly ('officer' | 'reviewer')[], summary: string, run: (n: Notices, actor: ReturnType<typeof actorOf>, id: string) => ReturnType<Notices['getNotice']>) => {
    api.post(`/notices/:id/${path}`, { config: { access }, schema: { tags, summary, params: Id, response: { 200: NoticeView } } },
      async (request) => run(notices, actorOf(request), request.params.id));
  };
  step('submit', ['officer'], 'Submit a draft request for the secretariat\'s review', (n, a, id) => n.submitNotice(a, id));
  step('take-under-review', ['reviewer'], 'Take a submitted request under review', (n, a, id) => n.takeUnderReview(a, id));
  step('revise', ['officer'], 'Turn a refused request back into a draft to correct it', (n, a, id) => n.reviseNotice(a, id));
  step('withdraw', ['officer'], 'Withdraw a request before it takes effect', (n, a, id) => n.withdrawNotice(a, id));
  step('send', ['officer'], 'Send a diffusion to the members it names, at once (reviewed afterwards)', (n, a, id) => n.sendDiffusion(a, id));

  api.post('/notices/:id/publish', {
    preValidation: noBodyIsEmpty,
    config: { access: ['reviewer'] },
    schema: {
      tags, summary: 'Publish a request under review: every blocking review rule must pass; every member in the audience is alerted', params: Id,
      body: Decision, response: { 200: NoticeView },
    },
  }, async (request) => notices.publishNotice(actorOf(request), request.params.id, request.body));

  api.post('/notices/:id/confirm', {
    preValidation: noBodyIsEmpty,
    config: { access: ['reviewer'] },
    schema: { tags, summary: 'Find a diffusion already sent compliant (the review must pass)', params: Id, body: Decision, response: { 200: NoticeView } },
  }, async (request) => notices.confirmDiffusion(actorOf(request), request.params.id, request.body));

  api.post('/notices/:id/refuse', {
    config: { access: ['reviewer'] },
    schema: {
      tags, summary: 'Refuse a request under review (or a diffusion sent), with written reasons for the owner', params: Id,
      body: Type.Object({ reasons: Reasons }, { additionalProperties: false }), response: { 200: NoticeView },
    },
  }, async (request) => notices.refuseNotice(actorOf(request), request.params.id, request.body.reasons));

  api.post('/notices/:id/cancel', {
    preValidation: noBodyIsEmpty,
    config: { access: ['officer', 'reviewer'] },
    schema: {
      tags, summary: 'End a notice in force (the secretariat must give reasons); its audience is alerted', params: Id,
      body: Type.Object({ reasons: Type.Optional(Reasons) }, { additionalProperties: false }), response: { 200: NoticeView },
    },
  }, async (request) => notices.cancelNotice(actorOf(request), request.params.id, request.body.reasons ?? []));
}
