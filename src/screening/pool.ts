// Where the screening index lives: in this process, or replicated in worker threads so that
// screenings use every core while the main thread serves HTTP and the database. Every replica
// receives every change in the same order; a search goes to the least busy one.
import { Worker } from 'node:worker_threads';
import { ScreeningIndex } from './index.ts';
import type { ScreeningCandidate, ScreeningEntry, SearchOptions } from './index.ts';
import type { PersonFacts } from './score.ts';

/** A candidate as a holder returns it: the record's facts stay with the index. */
export type RankedCandidate = ScreeningCandidate;

export interface IndexHolder {
  /** Adds or replaces records (by record id). */
  add(entries: ScreeningEntry[]): void;
  remove(recordIds: string[]): void;
  /** Empties the index, before a fresh build. */
  clear(): void;
  /** Lays the records out for fast searches, after a bulk load (see ScreeningIndex.compact). */
  compact(): void;
  search(query: PersonFacts, options: SearchOptions): Promise<RankedCandidate[]>;
  /** Records indexed, once every change sent so far is applied. */
  size(): Promise<number>;
  /** How many searches can usefully run at once. */
  readonly parallelism: number;
  /** How to refill a replica that replaces one that died (holders without replicas ignore it). */
  setRebuilder?(rebuilder: Rebuilder): void;
  close(): Promise<void>;
}

/** The index in this process: no copies, no messages; one core. */
export class LocalIndex implements IndexHolder {
  private index = new ScreeningIndex();
  readonly parallelism = 1;
  add(entries: ScreeningEntry[]): void { for (const e of entries) this.index.add(e); }
  remove(recordIds: string[]): void { for (const id of recordIds) this.index.remove(id); }
  clear(): void { this.index = new ScreeningIndex(); }
  compact(): void { this.index.compact(); }
  search(query: PersonFacts, options: SearchOptions): Promise<RankedCandidate[]> {
    return Promise.resolve(this.index.search(query, options));
  }
  size(): Promise<number> { return Promise.resolve(this.index.size); }
  close(): Promise<void> { return Promise.resolve(); }
}

/** Messages to a replica; see worker.ts. */
export type ReplicaRequest =
  | { op: 'add'; entries: ScreeningEntry[] }
  | { op: 'remove'; ids: string[] }
  | { op: 'clear' }
  | { op: 'compact' }
  | { op: 'search'; id: number; query: PersonFacts; options: SearchOptions }
  | { op: 'size'; id: number };

export type ReplicaReply =
  | { id: number; ok: true; result: RankedCandidate[] | number }
  | { id: number; ok: false; error: string };

interface Replica {
  worker: Worker;
  pending: Map<number, { resolve: (v: RankedCandidate[] | number) => void; reject: (e: Error) => void }>;
  failed?: Error;
  /** A replacement still being filled: it answers no search, since a partial index would miss records. */
  building?: boolean;
}

/** Fills a fresh replica with every record, through `add`; changes made meanwhile reach it as well. */
export type Rebuilder = (add: (entries: ScreeningEntry[]) => void) => Promise<void>;

/**
 * A replica's young generation. A search leaves some 600 kB of garbage, and its caches keep some
 * of it; with V8's default 16 MB semi-spaces a replica over a million records scavenged every
 * ~25 searches, 10–30 ms each (--trace-gc). With 64 MB semi-spaces a search's garbage mostly dies
 * before anything is copied: the scavenging time per search fell by a third, and in alternating
 * runs two replicas screened 297 against 252 persons a second on average (a noisy machine). It
 * costs up to 2 × 64 MB of memory per replica, taken only as searches fill it.
 */
const REPLICA_YOUNG_GENERATION_MB = 192;

/** One full replica of the index per worker thread. */
export class WorkerIndex implements IndexHolder {
  private readonly replicas: Replica[];
  private nextId = 1;
  private closing = false;
  private rebuilder: Rebuilder | undefined;
  readonly parallelism: number;

  constructor(workers: number) {
    this.parallelism = workers;
    this.replicas = Array.from({ length: workers }, () => this.spawn());
  }

  /** How to refill a replica that replaces one that died (without it, a dead replica stays dead). */
  setRebuilder(rebuilder: Rebuilder): void {
    this.rebuilder = rebuilder;
  }

  /** Replaces a dead replica by a fresh one, filled by the rebuilder before it answers searches. */
  private replace(dead: Replica): void {
    const at = this.replicas.indexOf(dead);
    if (this.closing || !this.rebuilder || at < 0) return;
    const fresh = { ...this.spawn(), building: true };
    this.replicas[at] = fresh;
    const rebuild = this.rebuilder;
    void (async () => {
      await rebuild((entries) => { if (entries.length && !fresh.failed) fresh.worker.postMessage({ op: 'add', entries } satisfies ReplicaRequest); });
      if (!fresh.failed) fresh.worker.postMessage({ op: 'compact' } satisfies ReplicaRequest);
      // Answering `size` means it applied everything sent before.
      await this.ask(fresh, { op: 'size', id: this.nextId++ });
      fresh.building = false;
    })().catch((e: unknown) => { process.stderr.write(`screening replica could not be rebuilt: ${String(e)}\n`); });
  }

  private spawn(): Replica {
    // A plain-JavaScript entry registers the TypeScript loader in the thread, as bin/vigil.js does.
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: REPLICA_YOUNG_GENERATION_MB } });
    const replica: Replica = { worker, pending: new Map() };
    worker.on('message', (m: ReplicaReply) => {
      const p = replica.pending.get(m.id);
      if (!p) return;
      replica.pending.delete(m.id);
      if (!replica.pending.size) worker.unref();
      if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
    });
    const fail = (e: Error): void => {
      if (replica.failed) return;
      replica.failed = e;
      for (const p of replica.pending.values()) p.reject(e);
      replica.pending.clear();
      if (!this.closing) {
        process.stderr.write(`screening replica lost (${e.message}); starting another\n`);
        this.replace(replica);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!replica.failed) fail(new Error(`screening worker exited (${code})`)); });
    // Idle replicas do not keep the process alive; one with a question pending does.
    worker.unref();
    return replica;
  }

  private broadcast(message: ReplicaRequest): void {
    // Replicas being rebuilt get changes too, in order with their fill.
    for (const r of this.replicas) if (!r.failed) r.worker.postMessage(message);
  }

  private ask(replica: Replica, message: ReplicaRequest & { id: number }): Promise<RankedCandidate[] | number> {
    if (replica.failed) return Promise.reject(replica.failed);
    return new Promise((resolve, reject) => {
      replica.pending.set(message.id, { resolve, reject });
      replica.worker.ref();
      replica.worker.postMessage(message);
    });
  }

  add(entries: ScreeningEntry[]): void { if (entries.length) this.broadcast({ op: 'add', entries }); }
  remove(recordIds: string[]): void { if (recordIds.length) this.broadcast({ op: 'remove', ids: recordIds }); }
  clear(): void { this.broadcast({ op: 'clear' }); }
  compact(): void { this.broadcast({ op: 'compact' }); }

  async search(query: PersonFacts, options: SearchOptions): Promise<RankedCandidate[]> {
    const live = this.replicas.filter((r) => !r.failed && !r.building);
    if (!live.length) throw new Error('no screening worker is ready (a replica is being rebuilt)');
    const replica = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return await this.ask(replica, { op: 'search', id: this.nextId++, query, options }) as RankedCandidate[];
  }

  async size(): Promise<number> {
    const live = this.replicas.find((r) => !r.failed && !r.building) ?? this.replicas.find((r) => !r.failed);
    if (!live) return 0;
    return await this.ask(live, { op: 'size', id: this.nextId++ }) as number;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.replicas.map((r) => r.worker.terminate()));
  }
}

/** The index holder for a configuration: 0 workers keeps the index in this process. */
export function makeIndexHolder(workers: number): IndexHolder {
  return workers > 0 ? new WorkerIndex(workers) : new LocalIndex();
}
