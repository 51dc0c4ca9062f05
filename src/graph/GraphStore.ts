/** The store interface every backend implements (embedded oxigraph, remote SPARQL 1.1).
 *  Results are serialised by the engine and passed through as strings: the HTTP tier
 *  never rebuilds them as JS term objects.
 *
 *  The contract every backend keeps (checked by tests/graph/contract, run on each backend):
 *
 *  - Dataset. A query that names no dataset (no FROM / FROM NAMED, no protocol
 *    default-graph-uri / named-graph-uri) sees as its default graph the RDF merge of every
 *    named graph and of the statements written to the default graph itself, as a set: a
 *    triple stated in several graphs counts once, in every query form and aggregate. GRAPH ?g
 *    ranges over the named graphs of the data only (never a backend's own bookkeeping or
 *    system graphs). FROM / FROM NAMED, or the protocol's parameters (which take precedence),
 *    replace that dataset. An update's WHERE outside GRAPH matches the same merge; its
 *    templates without GRAPH insert into or delete from the default graph's own statements.
 *    `dump(format, null)` (Graph Store GET ?default) is the merge; `dump` in a dataset format
 *    is the named graphs plus the default graph's own statements; `size()` counts stored quads.
 *  - Results. SELECT and ASK come in the four W3C formats with the same bytes from every
 *    backend for the same bindings (CSV and TSV as the W3C fixes them; JSON with typed
 *    literals as `"literal"` plus `datatype`, plain literals with an explicit xsd:string;
 *    `SELECT *` columns ordered by name). Graph results are the asked RDF format. Never a
 *    truncated answer: a backend that cannot give the whole answer refuses it.
 *  - Errors. Bad SPARQL: QuerySyntaxError; SERVICE and LOAD: QueryEvaluationError (the store
 *    fetches nothing a client names); bad data: RdfSyntaxError, with nothing written; past
 *    the time budget: QueryTimeoutError (never partial results); closed: StoreClosedError.
 *  - Revisions. version() changes on every accepted write made through the store; a backend
 *    that others can write to (the remote one) also moves it at least every freshness window,
 *    so caches keyed on it never outlive a change by more than that window. */

import type { RdfMediaType, ResultsMediaType } from '../vocab';

/** Media types of SELECT/ASK results, and of RDF graphs and datasets (src/vocab's format registry). */
export type { RdfMediaType, ResultsMediaType };

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

export interface QueryOptions {
  /** Serialisation for SELECT/ASK. */
  resultsFormat?: ResultsMediaType;
  /** Serialisation for CONSTRUCT/DESCRIBE. */
  graphFormat?: RdfMediaType;
  /** Protocol dataset (default-graph-uri); overrides FROM. */
  defaultGraphs?: string[];
  /** Protocol dataset (named-graph-uri); overrides FROM NAMED. */
  namedGraphs?: string[];
  baseIri?: string;
  /** Per-query timeout; the backend's configured default applies when absent. */
  timeoutMs?: number;
  /** false: evaluate now even when the store keeps a result of the same query. */
  cache?: boolean;
  /** Aborted when the client has gone: a queued query is dropped, a running one ended. */
  signal?: AbortSignal;
  /** Epoch milliseconds past which the query is not worth answering (the request's own
   *  deadline, counted from its arrival: time spent queued counts). */
  deadline?: number;
  /** Who asks (a client address or key), for per-client admission limits. */
  clientId?: string;
}

export interface QueryResult {
  form: QueryForm;
  mediaType: string;
  body: string;
}

export interface UpdateOptions {
  baseIri?: string;
  /** using-graph-uri / using-named-graph-uri of the protocol. */
  usingGraphs?: string[];
  usingNamedGraphs?: string[];
  timeoutMs?: number;
}

export interface GraphStore {
  /** Evaluate a query; rejects with QueryError subclasses (syntax, timeout, ...). */
  query(sparql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Convenience for internal callers: SELECT results as SPARQL JSON, parsed. */
  select(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<SparqlJsonResults>;
  ask(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<boolean>;
  /** Atomic SPARQL Update. */
  update(sparql: string, options?: UpdateOptions): Promise<void>;
  /** Bulk load into one graph (undefined = default graph; dataset formats keep their own
   *  graph names), atomically. Resolves `created: true` when the named graph was new. */
  load(data: string, format: RdfMediaType, graph?: string): Promise<WriteResult>;
  /** Replace the content of one graph (null = the stored default graph), atomically
   *  (Graph Store Protocol PUT). */
  replace(data: string, format: RdfMediaType, graph: string | null, options?: WriteOptions): Promise<WriteResult>;
  /** Remove a named graph, or empty the default graph (null); false when the graph did not exist. */
  drop(graph: string | null, options?: WriteOptions): Promise<boolean>;
  /** Serialise one graph (null = default graph) or, for dataset formats, everything. */
  dump(format: RdfMediaType, graph?: string | null): Promise<string>;
  /** Named graphs present. */
  graphs(): Promise<string[]>;
  hasGraph(graph: string): Promise<boolean>;
  size(): Promise<number>;
  /** A number that changes whenever a write is accepted (for caches of derived data). */
  version(): number;
  /** What the store is doing now, for readiness and metrics. Cheap and synchronous. */
  status(): StoreStatus;
  close(): Promise<void>;
}

/** A snapshot of the store's state and its counters since start. */
export interface StoreStatus {
  /** Which backend answers ('embedded', 'remote'). */
  backend: string;
  /** True when a query sent now would be taken (data loaded, a worker or connection free or queueable). */
  ready: boolean;
  /** Why not ready, in words (absent when ready). */
  reason?: string;
  revision: number;
  workers: { total: number; idle: number; busy: number; loading: number };
  queue: { depth: number; limit: number };
  counters: {
    /** Queries ended by their deadline. */
    timeouts: number;
    /** Queries dropped or ended because their client went away. */
    cancellations: number;
    /** Queries refused by admission (queue full, per-client limit). */
    refusals: number;
    /** Workers (or connections) replaced after a failure or a timeout. */
    replacements: number;
  };
}

export interface WriteOptions {
  /** The file the written data was read from, which keeps it (a built graph of data/graph,
   *  loaded again at every start): the write is applied like any other but not journaled,
   *  since the file is its record. A replay reads the file as it then is; a dropped
   *  source's file is no longer loaded. */
  source?: string;
}

export interface WriteResult {
  /** True when the target graph did not exist before the write. */
  created: boolean;
}

/** W3C SPARQL 1.1 Query Results JSON. */
export interface SparqlJsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}
export interface SparqlJsonResults {
  head: { vars: string[] };
  results: { bindings: Array<Record<string, SparqlJsonTerm>> };
}
