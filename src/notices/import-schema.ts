import { Type } from 'typebox';
import { Nullable } from '../api/schemas.ts';
import { EnvelopeInput } from '../api/envelope-schema.ts';

const opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);

/**
 * One line of an NDJSON import of notices: `notice` is the content as `POST /notices` takes it
 * (checked by the service against its kind's schema, naming each field), with its envelope.
 * Lines written by an export also describe the source record (id, status, reference, dates,
 * owner); an import accepts and ignores them: it always starts a draft of the importer's own.
 */
export const NoticeImportLine = Type.Object({
  notice: Type.Object({}, { additionalProperties: true }),
  envelope: opt(EnvelopeInput),
  id: opt(Type.String()), version: opt(Type.Integer()), owner: opt(Type.String()), status: opt(Type.String()), reference: opt(Nullable(Type.String())),
  createdAt: opt(Nullable(Type.String())), updatedAt: opt(Nullable(Type.String())), publishedAt: opt(Nullable(Type.String())),
}, { additionalProperties: false });
