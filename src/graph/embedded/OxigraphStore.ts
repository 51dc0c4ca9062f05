import type {
  GraphStore,
  QueryOptions,
  QueryResult,
  RdfMediaType,
  SparqlJsonResults,
  StoreStatus,
  UpdateOptions,
  WriteOptions,
  WriteResult,
} from '../GraphStore';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { JournalError, NonDeterministicUpdateError, StoreFailureError } from '../errors';
import { Journal } from './journal/Journal';
import { ResultCache } from '../ResultCache';
import { assertEvaluable } from '../queryComplexity';
import { freezeNow, nonDeterministicCalls, queryForm } from '../sparqlText';
import type { StoreSource } from '../StoreSource';
import { applyUsingDataset } from './usingDataset';
import { WorkerPool, type PoolWorker, type ReadOptions, type StoreLogger } from './WorkerPool';
import type { WorkerInit, SnapshotOutcome } from './worker/protocol';
import type { WriteOp, WriteOutcome } from './writeOps';
import { DEFAULT_WORKERS, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_COMPACT_ENTRIES, DEFAULT_COMPACT_BYTES, SNAPSHOT_TIMEOUT_MS } from './limits';

export interface StoreOptions {
  sources: StoreSource[];
  /** Worker threads, each holding a full copy of the dataset (default 2). */
  workers?: number;
  /** Time budget of one query or update (default 30 s). */
  timeoutMs?: number;
  /** Where accepted writes are journaled; without it they last as long as the process. */
  journalPath?: string;
  logger?: StoreLogger;
  /** Keep serialised results until the next write (see ResultCache; default off). */
  resultCache?: boolean;
  /** Loaded workers kept aside to replace a stopped one at once (default 1). */
  spareWorkers?: number;
  /** Queries waiting for a worker, beyond which new ones are refused (default 128). */
  queueLimit?: number;
  /** Queries one client may have queued or running (default 16). */
  clientQueryLimit?: number;
  /** Journal entries (default 1,000) and bytes (default 64 MiB) that trigger a compaction;
   *  0 entries: never compact. */
  compactEntries?: number;
  compactBytes?: number;
  /** The default graph of queries and updates is the RDF merge of all graphs, each triple
   *  once (default true; false gives a plain dataset, as the W3C update tests assume). */
  unionDefaultGraph?: boolean;
}

/** What the sources looked like, to tell whether a snapshot was taken from the same data. */
function fingerprint(sources: readonly StoreSource[]): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    if (source.path) {
      const stat = statSync(source.path, { throwIfNoEntry: false });
      hash.update(`${source.path}\0${stat?.size}\0${stat?.mtimeMs}\0`);
    } else hash.update(`${source.data ?? ''}\0`);
    hash.update(`${source.format}\0${source.graph ?? ''}\0${source.baseIri ?? ''}\0${source.rebase ? `${source.rebase.from}>${source.rebase.to}` : ''}\n`);
  }
  return hash.digest('hex');
}

/** The embedded store: oxigraph in worker threads (see WorkerPool).
 *
 *  Datasets. A query without FROM / FROM NAMED sees as its default graph the union of the
 *  stored default graph and every named graph (a bag union: a triple stored in two graphs
 *  matches twice). FROM / FROM NAMED in the query, or the protocol's default-graph-uri /
 *  named-graph-uri (which take precedence), replace that dataset. Updates, as in oxigraph,
 *  see the stored graphs: a WHERE clause outside GRAPH matches the stored default graph only
 *  (and USING / using-graph-uri choose other graphs), and INSERT without GRAPH writes to it.
 *
 *  Writes are linearised: each runs with the pool to itself, is applied on one worker first
 *  (where a failure changes nothing), appended to the journal and flushed to disk, then
 *  applied to the other workers; a worker that fails that step is rebuilt from the sources
 *  and the journal. Updates are made replayable first: NOW() is frozen to the instant the
 *  update was accepted, and RAND(), UUID() and STRUUID() are refused. */
export class OxigraphStore implements GraphStore {
  private revision = 0;
  private compacting: Promise<void> | undefined;
  private loading: Promise<void>;
  private loaded = false;
  private loadFailure: Error | undefined;

  private constructor(
    private readonly pool: WorkerPool,
    private readonly journal: Journal,
    private readonly timeoutMs: number,
    private readonly cache: ResultCache | undefined,
    private readonly sourcesFingerprint: string,
    /** What a worker started later loads before the journal (files dropped as sources leave it). */
    private readonly sources: StoreSource[],
    private readonly options: StoreOptions,
  ) {
    this.loading = pool.start().then(
      () => {
        this.loaded = true;
        this.compactIfDue();
      },
      (error: Error) => {
        this.loadFailure = error;
        throw error;
      },
    );
    this.loading.catch(() => undefined);
  }

  /** Opens the journal and loads the data; resolves once every query worker holds it (spares
   *  keep loading in the background). See open() to answer from the first worker on. */
  static async create(options: StoreOptions): Promise<OxigraphStore> {
    const store = await OxigraphStore.open(options);
    try {
      await store.whenLoaded();
      await store.pool.fullStrength();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Opens the journal and starts loading the data without waiting for it: status().ready
   *  says when the store answers, and whenLoaded() resolves then. */
  static async open(options: StoreOptions): Promise<OxigraphStore> {
    const journal = options.journalPath ? await Journal.open(options.journalPath, options.logger) : Journal.inMemory();
    const sources = [...options.sources];
    const sourcesFingerprint = fingerprint(sources);
    const snapshot = journal.snapshot;
    if (snapshot && snapshot.sources !== sourcesFingerprint) {
      options.logger?.warn(
        `The data files changed since the journal's snapshot ${snapshot.path} was taken; the store starts from that snapshot, which holds every acknowledged write. Remove the journal and its snapshot to start from the new files instead.`,
      );
    }
    const init = (): { init: WorkerInit; position: number; release(): void } => {
      const { snapshot: current, release } = journal.leaseSnapshot();
      const created: WriteOp[] = (current?.emptyGraphs ?? []).map((graph) => ({ op: 'update', sparql: `CREATE SILENT GRAPH <${graph}>` }));
      return {
        init: {
          sources: current ? [{ path: current.path, format: 'application/n-quads' }] : sources,
          journal: [...created, ...journal.since(journal.start)],
          unionDefaultGraph: options.unionDefaultGraph ?? true,
        },
        position: journal.length,
        release,
      };
    };
    const pool = new WorkerPool({
      size: options.workers ?? DEFAULT_WORKERS,
      spares: options.spareWorkers,
      queueLimit: options.queueLimit,
      clientQueryLimit: options.clientQueryLimit,
      init,
      journalSince: (position) => journal.since(position),
      logger: options.logger,
    });
    return new OxigraphStore(
      pool,
      journal,
      options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      options.resultCache ? new ResultCache() : undefined,
      sourcesFingerprint,
      sources,
      options,
    );
  }

  /** Resolves once a worker holds the data; rejects when it cannot be loaded. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    assertEvaluable(sparql);
    const form = queryForm(sparql);
    const format =
      form === 'CONSTRUCT' || form === 'DESCRIBE' ? (options.graphFormat ?? 'text/turtle') : (options.resultsFormat ?? 'application/sparql-results+json');
    const cacheable = this.cache !== undefined && options.cache !== false && ResultCache.cacheable(sparql);
    const key = cacheable ? JSON.stringify([sparql, format, options.defaultGraphs, options.namedGraphs, options.baseIri]) : '';
    const revision = this.revision;
    const cached = cacheable ? this.cache!.get(key, revision) : undefined;
    if (cached !== undefined) return { form: form ?? 'SELECT', mediaType: format, body: cached };
    const body = (await this.pool.read(
      {
        kind: 'query',
        request: {
          sparql,
          format,
          defaultGraphs: options.defaultGraphs,
          namedGraphs: options.namedGraphs,
          baseIri: options.baseIri,
        },
      },
      this.readOptions(options),
    )) as string;
    // A write that landed meanwhile makes the result belong to an older revision: not kept.
    if (cacheable && revision === this.revision) this.cache!.set(key, revision, body);
    return { form: form ?? 'SELECT', mediaType: format, body };
  }

  async select(sparql: string, options: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'> = {}): Promise<SparqlJsonResults> {
    const { body } = await this.query(sparql, { ...options, resultsFormat: 'application/sparql-results+json' });
    return JSON.parse(body) as SparqlJsonResults;
  }

  async ask(sparql: string, options: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'> = {}): Promise<boolean> {
    const { body } = await this.query(sparql, { ...options, resultsFormat: 'application/sparql-results+json' });
    return (JSON.parse(body) as { boolean: boolean }).boolean;
  }

  async update(sparql: string, options: UpdateOptions = {}): Promise<void> {
    const calls = nonDeterministicCalls(sparql);
    if (calls.length) {
      throw new NonDeterministicUpdateError(
        `${calls.join(', ')} cannot be used in an update: every update is replayed (on each query worker and from the journal after a restart) and must give the same result each time`,
      );
    }
    const text = applyUsingDataset(freezeNow(sparql, new Date()), options.usingGraphs, options.usingNamedGraphs);
    await this.write({ op: 'update', sparql: text, baseIri: options.baseIri }, options.timeoutMs);
  }

  async load(data: string, format: RdfMediaType, graph?: string): Promise<WriteResult> {
    const { created } = await this.write({ op: 'load', data, format, ...(graph === undefined ? {} : { graph }) });
    return { created };
  }

  /** With options.source, the data is a file's (see WriteOptions): workers that start later
   *  replay it by reading the file, and the journal on disk does not keep it. */
  async replace(data: string, format: RdfMediaType, graph: string | null, options: WriteOptions = {}): Promise<WriteResult> {
    const write: WriteOp = { op: 'replace', data, format, graph };
    const { created } = await this.write(write, undefined, options.source === undefined ? undefined : { op: 'reload', path: options.source, format, graph });
    return { created };
  }

  async drop(graph: string | null, options: WriteOptions = {}): Promise<boolean> {
    const write: WriteOp = { op: 'drop', graph };
    if (options.source === undefined) return (await this.write(write)).changed;
    // The file is gone: workers started from now on do not look for it.
    const source = options.source;
    const changed = (await this.write(write, undefined, write)).changed;
    for (let i = this.sources.length - 1; i >= 0; i--) if (this.sources[i].path === source) this.sources.splice(i, 1);
    return changed;
  }

  async dump(format: RdfMediaType, graph?: string | null): Promise<string> {
    return (await this.pool.read({ kind: 'dump', format, graph }, this.readOptions())) as string;
  }

  async graphs(): Promise<string[]> {
    return (await this.pool.read({ kind: 'graphs' }, this.readOptions())) as string[];
  }

  async hasGraph(graph: string): Promise<boolean> {
    return (await this.pool.read({ kind: 'hasGraph', graph }, this.readOptions())) as boolean;
  }

  async size(): Promise<number> {
    return (await this.pool.read({ kind: 'size' }, this.readOptions())) as number;
  }

  version(): number {
    return this.revision;
  }

  /** Worker counts, for health checks. */
  stats() {
    return this.pool.stats();
  }

  status(): StoreStatus {
    const { workers, spares, starting, busy, queued, queueLimit } = this.pool.stats();
    const ready = workers > 0 && queued < queueLimit;
    const reason = this.loadFailure
      ? `the data could not be loaded: ${this.loadFailure.message}`
      : !this.loaded
        ? 'query workers are loading the data'
        : workers === 0
          ? starting
            ? 'query workers are being replaced'
            : 'no query worker is running'
          : 'the query queue is full';
    return {
      backend: 'embedded',
      ready,
      ...(ready ? {} : { reason }),
      revision: this.revision,
      workers: { total: workers + spares + starting, idle: Math.max(0, workers - busy) + spares, busy, loading: starting },
      queue: { depth: queued, limit: queueLimit },
      counters: this.pool.counts(),
    };
  }

  /** Load times of the workers, in ms (for benchmarks and logs). */
  workerLoadTimes(): number[] {
    return this.pool.loadTimes();
  }

  /** Writes a snapshot of the whole dataset and cuts the journal entries it includes (see
   *  Journal). Runs on a spare worker when there is one, otherwise as a read. Concurrent
   *  calls share one compaction. Without a journal file there is nothing to compact. */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.compacting?.catch(() => undefined);
    await this.journal.close();
  }

  private async runCompaction(): Promise<void> {
    const target = this.journal.snapshotTarget();
    if (!target) return;
    let position = -1;
    const task = { kind: 'snapshot' as const, path: target.path };
    // Taken while no write is in progress: the worker is then exactly at the journal's end,
    // and writes sent to it afterwards run after the dump.
    const outcome = (await this.pool.onSpare(
      (spare) => {
        position = this.journal.length;
        return spare.send(task);
      },
      () => this.pool.read(task, { timeoutMs: SNAPSHOT_TIMEOUT_MS, onDispatch: () => (position = this.journal.length) }),
    )) as SnapshotOutcome;
    await this.journal.commitSnapshot(target, position, { quads: outcome.quads, emptyGraphs: outcome.emptyGraphs, sources: this.sourcesFingerprint });
  }

  /** Starts a compaction in the background when the journal has grown past its limits. */
  private compactIfDue(): void {
    const entries = this.options.compactEntries ?? DEFAULT_COMPACT_ENTRIES;
    if (!this.options.journalPath || entries <= 0 || this.compacting) return;
    const size = this.journal.size;
    if (size.entries < entries && size.bytes < (this.options.compactBytes ?? DEFAULT_COMPACT_BYTES)) return;
    this.compact().catch((error: Error) =>
      this.options.logger?.warn(`The journal could not be compacted (it keeps every write; will try again): ${error.message}`),
    );
  }

  private readOptions(options: QueryOptions = {}): ReadOptions {
    return {
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.clientId !== undefined ? { clientId: options.clientId } : {}),
    };
  }

  /** Validate on one worker, journal, then apply everywhere (see the class comment). A write
   *  whose data a file keeps is not journaled on disk: `remembered` (how to replay it) is
   *  kept in memory for the workers that start later. */
  private write(write: WriteOp, timeoutMs = this.timeoutMs, remembered?: WriteOp): Promise<WriteOutcome> {
    return this.pool
      .exclusive(async ([first, ...others], spares) => {
        const outcome = (await first.send({ kind: 'write', write }, timeoutMs)) as WriteOutcome;
        if (!outcome.changed) return outcome;
        try {
          if (remembered) this.journal.remember(remembered);
          else await this.journal.append(write);
        } catch (error) {
          // Not acknowledged, so not kept: the first worker is rebuilt without it.
          await first.terminate();
          throw error instanceof JournalError ? error : new StoreFailureError(String(error));
        }
        first.applied = this.journal.length;
        this.revision++;
        await Promise.all(others.map((worker) => this.replicate(worker, write)));
        for (const spare of spares) void this.replicate(spare, write);
        return outcome;
      })
      .finally(() => this.compactIfDue());
  }

  private async replicate(worker: PoolWorker, write: WriteOp): Promise<void> {
    try {
      await worker.send({ kind: 'write', write });
      worker.applied = this.journal.length;
    } catch {
      // Its copy may now differ: replace it (the replacement replays the journal).
      await worker.terminate();
    }
  }
}

export const createStore = (options: StoreOptions): Promise<OxigraphStore> => OxigraphStore.create(options);
export const openStore = (options: StoreOptions): Promise<OxigraphStore> => OxigraphStore.open(options);
