import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

const FORMAT = 'vigil-backup/1';
const BATCH = 500;

/** Tables in an order that satisfies foreign keys (parents first). */
async function tablesInOrder(db: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows.map((r) => r.name);
  const deps = (await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(db)).rows;
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * Writes every table as gzipped NDJSON inside one repeatable-read snapshot, so the copy is
 * consistent while the server keeps writing. Rows travel as JSON and come back through
 * json_populate_recordset, which keeps every column type (arrays, jsonb, bytea, vectors) intact.
 */
export async function backupTo(db: Kysely<Database>, file: string, onTable?: (table: string, rows: number) => void): Promise<{ tables: number; rows: number }> {
  const out = fs.createWriteStream(file);
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  let total = 0;
  let tableCount = 0;
  await db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const tables = await tablesInOrder(tx);
    gzip.write(`${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), tables })}\n`);
    for (const table of tables) {
      tableCount += 1;
      let n = 0;
      let offset = 0;
      for (;;) {
        const rows = (await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table)} t order by ctid limit ${BATCH * 10} offset ${offset}`.execute(tx)).rows;
        for (const r of rows) gzip.write(`{"t":${JSON.stringify(table)},"r":${r.j}}\n`);
        n += rows.length;
        offset += rows.length;
        if (rows.length < BATCH * 10) break;
      }
      total += n;
      onTable?.(table, n);
    }
  });
  gzip.end();
  await done;
  return { tables: tableCount, rows: total };
}

/** Loads a backup into a database that has the schema but no data; refuses a non-empty one. */
export async function restoreFrom(db: Kysely<Database>, file: string, onTable?: (table: string, rows: number) => void): Promise<{ rows: number }> {
  let header: { format: string; tables: string[] } | undefined;
  let total = 0;
  await db.transaction().execute(async (tx) => {
    // Users and organisations may already be seeded at start; a restore replaces them.
    const existing = await tablesInOrder(tx);
    for (const t of existing) {
      if (t === 'kysely_migration' || t === 'kysely_migration_lock') continue;
      const c = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(tx);
      if ((c.rows[0]?.n ?? 0) > 0 && t !== 'organisations' && t !== 'audit_head') throw new Error(`restore needs an empty database, but table ${t} has rows`);
    }
    let batch: unknown[] = [];
    let current = '';
    const counts = new Map<string, number>();
    const flush = async () => {
      if (!batch.length) return;
      await sql`insert into ${sql.table(current)} select * from json_populate_recordset(null::${sql.table(current)}, ${JSON.stringify(batch)}::json)`.execute(tx);
      counts.set(current, (counts.get(current) ?? 0) + batch.length);
      batch = [];
    };
    // Opened only now: readline drops lines emitted before iteration starts.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as { format: string; tables: string[] };
        if (header.format !== FORMAT) throw new Error(`${file} is not a Vigil backup (format ${header.format})`);
        for (const t of header.tables) {
          if (t === 'kysely_migration' || t === 'kysely_migration_lock' || t === 'organisations' || t === 'audit_head') {
            await sql`delete from ${sql.table(t)}`.execute(tx);
          }
        }
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (t !== current || batch.length >= BATCH) { await flush(); if (t !== current && current) onTable?.(current, counts.get(current) ?? 0); current = t; }
      batch.push(r);
      total += 1;
    }
    await flush();
    if (current) onTable?.(current, counts.get(current) ?? 0);
    // Serial columns continue after the restored ids.
    const seqs = await sql<{ tbl: string; col: string }>`
      select c.relname as tbl, a.attname as col from pg_class c join pg_attribute a on a.attrelid = c.oid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and pg_get_serial_sequence(c.relname, a.attname) is not null`.execute(tx);
    for (const s of seqs.rows) {
      await sql`select setval(pg_get_serial_sequence(${s.tbl}, ${s.col}), coalesce((select max(${sql.ref(s.col)}) from ${sql.table(s.tbl)}), 0) + 1, false)`.execute(tx);
    }
  });
  if (!header) throw new Error(`${file} is empty`);
  return { rows: total };
}
