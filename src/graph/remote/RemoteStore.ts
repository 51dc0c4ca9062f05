import * as oxigraph from 'oxigraph';
import { Writer } from 'n3';
import type { Triple } from 'sparqljs';
import type {
  GraphStore,
  QueryOptions,
  QueryResult,
  RdfMediaType,
  ResultsMediaType,
  SparqlJsonResults,
  StoreStatus,
  UpdateOptions,
  WriteResult,
} from '../GraphStore';
import {
  NonDeterministicUpdateError,
  QueryCancelledError,
  QueryEvaluationError,
  QueryTimeoutError,
  RdfSyntaxError,
  StoreClosedError,
  StoreFailureError,
  UnsupportedFormatError,
} from '../errors';
import { checkedIri as checkedAbsoluteIri, isDatasetMediaType } from '../../vocab';
import { ResultCache } from '../ResultCache';
import { nonDeterministicCalls } from '../sparqlText';
import { HIDDEN_VARIABLE_PREFIX, rewriteQuery, rewriteUpdate, type DatasetLayout, type PredicateSets, type RewrittenQuery } from './defaultGraphAsSet';
import type { RemoteAuth } from './remoteAuth';
import { partialResults, remoteError } from './remoteErrors';
import { RemoteHttp, RequestAborted, RequestTimedOut, ResponseTooLarge, type HttpRequest, type HttpResponse } from './RemoteHttp';
import { normalizeResults } from './remoteResults';
import { serializeBindings, serializeBoolean } from './resultSerializers';
import {
  DEFAULT_REMOTE_CONNECTIONS,
  DEFAULT_REMOTE_MAX_ROWS,
  DEFAULT_REMOTE_FRESHNESS_MS,
  VERSION_MAX_AGE_WINDOWS,
  REMOTE_MAX_RESPONSE_BYTES,
  NETWORK_GRACE_MS,
  STARTUP_PROBE_INTERVAL_MS,
  SYSTEM_GRAPH_LISTING_MS,
} from './limits';

/** The change probe: the number of quads in the whole store (Virtuoso answers it from its
 *  indexes in milliseconds). */
const QUAD_COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }';
/** The predicates some triple has in two graphs (system graphs included; see PredicateSets). */
const REPEATED_PREDICATES = 'SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?s ?p ?o } FILTER(?g != ?h) }';
export const DEFAULT_OWN_DEFAULT_GRAPH = 'urn:x-unkg:default-graph';
/** INSERT DATA with more triples than this goes as Graph Store writes (Virtuoso's SPARQL
 *  compiler fails past about 1,200 triples in one INSERT DATA). */
export const INSERT_DATA_GSP_THRESHOLD = 500;
/** A graph name no data uses, for an empty protocol dataset list. */
const NO_GRAPH = 'urn:x-unkg:no-graph';

/** Virtuoso's own graphs (quad-map metadata, LDP vocabulary, the endpoint's service
 *  description and DAV): not data, kept out of the dataset. */
const SYSTEM_GRAPH = /^(?:http:\/\/www\.openlinksw\.com\/schemas\/virtrdf#|http:\/\/www\.w3\.org\/ns\/ldp#|https?:\/\/[^/]+\/(?:sparql|DAV\/))$/;

export interface RemoteStoreOptions {
  /** SPARQL 1.1 Query endpoint. */
  queryUrl: string;
  /** SPARQL 1.1 Update endpoint. */
  updateUrl: string;
  /** SPARQL 1.1 Graph Store Protocol endpoint (indirect graph identification, `?graph=`). */
  gspUrl: string;
  auth: RemoteAuth;
  /** Time budget of one query or update. */
  timeoutMs: number;
  /** Keep-alive connections to the store. */
  connections?: number;
  /** The store's row cap (Virtuoso's ResultSetMaxRows). */
  maxRows?: number;
  freshnessMs?: number;
  /** The named graph of the remote store holding the default graph's own statements. */
  ownDefaultGraph?: string;
  /** Graphs of the remote store that are not data; found by name when absent. */
  systemGraphs?: string[];
  resultCache?: boolean;
  /** How long open() waits for the store to answer. */
  startupWaitMs?: number;
  now?: () => number;
}

type Read = Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>;

/** A GraphStore over a remote SPARQL 1.1 store (tested with Virtuoso 7.2 from Debian), with
 *  the same contract as the embedded one (see GraphStore.ts):
 *
 *  - the dataset: see defaultGraphAsSet.ts. The predicates it needs (PredicateSets) are read
 *    after every change of version() (by the change probe, within a freshness window), and
 *    used only while version() stays where it was when they were read: meanwhile every BGP
 *    is evaluated over GRAPH, as a set. A write made directly in the store that states a
 *    triple again in another graph may thus be counted twice until the probe sees it;
 *  - results: SELECT and ASK are always fetched as SPARQL JSON, read (Virtuoso's typed-literal
 *    and other differences normalised, remoteResults.ts) and written out in the requested
 *    format exactly as the embedded store writes it; CONSTRUCT and DESCRIBE are fetched as
 *    N-Triples and written out by oxigraph, in process. A response in another media type than
 *    the one asked for is a failure, never passed on;
 *  - never a truncated answer: a SELECT that reaches the store's row cap (Virtuoso's
 *    ResultSetMaxRows, signalled by X-SPARQL-MaxRows) or a graph answer that reaches it (no
 *    signal at all) is refused with a message saying so; dumps read graphs in ordered pages;
 *  - timeouts: the budget is sent to the store (`timeout=`) and the connection is cut shortly
 *    after it; partial results (X-SQL-State: S1TAT with 200) are a QueryTimeoutError;
 *  - revisions: the result cache serves nothing older than one `freshnessMs` window (its
 *    entries are keyed on the writes made through this store and the window). version()
 *    counts writes made through this store and the changes a probe sees in the store (it
 *    counts the store's quads every `freshnessMs`), so caches keyed on it are rebuilt within
 *    a window or two of a write made directly in the store (or by another replica), and are
 *    not rebuilt while nothing changes; a direct change that keeps the number of quads is
 *    seen within VERSION_MAX_AGE_WINDOWS windows. Writes through this store are visible to
 *    its next read at once.
 *  - writes: data goes through the Graph Store Protocol as N-Triples (parsed and checked here
 *    first: bad data is an RdfSyntaxError and nothing is sent); INSERT DATA past
 *    INSERT_DATA_GSP_THRESHOLD triples too. A Graph Store PUT replaces a graph in one request
 *    (one transaction in Virtuoso); a dataset spread over several graphs is written graph by
 *    graph. */
export class RemoteStore implements GraphStore {
  private writes = 0;
  /** Changes the probe saw in the store (writes made elsewhere, or these). */
  private changes = 0;
  private seenQuads: number | undefined;
  private probing = false;
  private probeTimer: NodeJS.Timeout | undefined;
  /** The store's predicates, as of the version() they were read at; only used at that one. */
  private predicates: { version: number; sets: PredicateSets } | undefined;
  private readingPredicates = false;
  private closed = false;
  private readonly http: RemoteHttp;
  private readonly cache: ResultCache | undefined;
  private readonly rewrites = new Map<string, RewrittenQuery>();
  private readonly counters = { timeouts: 0, cancellations: 0, refusals: 0, replacements: 0 };
  private lastFailure: string | undefined;
  private readonly now: () => number;
  private readonly query_: URL;
  private readonly update_: URL;
  private readonly gsp: URL;
  private readonly maxRows: number;
  private readonly freshnessMs: number;

  private constructor(
    private readonly options: RemoteStoreOptions,
    private layout: DatasetLayout,
  ) {
    this.http = new RemoteHttp({
      auth: options.auth,
      maxSockets: options.connections ?? DEFAULT_REMOTE_CONNECTIONS,
      maxResponseBytes: REMOTE_MAX_RESPONSE_BYTES,
    });
    this.cache = options.resultCache ? new ResultCache() : undefined;
    this.now = options.now ?? Date.now;
    this.query_ = new URL(options.queryUrl);
    this.update_ = new URL(options.updateUrl);
    this.gsp = new URL(options.gspUrl);
    this.maxRows = options.maxRows ?? DEFAULT_REMOTE_MAX_ROWS;
    this.freshnessMs = options.freshnessMs ?? DEFAULT_REMOTE_FRESHNESS_MS;
  }

  /** Connects (waiting up to startupWaitMs for the store to answer) and finds the store's
   *  system graphs. */
  static async open(options: RemoteStoreOptions): Promise<RemoteStore> {
    const store = new RemoteStore(options, { ownDefaultGraph: options.ownDefaultGraph ?? DEFAULT_OWN_DEFAULT_GRAPH, systemGraphs: options.systemGraphs ?? [] });
    const until = Date.now() + (options.startupWaitMs ?? 30_000);
    for (;;) {
      try {
        await store.selectRaw('ASK {}');
        if (!options.systemGraphs) store.layout = { ...store.layout, systemGraphs: await store.findSystemGraphs() };
        await store.probeChanges();
        store.probeTimer = setInterval(() => void store.probeChanges(), store.freshnessMs);
        store.probeTimer.unref();
        return store;
      } catch (error) {
        if (Date.now() > until || !(error instanceof StoreFailureError)) {
          store.http.close();
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, STARTUP_PROBE_INTERVAL_MS));
      }
    }
  }

  /** Virtuoso's own graphs, by name among the graphs present; when listing the graphs is too
   *  costly for the store (it refuses on its cost estimate on large data), the names it gives
   *  them for the host it is reached at. */
  private async findSystemGraphs(): Promise<string[]> {
    try {
      const all = await this.selectRaw('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }', SYSTEM_GRAPH_LISTING_MS);
      return all.results.bindings.map((b) => b.g.value).filter((g) => SYSTEM_GRAPH.test(g));
    } catch (error) {
      if (!(error instanceof QueryTimeoutError || error instanceof QueryEvaluationError)) throw error;
      const port = this.query_.port || (this.query_.protocol === 'https:' ? '443' : '80');
      const hosts = [...new Set([this.query_.host, `127.0.0.1:${port}`, `localhost:${port}`])];
      return [
        'http://www.openlinksw.com/schemas/virtrdf#',
        'http://www.w3.org/ns/ldp#',
        ...hosts.flatMap((host) => [`http://${host}/sparql`, `http://${host}/DAV/`]),
      ];
    }
  }

  /** The graphs this store keeps out of the dataset, and where the default graph lives. */
  get datasetLayout(): DatasetLayout {
    return this.layout;
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    this.ensureOpen();
    const protocolDataset = Boolean(options.defaultGraphs || options.namedGraphs);
    const rewritten = this.rewrite(sparql, protocolDataset, options.baseIri);
    const graphForm = rewritten.form === 'CONSTRUCT' || rewritten.form === 'DESCRIBE';
    const format = graphForm ? (options.graphFormat ?? 'text/turtle') : (options.resultsFormat ?? 'application/sparql-results+json');
    const cacheable = this.cache !== undefined && options.cache !== false && ResultCache.cacheable(sparql);
    const key = cacheable ? JSON.stringify([sparql, format, options.defaultGraphs, options.namedGraphs, options.baseIri]) : '';
    const revision = this.cacheRevision();
    const cached = cacheable ? this.cache!.get(key, revision) : undefined;
    if (cached !== undefined) return { form: rewritten.form, mediaType: format, body: cached };
    const body = graphForm
      ? await this.graphAnswer(rewritten.text, format as RdfMediaType, options)
      : await this.resultsAnswer(rewritten, format as ResultsMediaType, options);
    if (cacheable && revision === this.cacheRevision()) this.cache!.set(key, revision, body);
    return { form: rewritten.form, mediaType: format, body };
  }

  async select(sparql: string, options: Read = {}): Promise<SparqlJsonResults> {
    const { body } = await this.query(sparql, { ...options, resultsFormat: 'application/sparql-results+json' });
    return JSON.parse(body) as SparqlJsonResults;
  }

  async ask(sparql: string, options: Read = {}): Promise<boolean> {
    const { body } = await this.query(sparql, { ...options, resultsFormat: 'application/sparql-results+json' });
    return (JSON.parse(body) as { boolean: boolean }).boolean;
  }

  async update(sparql: string, options: UpdateOptions = {}): Promise<void> {
    this.ensureOpen();
    const calls = nonDeterministicCalls(sparql);
    if (calls.length) {
      throw new NonDeterministicUpdateError(
        `${calls.join(', ')} cannot be used in an update: every backend of this service must give the same result for the same update`,
      );
    }
    const rewritten = await rewriteUpdate(sparql, this.layout, options, this);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    try {
      const data = rewritten.insertDataOnly;
      const triples = data?.reduce((n, q) => n + q.triples.length, 0) ?? 0;
      if (data && triples > INSERT_DATA_GSP_THRESHOLD && !data.some((q) => q.triples.some(hasBlankNode))) {
        for (const [graph, ntriples] of groupAsNTriples(data)) await this.gspWrite('POST', graph, ntriples, timeoutMs);
      } else if (rewritten.text) {
        await this.send({ url: this.update_, body: form([['update', rewritten.text]]), kind: 'update', timeoutMs });
      }
    } finally {
      // Even a failed request may have changed the store: caches must not outlive it.
      this.writes++;
    }
  }

  async load(data: string, format: RdfMediaType, graph?: string): Promise<WriteResult> {
    this.ensureOpen();
    const parsed = parseData(data, format, graph);
    const created = typeof graph === 'string' ? !(await this.hasGraph(graph)) : false;
    try {
      for (const [name, ntriples] of parsed) await this.gspWrite('POST', name, ntriples, this.options.timeoutMs);
    } finally {
      this.writes++;
    }
    return { created };
  }

  async replace(data: string, format: RdfMediaType, graph: string | null): Promise<WriteResult> {
    this.ensureOpen();
    const ntriples = parseData(data, format, graph).get(graph) ?? '';
    const created = graph !== null && !(await this.hasGraph(graph));
    try {
      if (ntriples) await this.gspWrite('PUT', graph, ntriples, this.options.timeoutMs);
      else
        await this.send({
          url: this.update_,
          body: form([['update', `CLEAR SILENT GRAPH <${this.target(graph)}>`]]),
          kind: 'update',
          timeoutMs: this.options.timeoutMs,
        });
    } finally {
      this.writes++;
    }
    return { created };
  }

  async drop(graph: string | null): Promise<boolean> {
    this.ensureOpen();
    if (graph !== null && !(await this.hasGraph(graph))) return false;
    const target = this.target(graph);
    try {
      await this.send({ url: this.update_, body: form([['update', `CLEAR SILENT GRAPH <${target}>`]]), kind: 'update', timeoutMs: this.options.timeoutMs });
    } finally {
      this.writes++;
    }
    return true;
  }

  async dump(format: RdfMediaType, graph?: string | null): Promise<string> {
    this.ensureOpen();
    const scratch = new oxigraph.Store();
    if (graph === undefined && isDatasetMediaType(format)) {
      for (const name of [...(await this.graphs()), null]) {
        const ntriples = await this.graphTriples(name);
        if (ntriples) loadNTriples(scratch, ntriples, name);
      }
      return scratch.dump({ format });
    }
    if (graph === null || graph === undefined) {
      // The default graph: the merge of every graph, each triple once (the scratch store is a set).
      for (const name of [...(await this.graphs()), null]) {
        const ntriples = await this.graphTriples(name);
        if (ntriples) loadNTriples(scratch, ntriples, null);
      }
    } else {
      const ntriples = await this.graphTriples(graph);
      if (ntriples) loadNTriples(scratch, ntriples, null);
    }
    return scratch.dump({ format, from_graph_name: oxigraph.defaultGraph() });
  }

  async graphs(): Promise<string[]> {
    const rows = await this.selectRaw(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (${this.notData(true)})) }`);
    return rows.results.bindings.map((b) => b.g.value).sort();
  }

  async hasGraph(graph: string): Promise<boolean> {
    if (graph === this.layout.ownDefaultGraph || this.layout.systemGraphs.includes(graph)) return false;
    const answer = await this.selectRaw(`ASK { GRAPH <${checkedIri(graph)}> { ?s ?p ?o } }`);
    return (answer as unknown as { boolean: boolean }).boolean;
  }

  async size(): Promise<number> {
    const rows = await this.selectRaw(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (${this.notData(false)})) }`);
    return Number(rows.results.bindings[0]?.n?.value ?? 0);
  }

  /** Writes through this store, changes seen by the probe, and one for each
   *  VERSION_MAX_AGE_WINDOWS freshness windows passed (see the class comment). */
  version(): number {
    return this.writes + this.changes + Math.floor(this.now() / (this.freshnessMs * VERSION_MAX_AGE_WINDOWS));
  }

  /** Resolves once the store's predicates are known at the current version() (changes the
   *  probe has yet to see counted first): from then on, until the next change, queries are
   *  sent in their cheapest exact form. For loaders, tests and benchmarks. */
  async settle(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    await this.probeChanges();
    while (this.predicates?.version !== this.version() && Date.now() < until) {
      await this.readPredicates();
      if (this.predicates?.version !== this.version()) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Reads the store's PredicateSets, tagged with the version() they were read at (dropped
   *  when the version moved during the reading). */
  private async readPredicates(): Promise<void> {
    if (this.readingPredicates || this.closed) return;
    this.readingPredicates = true;
    const version = this.version();
    try {
      const budget = Math.max(this.options.timeoutMs, 60_000);
      const repeated = await this.selectRaw(REPEATED_PREDICATES, budget);
      const system = this.layout.systemGraphs.length
        ? await this.selectRaw(`SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g IN (${this.notData(false)})) }`, budget)
        : undefined;
      const names = [...repeated.results.bindings, ...(system?.results.bindings ?? [])].map((row) => row.p.value);
      if (this.version() === version) this.predicates = { version, sets: { repeated: new Set(names) } };
    } catch {
      // Read again after the next probe.
    } finally {
      this.readingPredicates = false;
    }
  }

  /** The result cache's revision: writes through this store and the freshness window. */
  private cacheRevision(): number {
    return this.writes + Math.floor(this.now() / this.freshnessMs);
  }

  /** Counts the store's quads; a number other than the last one is a change. A probe that
   *  fails changes nothing (the requests that follow report the failure). */
  private async probeChanges(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      const rows = await this.selectRaw(QUAD_COUNT, this.freshnessMs);
      const quads = Number(rows.results.bindings[0]?.n?.value ?? 0);
      if (this.seenQuads !== undefined && quads !== this.seenQuads) this.changes++;
      this.seenQuads = quads;
      if (this.predicates?.version !== this.version()) void this.readPredicates();
    } catch {
      // Seen again by the next probe.
    } finally {
      this.probing = false;
    }
  }

  status(): StoreStatus {
    const connections = this.options.connections ?? DEFAULT_REMOTE_CONNECTIONS;
    const busy = Math.min(connections, this.http.inFlight);
    const ready = !this.closed && this.lastFailure === undefined;
    return {
      backend: 'remote',
      ready,
      ...(ready ? {} : { reason: this.closed ? 'the store is closed' : `the remote store does not answer: ${this.lastFailure}` }),
      revision: this.version(),
      workers: { total: connections, idle: connections - busy, busy, loading: 0 },
      queue: { depth: Math.max(0, this.http.inFlight - connections), limit: Number.POSITIVE_INFINITY },
      counters: { ...this.counters },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probeTimer);
    this.http.close();
  }

  // -------------------------------------------------------------------------------------

  private ensureOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  private rewrite(sparql: string, protocolDataset: boolean, baseIri?: string): RewrittenQuery {
    const predicates = this.predicates?.version === this.version() ? this.predicates : undefined;
    const key = `${predicates?.version ?? '-'}\u0000${protocolDataset ? 1 : 0}${baseIri ?? ''}\u0000${sparql}`;
    let rewritten = this.rewrites.get(key);
    if (!rewritten) {
      rewritten = rewriteQuery(sparql, this.layout, protocolDataset, baseIri, predicates?.sets);
      if (this.rewrites.size >= 1024) this.rewrites.delete(this.rewrites.keys().next().value as string);
      this.rewrites.set(key, rewritten);
    }
    return rewritten;
  }

  private target(graph: string | null | undefined): string {
    return graph === null || graph === undefined ? this.layout.ownDefaultGraph : checkedIri(graph);
  }

  /** The graphs that are not named graphs of the dataset, as a list for NOT IN. */
  private notData(withOwnDefault: boolean): string {
    return [...this.layout.systemGraphs, ...(withOwnDefault ? [this.layout.ownDefaultGraph] : [])].map((g) => `<${g}>`).join(', ');
  }

  private budget(options: Read): number {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    if (options.deadline === undefined) return timeoutMs;
    return Math.max(1, Math.min(timeoutMs, options.deadline - this.now()));
  }

  private queryParameters(text: string, options: Read, timeoutMs: number): Array<[string, string]> {
    // A protocol dataset that leaves one of its lists out has it empty (SPARQL 1.1 Protocol
    // 2.1.4); Virtuoso would take all graphs instead, so an empty list names a graph that
    // holds nothing.
    const dataset = options.defaultGraphs || options.namedGraphs;
    const list = (graphs: string[] | undefined) => (graphs?.length ? graphs.map(checkedIri) : dataset ? [NO_GRAPH] : []);
    return [
      ['query', text],
      ...list(options.defaultGraphs).map((g): [string, string] => ['default-graph-uri', g]),
      ...list(options.namedGraphs).map((g): [string, string] => ['named-graph-uri', g]),
      ['timeout', String(timeoutMs)],
    ];
  }

  /** Sends a client's query (its time budget, its protocol dataset) for an answer in `accept`. */
  private sendQuery(text: string, accept: string, options: Read): Promise<HttpResponse> {
    const timeoutMs = this.budget(options);
    return this.send({
      url: this.query_,
      body: form(this.queryParameters(text, options, timeoutMs)),
      accept,
      kind: 'query',
      timeoutMs,
      limitMs: options.timeoutMs ?? this.options.timeoutMs,
      signal: options.signal,
    });
  }

  private async resultsAnswer(rewritten: RewrittenQuery, format: ResultsMediaType, options: Read): Promise<string> {
    const response = await this.sendQuery(rewritten.text, 'application/sparql-results+json', options);
    const results = normalizeResults(response.body);
    if ('boolean' in results) return serializeBoolean(results.boolean, format);
    this.refuseTruncated(response, results.results.bindings.length);
    if (rewritten.wildcard) {
      // The embedded engine orders SELECT * columns by name; the rewrite's variables are not the client's.
      results.head.vars = results.head.vars.filter((v) => !v.startsWith(HIDDEN_VARIABLE_PREFIX)).sort();
      for (const row of results.results.bindings) for (const name of Object.keys(row)) if (name.startsWith(HIDDEN_VARIABLE_PREFIX)) delete row[name];
    }
    return serializeBindings(results, format);
  }

  private async graphAnswer(text: string, format: RdfMediaType, options: Read): Promise<string> {
    const response = await this.sendQuery(text, 'application/n-triples', options);
    const triples = countLines(response.body);
    if (triples >= this.maxRows) throw truncated(this.maxRows);
    const scratch = new oxigraph.Store();
    loadNTriples(scratch, response.body, null);
    try {
      return scratch.dump({ format, from_graph_name: oxigraph.defaultGraph() });
    } catch (error) {
      throw new UnsupportedFormatError((error as Error).message);
    }
  }

  /** Virtuoso cuts SELECT answers at ResultSetMaxRows with a 200 and X-SPARQL-MaxRows. */
  private refuseTruncated(response: HttpResponse, rows: number): void {
    const header = response.headers['x-sparql-maxrows'];
    const cap = header === undefined ? this.maxRows : Number(header);
    if (rows >= cap) throw truncated(cap);
  }

  /** One graph (null: the default graph's own statements) as N-Triples, in ordered pages
   *  below the store's row cap. */
  private async graphTriples(graph: string | null): Promise<string> {
    const pages: string[] = [];
    const pageSize = this.maxRows - 1;
    for (let offset = 0; ; offset += pageSize) {
      // Ordered in a subquery (Virtuoso's scrollable-cursor form: it refuses to sort past its
      // row cap when ORDER BY, LIMIT and OFFSET are on the same level).
      const text = `CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o WHERE { GRAPH <${this.target(graph)}> { ?s ?p ?o } } ORDER BY ?s ?p ?o } } LIMIT ${pageSize} OFFSET ${offset}`;
      const response = await this.send({
        url: this.query_,
        body: form([
          ['query', text],
          ['timeout', String(this.options.timeoutMs)],
        ]),
        accept: 'application/n-triples',
        kind: 'query',
        timeoutMs: this.options.timeoutMs,
      });
      pages.push(response.body);
      if (countLines(response.body) < pageSize) break;
    }
    return pages.join('\n');
  }

  private async selectRaw(text: string, timeoutMs = this.options.timeoutMs): Promise<SparqlJsonResults> {
    const response = await this.send({
      url: this.query_,
      body: form([
        ['query', text],
        ['timeout', String(timeoutMs)],
      ]),
      accept: 'application/sparql-results+json',
      kind: 'query',
      timeoutMs,
    });
    const results = normalizeResults(response.body);
    if (!('boolean' in results)) this.refuseTruncated(response, results.results.bindings.length);
    return results as SparqlJsonResults;
  }

  private async gspWrite(method: 'POST' | 'PUT', graph: string | null, ntriples: string, timeoutMs: number): Promise<void> {
    const url = new URL(this.gsp);
    url.searchParams.set('graph', this.target(graph));
    await this.send({ url, method, body: ntriples, contentType: 'application/n-triples', kind: 'data', timeoutMs });
  }

  /** One request; every failure becomes a store error. The answer's media type must be the
   *  one asked for (Virtuoso answers HTML when it may choose). */
  private async send(request: {
    url: URL;
    method?: HttpRequest['method'];
    body: string;
    contentType?: string;
    accept?: string;
    kind: 'query' | 'update' | 'data';
    timeoutMs: number;
    /** The time limit the client was given (errors name it; timeoutMs is what is left of it). */
    limitMs?: number;
    signal?: AbortSignal;
  }): Promise<HttpResponse> {
    let response: HttpResponse;
    try {
      response = await this.http.send({
        method: request.method ?? 'POST',
        url: request.url,
        headers: {
          'Content-Type': request.contentType ?? 'application/x-www-form-urlencoded',
          ...(request.accept ? { Accept: request.accept } : {}),
        },
        body: request.body,
        timeoutMs: request.timeoutMs + NETWORK_GRACE_MS,
        signal: request.signal,
      });
    } catch (error) {
      if (error instanceof RequestTimedOut) {
        this.counters.timeouts++;
        throw new QueryTimeoutError(request.limitMs ?? request.timeoutMs);
      }
      if (error instanceof RequestAborted) {
        this.counters.cancellations++;
        throw new QueryCancelledError();
      }
      if (error instanceof ResponseTooLarge) throw new QueryEvaluationError(`The answer is too large to be served: ${error.message}`);
      this.lastFailure = (error as Error).message;
      throw new StoreFailureError(`The remote store cannot be reached: ${(error as Error).message}`);
    }
    this.lastFailure = undefined;
    if (response.status < 200 || response.status >= 300) {
      const error = remoteError(response, request.kind, request.limitMs ?? request.timeoutMs);
      if (error instanceof QueryTimeoutError) this.counters.timeouts++;
      throw error;
    }
    const partial = partialResults(response, request.timeoutMs);
    if (partial) {
      this.counters.timeouts++;
      throw partial;
    }
    if (request.accept) {
      const type = String(response.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (type !== request.accept)
        throw new StoreFailureError(`The remote store answered ${type || 'without a media type'} where ${request.accept} was asked for`);
    }
    return response;
  }
}

export const openRemoteStore = (options: RemoteStoreOptions): Promise<RemoteStore> => RemoteStore.open(options);

const truncated = (cap: number) =>
  new QueryEvaluationError(
    `The answer reaches the remote store's limit of ${cap} rows, so it may be cut short; it is not served. Page it with ORDER BY, LIMIT and OFFSET, or narrow the query`,
  );

const notAnIri = (iri: string) => new QueryEvaluationError(`Not an absolute IRI: ${JSON.stringify(iri)}`);
const checkedIri = (iri: string): string => checkedAbsoluteIri(iri, notAnIri);

const form = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const hasBlankNode = (t: Triple) => [t.subject, t.object].some((term) => (term as { termType?: string }).termType === 'BlankNode');

function groupAsNTriples(quads: Array<{ graph: string | null; triples: Triple[] }>): Map<string | null, string> {
  const out = new Map<string | null, string>();
  for (const { graph, triples } of quads) {
    const writer = new Writer({ format: 'N-Triples' });
    writer.addQuads(
      triples.map((t) => ({ subject: t.subject, predicate: t.predicate, object: t.object, graph: { termType: 'DefaultGraph', value: '' } }) as never),
    );
    let text = '';
    writer.end((_error, result) => (text = result));
    out.set(graph, (out.get(graph) ?? '') + text);
  }
  return out;
}

/** Parses the data here (the remote store never sees data that does not parse) and returns
 *  it as N-Triples per target graph (null: the default graph). */
function parseData(data: string, format: RdfMediaType, graph: string | null | undefined): Map<string | null, string> {
  const scratch = new oxigraph.Store();
  try {
    scratch.load(data, { format, ...(graph !== undefined || !isDatasetMediaType(format) ? { to_graph_name: oxigraph.defaultGraph() } : {}) });
  } catch (error) {
    const message = (error as Error).message;
    if (/^Not supported/i.test(message)) throw new UnsupportedFormatError(message);
    throw new RdfSyntaxError(message);
  }
  const out = new Map<string | null, string>();
  const target = graph === undefined ? null : graph;
  const defaultTriples = scratch.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
  if (defaultTriples || graph !== undefined || !isDatasetMediaType(format)) out.set(target, defaultTriples);
  if (graph === undefined && isDatasetMediaType(format)) {
    const names = (scratch.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }') as Map<string, oxigraph.Term>[]).map((row) => row.get('g')!.value);
    for (const name of names) out.set(name, scratch.dump({ format: 'application/n-triples', from_graph_name: oxigraph.namedNode(name) }));
  }
  return out;
}

function loadNTriples(store: oxigraph.Store, ntriples: string, graph: string | null): void {
  try {
    store.load(ntriples, { format: 'application/n-triples', to_graph_name: graph === null ? oxigraph.defaultGraph() : oxigraph.namedNode(graph) });
  } catch (error) {
    throw new StoreFailureError(`The remote store answered N-Triples that do not parse: ${(error as Error).message}`);
  }
}
