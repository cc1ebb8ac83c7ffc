import { Compile, type Validator } from 'typebox/compile';
import type { TSchema } from 'typebox';
import type { Actor } from '../platform/access/actor.ts';
import type { FieldProblem, LineProblem } from '../platform/errors.ts';
import type { Persons } from '../persons/service.ts';
import type { Documents } from '../documents/service.ts';
import type { Notices } from '../notices/service.ts';
import { PersonImportLine } from '../persons/schema.ts';
import { DocumentImportLine } from '../documents/import-schema.ts';
import { NoticeImportLine } from '../notices/import-schema.ts';
import { documentFromCsv, noticeFromCsv, type CsvLine } from './csv-records.ts';
import { personFromCsv, type ImportKind } from './model.ts';

export type { LineProblem };

/** How one kind of record is read from a file and handed, a batch at a time, to its capability. */
export interface ImportKindAdapter {
  /** A CSV row as this kind's NDJSON line. */
  fromCsv(r: Record<string, unknown>): CsvLine;
  /** The shape of an NDJSON line. */
  line: Validator<Record<string, never>, TSchema>;
  /** The capability's batch use case: every line checked, all stored or none. */
  importBatch(actor: Actor, lines: { line: number; value: Record<string, unknown> }[], opts: { validateOnly: boolean }): Promise<{ stored: number; errors: LineProblem[] }>;
}

const personLine = Compile(PersonImportLine);
const documentLine = Compile(DocumentImportLine);
const noticeLine = Compile(NoticeImportLine);

type Line = { line: number; value: Record<string, unknown> };
const part = <T>(l: Line, key: string) => l.value[key] as T;

/**
 * The adapter of each kind, for one file: state kept across its batches (documents already seen
 * in the file) lives here, so a repeat is reported whichever batch it falls in.
 */
export function adapterFor(kind: ImportKind, deps: { persons: Persons; documents: Documents; notices: Notices }): ImportKindAdapter {
  if (kind === 'persons') {
    return {
      fromCsv: (r) => ({ value: personFromCsv(r), problems: [] }),
      line: personLine,
      importBatch: (actor, lines, opts) => deps.persons.importPersons(actor, lines.map((l) => ({ line: l.line, person: part(l, 'person'), envelope: part(l, 'envelope') })), opts),
    };
  }
  if (kind === 'documents') {
    const seen = new Map<string, number>();
    return {
      fromCsv: documentFromCsv,
      line: documentLine,
      importBatch: (actor, lines, opts) => deps.documents.importDocuments(actor, lines.map((l) => ({ line: l.line, document: part(l, 'document'), envelope: part(l, 'envelope') })), { ...opts, seen }),
    };
  }
  return {
    fromCsv: noticeFromCsv,
    line: noticeLine,
    importBatch: (actor, lines, opts) => deps.notices.importNotices(actor, lines.map((l) => ({ line: l.line, notice: l.value.notice, envelope: part(l, 'envelope') })), opts),
  };
}

/** Structural problems of one line against its kind's schema, each naming the field. */
export function schemaProblems(validator: ImportKindAdapter['line'], line: number, value: unknown): LineProblem[] {
  if (validator.Check(value)) return [];
  // An unknown field is reported twice (as a false schema and as an extra property): keep one.
  return [...validator.Errors(value)].filter((e) => e.keyword !== 'boolean').slice(0, 20).map((e) => {
    const field = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'line';
    const extra = (e.params as { additionalProperties?: string[]; requiredProperties?: string[] } | undefined);
    const names = extra?.additionalProperties ?? extra?.requiredProperties;
    const message = !names?.length ? e.message : e.keyword === 'additionalProperties' ? 'unknown field' : 'required';
    return { line, field: names?.length ? `${field === 'line' ? '' : `${field}.`}${names.join(',')}` : field, message };
  });
}

/** A problem of a CSV cell, on its line. */
export const cellProblem = (line: number) => (p: FieldProblem): LineProblem => ({ line, ...p });
