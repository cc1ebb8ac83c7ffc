import { Type } from 'typebox';
import { Nullable } from '../api/schemas.ts';
import { EnvelopeInput } from '../api/envelope-schema.ts';

const str = (max = 200) => Type.String({ maxLength: max });
const opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);

/**
 * One line of an NDJSON import of documents: the document as `POST /documents` takes it. The
 * shape only: required fields, codes, dates and statuses are checked by the service, which names
 * each problem's field. Lines written by an export also carry the record's id, version, owner and
 * dates; an import accepts and ignores them (it creates records of the importer's country).
 */
export const DocumentImportLine = Type.Object({
  document: Type.Object({
    number: opt(str(50)), issuingCountry: opt(str(3)), type: opt(str(30)), status: opt(str(30)),
    holder: opt(Nullable(Type.Object({
      personId: opt(Nullable(str(36))), names: opt(Type.Array(str(), { maxItems: 20 })), birthDate: opt(Nullable(str(10))),
      sex: opt(Nullable(str(1))), nationality: opt(Nullable(str(3))),
    }, { additionalProperties: false }))),
    issueDate: opt(Nullable(str(10))), expiryDate: opt(Nullable(str(10))), reportedOn: opt(Nullable(str(10))),
    reportedPlace: opt(Nullable(str(500))), circumstances: opt(Nullable(str(5000))),
  }, { additionalProperties: false }),
  envelope: opt(EnvelopeInput),
  id: opt(Type.String()), version: opt(Type.Integer()), owner: opt(Type.String()), createdAt: opt(Type.String()), updatedAt: opt(Type.String()),
}, { additionalProperties: false });
