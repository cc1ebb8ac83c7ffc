import { Compile } from 'typebox/compile';
import type { Actor } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import { invalidField } from '../platform/errors.ts';
import type { Persons, LineProblem } from '../persons/service.ts';
import { PersonImportLine } from '../persons/schema.ts';
import { parseCsv, parseNdjson, personFromCsv, type ImportFormat, type ImportKind, type ParsedLine } from './model.ts';

const personLine = Compile(PersonImportLine);

/** What an import did: lines read, records stored, and every problem with its line. */
export interface ImportReport {
  kind: ImportKind;
  lines: number;
  stored: number;
  batches: { from: number; to: number; stored: number; errors: number }[];
  errors: LineProblem[];
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Structural problems of one line against its schema, each naming the field. */
function schemaProblems(line: number, value: unknown): LineProblem[] {
  if (personLine.Check(value)) return [];
  return [...personLine.Errors(value)].slice(0, 20).map((e) => {
    const field = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'line';
    const extra = (e.params as { additionalProperties?: string[]; requiredProperties?: string[] } | undefined);
    const names = extra?.additionalProperties ?? extra?.requiredProperties;
    return { line, field: names?.length ? `${field === 'line' ? '' : `${field}.`}${names.join(',')}` : field, message: names?.length && e.keyword === 'additionalProperties' ? 'unknown field' : e.message };
  });
}

/**
 * Bulk import in transactional batches: each batch is checked whole and stored whole, or not
 * at all with every error reported; batches already stored stay stored.
 */
export function makeImports(_p: Platform, deps: { persons: Persons }) {
  async function importText(actor: Actor, kind: ImportKind, format: ImportFormat, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
    if (kind !== 'persons') throw invalidField('kind', `cannot import ${kind}`);
    const batchSize = opts.batchSize ?? 1000;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw invalidField('batchSize', 'between 1 and 10,000 lines');
    const parsed: ParsedLine[] = format === 'csv'
      ? parseCsv(text).map((l) => ('error' in l ? l : { line: l.line, value: personFromCsv(l.value) }))
      : parseNdjson(text);
    const report: ImportReport = { kind, lines: parsed.length, stored: 0, batches: [], errors: [] };
    for (let i = 0; i < parsed.length; i += batchSize) {
      const batch = parsed.slice(i, i + batchSize);
      const problems: LineProblem[] = [];
      const rows = [];
      for (const l of batch) {
        if ('error' in l) { problems.push({ line: l.line, field: 'line', message: l.error }); continue; }
        const structural = schemaProblems(l.line, l.value);
        if (structural.length) { problems.push(...structural); continue; }
        const v = l.value as { person: Record<string, unknown>; envelope?: Record<string, unknown> };
        rows.push({ line: l.line, person: v.person, envelope: v.envelope });
      }
      // Rows that parsed are still checked when others did not, so one pass reports every error.
      const outcome = await deps.persons.importPersons(actor, rows, { validateOnly: problems.length > 0 });
      problems.push(...outcome.errors);
      problems.sort((a, b) => a.line - b.line);
      const stored = outcome.stored;
      report.stored += stored;
      report.errors.push(...problems);
      report.batches.push({ from: batch[0].line, to: batch[batch.length - 1].line, stored, errors: problems.length });
      opts.onProgress?.(Math.min(i + batchSize, parsed.length), parsed.length);
    }
    return report;
  }

  return { importText };
}

export type Imports = ReturnType<typeof makeImports>;
