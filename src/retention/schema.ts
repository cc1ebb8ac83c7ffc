import { Type } from 'typebox';

/** A renewal, as for persons: why the record must be kept, and optionally an earlier next review than five years from now. */
export const Renewal = Type.Object({
  justification: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the record must be kept; kept in its history and the audit log' }),
  reviewAt: Type.Optional(Type.String({ format: 'date-time', description: 'The next review date: in the future, at most five years ahead (the default)' })),
}, { additionalProperties: false });
