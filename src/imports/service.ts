import type { Actor } from '../platform/access/actor.ts';
import type { Platform } from '../platform/platform.ts';
import { invalidField } from '../platform/errors.ts';
import type { Persons } from '../persons/service.ts';
import type { Documents } from '../documents/service.ts';
import type { Notices } from '../notices/service.ts';
import { IMPORT_KINDS, parseCsv, parseNdjson, type ImportFormat, type ImportKind } from './model.ts';
import { adapterFor, cellProblem, schemaProblems, type LineProblem } from './kinds.ts';

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

type Read = { line: number; value: Record<string, unknown> } | { line: number; problems: LineProblem[] };

/**
 * Bulk import in transactional batches: each batch is checked whole and stored whole, or not
 * at all with every error reported; batches already stored stay stored. Each kind's capability
 * applies its own rules (kinds.ts); this only reads the file and cuts it into batches.
 */
export function makeImports(_p: Platform, deps: { persons: Persons; documents: Documents; notices: Notices }) {
  async function importText(actor: Actor, kind: ImportKind, format: ImportFormat, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
    if (!IMPORT_KINDS.includes(kind)) throw invalidField('kind', `cannot import ${String(kind)}: choose one of ${IMPORT_KINDS.join(', ')}`);
    const batchSize = opts.batchSize ?? 1000;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw invalidField('batchSize', 'between 1 and 10,000 lines');
    const adapter = adapterFor(kind, deps);
    const parsed: Read[] = (format === 'csv' ? parseCsv(text) : parseNdjson(text)).map((l): Read => {
      if ('error' in l) return { line: l.line, problems: [{ line: l.line, field: 'line', message: l.error }] };
      if (format !== 'csv') return l;
      const { value, problems } = adapter.fromCsv(l.value);
      return problems.length ? { line: l.line, problems: problems.map(cellProblem(l.line)) } : { line: l.line, value };
    });
    const report: ImportReport = { kind, lines: parsed.length, stored: 0, batches: [], errors: [] };
    for (let i = 0; i < parsed.length; i += batchSize) {
      const batch = parsed.slice(i, i + batchSize);
      const problems: LineProblem[] = [];
      const rows = [];
      for (const l of batch) {
        if ('problems' in l) { problems.push(...l.problems); continue; }
        const structural = schemaProblems(adapter.line, l.line, l.value);
        if (structural.length) { problems.push(...structural); continue; }
        rows.push(l);
      }
      // Rows that parsed are still checked when others did not, so one pass reports every error.
      const outcome = await adapter.importBatch(actor, rows, { validateOnly: problems.length > 0 });
      problems.push(...outcome.errors);
      problems.sort((a, b) => a.line - b.line);
      report.stored += outcome.stored;
      report.errors.push(...problems);
      report.batches.push({ from: batch[0].line, to: batch[batch.length - 1].line, stored: outcome.stored, errors: problems.length });
      opts.onProgress?.(Math.min(i + batchSize, parsed.length), parsed.length);
    }
    return report;
  }

  return { importText };
}

export type Imports = ReturnType<typeof makeImports>;
