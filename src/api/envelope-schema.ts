import { Type } from 'typebox';
import { ACCURACIES, AUDIENCES, HANDLING_CODES, RELIABILITIES, SUBJECTS, TLPS } from '../platform/access/envelope.ts';
import { DateTime, Nullable, OneOf } from './schemas.ts';


/** The envelope a client may set on a record it owns. */
export const EnvelopeInput = Type.Object({
  audience: Type.Optional(OneOf(AUDIENCES)),
  audienceOrgs: Type.Optional(Type.Array(Type.String(), { maxItems: 300 })),
  deniedOrgs: Type.Optional(Type.Array(Type.String(), { maxItems: 300 })),
  tlp: Type.Optional(OneOf(TLPS)),
  handling: Type.Optional(OneOf(HANDLING_CODES)),
  subject: Type.Optional(OneOf(SUBJECTS)),
  reviewAt: Type.Optional(Type.String({ format: 'date-time' })),
  source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  reliability: Type.Optional(OneOf(RELIABILITIES)),
  accuracy: Type.Optional(OneOf(ACCURACIES)),
}, { additionalProperties: false });

export const EnvelopeView = Type.Object({
  owner: Type.String(), audience: Type.String(), audienceOrgs: Type.Array(Type.String()), deniedOrgs: Type.Array(Type.String()),
  tlp: Type.String(), handling: Type.String(), subject: Type.String(), reviewAt: DateTime(), source: Nullable(Type.String()),
  reliability: Type.String(), accuracy: Type.String(),
});
