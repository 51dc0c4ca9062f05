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
import { JournalError, NonDeterministicUpdateError, StoreFailureError } from '../errors';
import { Journal } from './journal/Journal';
import { ResultCache } from '../ResultCache';
import { freezeNow, nonDeterministicCalls, queryForm } from '../sparqlText';
import type { StoreSource } from '../StoreSource';
import { applyUsingDataset } from './usingDataset';
import { WorkerPool, type PoolWorker, type StoreLogger } from './WorkerPool';
import type { WriteOp, WriteOutcome } from './writeOps';

export const DEFAULT_WORKERS = 2;
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

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
  /** The default graph of queries and updates is the RDF merge of all graphs, each triple
   *  once (default true; false gives a plain dataset, as the W3C update tests assume). */
  unionDefaultGraph?: boolean;
}

/** The embedded store: oxigraph in worker threads (see WorkerPool).
 *
 *  Datasets. A query or update without FROM / FROM NAMED / USING sees as its default graph
 *  the RDF merge of every graph: each triple once, however many graphs state it (kept exact
 *  on every write; see unionDefaultGraph.ts). INSERT or DELETE without GRAPH, and the Graph
 *  Store's `?default`, write the default graph's own statements, which are part of the merge.
 *  FROM / FROM NAMED in the query, or the protocol's default-graph-uri / named-graph-uri (which
 *  take precedence), replace that dataset. With `unionDefaultGraph: false` the store is a
 *  plain dataset whose default graph is the stored one.
 *
 *  Writes are linearised: each runs with the pool to itself, is applied on one worker first
 *  (where a failure changes nothing), appended to the journal and flushed to disk, then
 *  applied to the other workers; a worker that fails that step is rebuilt from the sources
 *  and the journal. Updates are made replayable first: NOW() is frozen to the instant the
 *  update was accepted, and RAND(), UUID() and STRUUID() are refused. */
export class OxigraphStore implements GraphStore {
  private revision = 0;

  private constructor(
    private readonly pool: WorkerPool,
    private readonly journal: Journal,
    private readonly timeoutMs: number,
    private readonly cache: ResultCache | undefined,
    /** What a worker started later loads before the journal (files dropped as sources leave it). */
    private readonly sources: StoreSource[],
  ) {}

  static async create(options: StoreOptions): Promise<OxigraphStore> {
    const journal = options.journalPath ? await Journal.open(options.journalPath, options.logger) : Journal.inMemory();
    const sources = [...options.sources];
    const pool = new WorkerPool({
      size: options.workers ?? DEFAULT_WORKERS,
      init: () => ({ sources, journal: [...journal.writes], unionDefaultGraph: options.unionDefaultGraph ?? true }),
      journal: () => journal.writes,
      logger: options.logger,
    });
    try {
      await pool.start();
    } catch (error) {
      await journal.close();
      throw error;
    }
    return new OxigraphStore(pool, journal, options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, options.resultCache ? new ResultCache() : undefined, sources);
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const form = queryForm(sparql);
    const format = form === 'CONSTRUCT' || form === 'DESCRIBE' ? (options.graphFormat ?? 'text/turtle') : (options.resultsFormat ?? 'application/sparql-results+json');
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
      options.timeoutMs ?? this.timeoutMs,
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
    return (await this.pool.read({ kind: 'dump', format, graph }, this.timeoutMs)) as string;
  }

  async graphs(): Promise<string[]> {
    return (await this.pool.read({ kind: 'graphs' }, this.timeoutMs)) as string[];
  }

  async hasGraph(graph: string): Promise<boolean> {
    return (await this.pool.read({ kind: 'hasGraph', graph }, this.timeoutMs)) as boolean;
  }

  async size(): Promise<number> {
    return (await this.pool.read({ kind: 'size' }, this.timeoutMs)) as number;
  }

  version(): number {
    return this.revision;
  }

  /** Worker counts, for health checks. */
  stats() {
    return this.pool.stats();
  }

  status(): StoreStatus {
    const { workers, starting, busy, queued } = this.pool.stats();
    const ready = workers > 0;
    return {
      backend: 'embedded',
      ready,
      ...(ready ? {} : { reason: starting ? 'query workers are loading the data' : 'no query worker is running' }),
      revision: this.revision,
      workers: { total: workers + starting, idle: Math.max(0, workers - busy), busy, loading: starting },
      queue: { depth: queued, limit: Number.POSITIVE_INFINITY },
      counters: { timeouts: 0, cancellations: 0, refusals: 0, replacements: 0 },
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.journal.close();
  }

  /** Validate on one worker, journal, then apply everywhere (see the class comment). A write
   *  whose data a file keeps is not journaled on disk: `remembered` (how to replay it) is
   *  kept in memory for the workers that start later. */
  private write(write: WriteOp, timeoutMs = this.timeoutMs, remembered?: WriteOp): Promise<WriteOutcome> {
    return this.pool.exclusive(async ([first, ...others]) => {
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
      return outcome;
    });
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
