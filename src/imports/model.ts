import { parse as parseCsvSync } from 'csv-parse/sync';
import type { EnvelopeInput } from '../platform/access/envelope.ts';

export const IMPORT_KINDS = ['persons', 'documents', 'notices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportFormat = 'ndjson' | 'csv';

/** A line of the file, parsed into an object, or the reason it could not be. */
export type ParsedLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** NDJSON: one JSON object a line; blank lines are skipped but still counted. */
export function parseNdjson(text: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const value = JSON.parse(raw) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) out.push({ line: i + 1, error: 'each line must be a JSON object' });
      else out.push({ line: i + 1, value: value as Record<string, unknown> });
    } catch (e) {
      out.push({ line: i + 1, error: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return out;
}

/** CSV with a header row; line numbers count the header as line 1. */
export function parseCsv(text: string): ParsedLine[] {
  try {
    const records = parseCsvSync(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true, bom: true }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, value: r.record }));
  } catch {
    return parseCsvLineByLine(text);
  }
}

/**
 * When the file as a whole does not parse (an unclosed quote swallows the rest), each physical
 * line is read on its own under the header, so one broken line is reported and the others kept.
 */
function parseCsvLineByLine(text: string): ParsedLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const out: ParsedLine[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const [record] = parseCsvSync(`${header}\n${raw}`, { columns: true, trim: true, relax_column_count: true }) as Record<string, string>[];
      out.push({ line: i + 2, value: record ?? {} });
    } catch (e) {
      out.push({ line: i + 2, error: `CSV could not be read: ${(e as Error).message}` });
    }
  });
  return out;
}

const list = (v: unknown) => (typeof v === 'string' && v.trim() ? v.split('|').map((s) => s.trim()).filter(Boolean) : []);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The envelope columns any CSV of records may carry. */
export function envelopeFromCsv(r: Record<string, unknown>): EnvelopeInput {
  const env: Record<string, unknown> = {
    audience: str(r.audience), audienceOrgs: list(r.audience_orgs), deniedOrgs: list(r.denied_orgs), tlp: str(r.tlp), handling: str(r.handling),
    subject: str(r.subject), reviewAt: str(r.review_at), source: str(r.source), reliability: str(r.reliability), accuracy: str(r.accuracy),
  };
  for (const k of Object.keys(env)) if (env[k] === undefined || (Array.isArray(env[k]) && (env[k] as unknown[]).length === 0)) delete env[k];
  return env as EnvelopeInput;
}

/** A person CSV row (columns in README.md, "Imports and exports") as the person API's input. */
export function personFromCsv(r: Record<string, unknown>): { person: Record<string, unknown>; envelope: EnvelopeInput } {
  const names = [
    ...(str(r.name) ? [{ value: str(r.name), kind: 'primary' }] : []),
    ...list(r.aliases).map((value) => ({ value, kind: 'alias' })),
    ...(str(r.original_script_name) ? [{ value: str(r.original_script_name), kind: 'original_script', ...(str(r.script) ? { script: str(r.script) } : {}) }] : []),
  ];
  const identifiers = list(r.identifiers).map((x) => {
    const [kind, value, country] = x.split(':');
    return { kind: kind ?? '', value: value ?? '', ...(country ? { country } : {}) };
  });
  const person: Record<string, unknown> = {
    names, birthDates: list(r.birth_dates), nationalities: list(r.nationalities), identifiers, marks: list(r.marks), languages: list(r.languages),
  };
  if (str(r.sex)) person.sex = str(r.sex);
  if (str(r.birth_place) || str(r.birth_country)) person.birthPlaces = [{ ...(str(r.birth_place) ? { place: str(r.birth_place) } : {}), ...(str(r.birth_country) ? { country: str(r.birth_country) } : {}) }];
  if (str(r.notes)) person.notes = str(r.notes);
  return { person, envelope: envelopeFromCsv(r) };
}
