import type { FieldProblem } from '../platform/errors.ts';
import { envelopeFromCsv } from './model.ts';

// CSV rows of documents and notices as the NDJSON lines of their import (columns in README.md,
// "Imports and exports"). A cell that cannot be read is a problem named by its column.

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown) => (typeof v === 'string' && v.trim() ? v.split('|').map((s) => s.trim()).filter(Boolean) : []);
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A CSV row read as an import line, with the cells that could not be read. */
export interface CsvLine { value: Record<string, unknown>; problems: FieldProblem[] }

/** A document row: flat columns, holder names separated by `|`, and the envelope columns. */
export function documentFromCsv(r: Record<string, unknown>): CsvLine {
  const holder = defined({
    personId: str(r.holder_person_id), birthDate: str(r.holder_birth_date), sex: str(r.holder_sex), nationality: str(r.holder_nationality),
    ...(list(r.holder_names).length ? { names: list(r.holder_names) } : {}),
  });
  const document = defined({
    number: str(r.number), issuingCountry: str(r.issuing_country), type: str(r.type), status: str(r.status),
    ...(Object.keys(holder).length ? { holder } : {}),
    issueDate: str(r.issue_date), expiryDate: str(r.expiry_date), reportedOn: str(r.reported_on), reportedPlace: str(r.reported_place), circumstances: str(r.circumstances),
  });
  return { value: { document, envelope: envelopeFromCsv(r) }, problems: [] };
}

/**
 * A notice row: `kind`, the fields every kind may carry (`remarks`, `public_extract_agreed`),
 * the kind's own fields as a JSON object in `content`, and the envelope columns.
 */
export function noticeFromCsv(r: Record<string, unknown>): CsvLine {
  const problems: FieldProblem[] = [];
  let content: Record<string, unknown> = {};
  const raw = str(r.content);
  if (raw !== undefined) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push({ field: 'content', message: 'the content column holds a JSON object' });
      else content = parsed as Record<string, unknown>;
    } catch (e) {
      problems.push({ field: 'content', message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  const kind = str(r.kind);
  if (kind !== undefined && content.kind !== undefined && content.kind !== kind) problems.push({ field: 'kind', message: `the kind column says ${kind} but the content says ${String(content.kind)}` });
  const notice: Record<string, unknown> = { ...content, ...defined({ kind: kind ?? content.kind, remarks: str(r.remarks) }) };
  const agreed = str(r.public_extract_agreed)?.toLowerCase();
  if (agreed !== undefined) {
    if (['true', 'yes', '1'].includes(agreed)) notice.publicExtractAgreed = true;
    else if (['false', 'no', '0'].includes(agreed)) notice.publicExtractAgreed = false;
    else problems.push({ field: 'public_extract_agreed', message: 'true or false' });
  }
  return { value: { notice, envelope: envelopeFromCsv(r) }, problems };
}
