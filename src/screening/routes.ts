import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { actorOf, type Api } from '../api/types.ts';
import { Nullable, OneOf } from '../api/schemas.ts';
import { DomainError } from '../platform/errors.ts';
import { parseCsv, parseNdjson } from '../imports/model.ts';
import { MAX_MANIFEST_ROWS, type ScreeningQuery } from './model.ts';
import type { Screening } from './service.ts';

const Query = Type.Object({
  names: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })),
  birthDates: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 5 })),
  nationalities: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 5 })),
  sex: Type.Optional(OneOf(['M', 'F', 'X', 'U'] as const)),
  documentNumber: Type.Optional(Type.String({ maxLength: 50 })),
  mrz: Type.Optional(Type.String({ maxLength: 300 })),
}, { additionalProperties: false });

const Hit = Type.Object({
  recordType: Type.String(), recordId: Nullable(Type.String()), notice: Nullable(Type.Object({ kind: Type.String(), reference: Nullable(Type.String()) })), owner: Type.String(), ownerName: Type.String(),
  disclosure: Type.String(), subject: Type.String(), score: Type.Number(), hitId: Nullable(Type.String()),
  person: Nullable(Type.Object({ names: Type.Array(Type.Object({ value: Type.String(), kind: Type.String(), script: Type.Optional(Type.String()) })), birthDates: Type.Array(Type.String()), nationalities: Type.Array(Type.String()), sex: Type.String(), photos: Type.Array(Type.String()) })),
  tlp: Nullable(Type.String()), handling: Nullable(Type.String()), explanation: Type.Unknown(),
});

export const ScreeningResult = Type.Object({
  outcome: OneOf(['hit', 'no_hit'] as const), use: Type.String(), action: Type.String(), hits: Type.Array(Hit), mrz: Type.Unknown(), tookMs: Type.Number(),
});

const screeners = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'] as const;
const list = (v: unknown) => (typeof v === 'string' && v.trim() ? v.split('|').map((s) => s.trim()).filter(Boolean) : undefined);

/** A manifest line (CSV columns or JSON fields) as a screening query. */
function manifestQuery(v: Record<string, unknown>): ScreeningQuery {
  if (Array.isArray(v.names) || v.mrz || v.documentNumber) return v as ScreeningQuery;
  const q: ScreeningQuery = {
    names: list(v.names) ?? list(v.name) ?? [],
    birthDates: list(v.birth_date) ?? list(v.birth_dates),
    nationalities: list(v.nationality) ?? list(v.nationalities),
  };
  if (typeof v.sex === 'string' && ['M', 'F', 'X', 'U'].includes(v.sex)) q.sex = v.sex as ScreeningQuery['sex'];
  if (typeof v.document_number === 'string' && v.document_number.trim()) q.documentNumber = v.document_number.trim();
  return q;
}

export function screeningRoutes(api: Api, screening: Screening): void {
  api.post('/screening/person', {
    config: { access: screeners },
    schema: {
      tags: ['screening'], summary: 'Screen one person (names across scripts, dates of birth, nationality, sex, document number or a raw MRZ): hit / no-hit, ranked and explained',
      querystring: Type.Object({ use: Type.Optional(OneOf(['frontline', 'analyst'] as const)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false }),
      body: Query, response: { 200: ScreeningResult },
    },
  }, async (request) => screening.screenPerson(actorOf(request), request.body, request.query));

  for (const type of ['text/csv', 'application/x-ndjson']) {
    if (!api.hasContentTypeParser(type)) api.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }

  api.post('/screening/manifest', {
    config: { access: screeners },
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags: ['screening'], summary: `Screen a manifest of up to ${MAX_MANIFEST_ROWS.toLocaleString('en')} persons (CSV with columns name|names, birth_date, nationality, sex, document_number; or NDJSON queries). Results stream back as NDJSON lines as they come; broken lines are reported and the rest still screened.`,
      querystring: Type.Object({ use: Type.Optional(OneOf(['frontline', 'analyst'] as const)) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const text = String(request.body ?? '');
    const lines = String(request.headers['content-type'] ?? '').startsWith('text/csv') ? parseCsv(text) : parseNdjson(text);
    if (lines.length > MAX_MANIFEST_ROWS) throw new DomainError('invalid', `A manifest may hold at most ${MAX_MANIFEST_ROWS} persons; this one has ${lines.length}.`, { fields: [{ field: 'body', message: 'too many lines' }] });
    const use = request.query.use;
    type Outcome = { text: string; hit: boolean; error: boolean };
    const screenLine = async (l: (typeof lines)[number]): Promise<Outcome> => {
      if ('error' in l) return { text: JSON.stringify({ line: l.line, error: l.error }), hit: false, error: true };
      try {
        const r = await screening.screenPerson(actor, manifestQuery(l.value), { use });
        return { text: JSON.stringify({ line: l.line, result: r }), hit: r.outcome === 'hit', error: false };
      } catch (e) {
        const problem = e instanceof DomainError ? { error: e.message, fields: e.details.fields ?? [] } : { error: 'could not be screened' };
        return { text: JSON.stringify({ line: l.line, ...problem }), hit: false, error: true };
      }
    };
    // Several travellers in flight keep every index replica and the database busy; answers
    // still stream in manifest order.
    const window = Math.max(2, screening.parallelism * 2);
    async function* results() {
      let hits = 0;
      let errors = 0;
      const inFlight: Promise<Outcome>[] = [];
      let next = 0;
      while (next < lines.length || inFlight.length) {
        while (inFlight.length < window && next < lines.length) inFlight.push(screenLine(lines[next++]));
        const r = await (inFlight.shift() as Promise<Outcome>);
        if (r.hit) hits += 1;
        if (r.error) errors += 1;
        yield `${r.text}\n`;
      }
      yield `${JSON.stringify({ done: true, lines: lines.length, hits, errors })}\n`;
    }
    return reply.type('application/x-ndjson').send(Readable.from(results()));
  });

  api.get('/screening/status', {
    config: { access: screeners },
    schema: { tags: ['screening'], summary: 'Whether the in-memory index is built, and its size', response: { 200: Type.Object({ ready: Type.Boolean(), records: Type.Integer() }) } },
  }, async () => ({ ready: screening.isReady(), records: await screening.indexSize() }));
}
