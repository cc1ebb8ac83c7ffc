import { Type } from 'typebox';
import { DateTime, OneOf } from '../api/schemas.ts';
import { EnvelopeInput, EnvelopeView } from '../api/envelope-schema.ts';
import { NAME_KINDS, SEXES } from './model.ts';

/** Schemas of a person as clients send it and as the API shows it (an allow-list). */
export const str = (max = 200) => Type.String({ maxLength: max });
const PersonFields = {
  names: Type.Array(Type.Object({ value: str(), kind: OneOf(NAME_KINDS), script: Type.Optional(str(8)) }, { additionalProperties: false }), { maxItems: 50 }),
  sex: OneOf(SEXES),
  birthDates: Type.Array(str(10), { maxItems: 10 }),
  birthPlaces: Type.Array(Type.Object({ place: Type.Optional(str()), country: Type.Optional(str(3)) }, { additionalProperties: false }), { maxItems: 10 }),
  nationalities: Type.Array(str(3), { maxItems: 10 }),
  identifiers: Type.Array(Type.Object({ kind: str(50), value: str(100), country: Type.Optional(str(3)) }, { additionalProperties: false }), { maxItems: 50 }),
  description: Type.Object({
    heightCm: Type.Optional(Type.Number()), weightKg: Type.Optional(Type.Number()), eyes: Type.Optional(str(50)), hair: Type.Optional(str(50)),
    build: Type.Optional(str(50)), notes: Type.Optional(str(2000)),
  }, { additionalProperties: false }),
  marks: Type.Array(str(500), { maxItems: 50 }),
  languages: Type.Array(str(50), { maxItems: 20 }),
  photos: Type.Array(str(64), { maxItems: 20 }),
  notes: Type.Optional(str(5000)),
};
export const PersonInput = Type.Partial(Type.Object(PersonFields, { additionalProperties: false }), { additionalProperties: false });
export const PersonView = Type.Object({
  ...PersonFields, id: Type.String(), version: Type.Integer(), envelope: EnvelopeView, createdAt: DateTime(), updatedAt: DateTime(),
});

/**
 * One line of an NDJSON import of persons. Lines written by an export also carry the record's
 * id, version, owner and dates; an import accepts and ignores them (it always creates records
 * owned by the importer), so an export can be re-imported elsewhere.
 */
export const PersonImportLine = Type.Object({
  person: PersonInput, envelope: Type.Optional(EnvelopeInput),
  id: Type.Optional(Type.String()), version: Type.Optional(Type.Integer()), owner: Type.Optional(Type.String()),
  createdAt: Type.Optional(Type.String()), updatedAt: Type.Optional(Type.String()),
}, { additionalProperties: false });
