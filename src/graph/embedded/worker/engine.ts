import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import type { RdfMediaType } from '../../GraphStore';
import { QueryEvaluationError, QuerySyntaxError, RdfSyntaxError, SourceLoadError, StoreFailureError, UnsupportedFormatError } from '../../errors';
import { checkedIri, isDatasetMediaType, rebaseIris } from '../../../vocab';
import { expandPathAlternatives } from '../../pathAlternatives';
import { declaresDataset } from '../../sparqlText';
import { describeSource, type StoreSource } from '../../StoreSource';
import { emptyGraphKeepingUnion, isInternalGraph, maintainUnion, OWN_DEFAULT_GRAPH, rebuildUnion, type UnionTarget } from '../../unionDefaultGraph';
import type { WriteOp, WriteOutcome } from '../writeOps';

/** Everything that touches the oxigraph engine. These functions run inside a worker thread
 *  (worker/oxigraphWorker.ts); they are plain functions over a Store so they can also be
 *  exercised directly. */

export type Engine = oxigraph.Store;

export interface EngineOptions {
  /** The default graph of queries and updates is the RDF merge of all graphs, each triple
   *  once (see unionDefaultGraph.ts; the service's semantics, default true). false: a plain
   *  RDF dataset whose default graph is the stored one (the W3C update tests assume it). */
  unionDefaultGraph?: boolean;
}

/** What a union engine knows about its own layout, cached until its next write. */
interface EngineState {
  union: boolean;
  /** The user's named graphs, when internal graphs exist and must be hidden from queries. */
  visibleGraphs?: oxigraph.NamedNode[] | null;
  /** Quads in the stored default graph (the merge). */
  mergeSize?: number;
}

const states = new WeakMap<Engine, EngineState>();
const stateOf = (engine: Engine): EngineState => states.get(engine) ?? { union: false };

/** The merge lives in oxigraph's own stored default graph. */
const UNION_IN_DEFAULT: UnionTarget = { kind: 'default' };

export function createEngine(options: EngineOptions = {}): Engine {
  const engine = new oxigraph.Store();
  states.set(engine, { union: options.unionDefaultGraph ?? true });
  return engine;
}

/** Forgets what a write may have changed. */
function invalidate(engine: Engine): void {
  const state = stateOf(engine);
  state.visibleGraphs = undefined;
  state.mergeSize = undefined;
}

export interface QueryRequest {
  sparql: string;
  /** Media type the engine serialises to (results or RDF, matching the query form). */
  format: string;
  /** Protocol dataset; when either is given both replace FROM / FROM NAMED. */
  defaultGraphs?: string[];
  namedGraphs?: string[];
  baseIri?: string;
}

/** Files are fed to the parser in chunks: measured faster and leaner than one big buffer. */
const READ_CHUNK_BYTES = 16 * 1024 * 1024;

function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const read = readSync(fd, buffer, 0, READ_CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** A WebAssembly trap (`RuntimeError: unreachable` when memory runs out, for instance). */
export const isWasmTrap = (error: unknown): boolean => error instanceof Error && error.name === 'RuntimeError';

/** Maps an engine exception to the store's error classes. */
/** Errors oxigraph's SPARQL parser raises without an "error at line:column" prefix. */
const PARSER_MESSAGES = /cannot be shared by multiple blocks|^Invalid base IRI|^Invalid IRI|is already (?:used|bound|in scope)|not allowed (?:in|inside)/i;

function classify(error: unknown, kind: 'sparql' | 'data', text?: string): Error {
  if (isWasmTrap(error)) return new StoreFailureError(`The engine failed: ${(error as Error).message}`);
  const message = error instanceof Error ? error.message : String(error);
  if (/^Not supported .*(format|media type)/i.test(message)) return new UnsupportedFormatError(message);
  if (kind === 'sparql' && (/^error at \d+:\d+/.test(message) || PARSER_MESSAGES.test(message))) return QuerySyntaxError.fromEngine(message, text);
  if (kind === 'data' && /^Parser error|^Invalid|error at line/i.test(message)) return new RdfSyntaxError(message);
  return kind === 'data' ? new RdfSyntaxError(message) : new QueryEvaluationError(message);
}

/** `text`: the SPARQL being run, to say where a syntax error is. */
function guarded<T>(kind: 'sparql' | 'data', run: () => T, text?: string): T {
  try {
    return run();
  } catch (error) {
    throw classify(error, kind, text);
  }
}

const notAnIri = (iri: string) => new QueryEvaluationError(`Not an absolute IRI: ${JSON.stringify(iri)}`);

/** An absolute IRI reference safe to write between angle brackets. */
export const iriRef = (iri: string): string => `<${checkedIri(iri, notAnIri)}>`;

const graphTerm = (graph: string | null | undefined) =>
  graph === null || graph === undefined ? oxigraph.defaultGraph() : oxigraph.namedNode(iriRef(graph).slice(1, -1));

export function loadSource(engine: Engine, source: StoreSource): void {
  const input = source.path
    ? source.rebase
      ? rebaseIris(readFileSync(source.path, 'utf8'), source.rebase.from, source.rebase.to)
      : fileChunks(source.path)
    : source.rebase
      ? rebaseIris(source.data ?? '', source.rebase.from, source.rebase.to)
      : (source.data ?? '');
  try {
    engine.load(input, {
      format: source.format,
      ...(source.baseIri ? { base_iri: source.baseIri } : {}),
      ...(source.graph ? { to_graph_name: oxigraph.namedNode(source.graph) } : {}),
    });
  } catch (error) {
    const cause = classify(error, 'data');
    throw new SourceLoadError(`Could not load ${describeSource(source)}: ${cause.message}`);
  }
}

export function runQuery(engine: Engine, request: QueryRequest): string {
  const options: Parameters<Engine['query']>[1] = { results_format: request.format };
  if (request.baseIri) options.base_iri = request.baseIri;
  if (request.defaultGraphs || request.namedGraphs) {
    // Protocol dataset: a graph list left out is empty (SPARQL 1.1 Protocol 2.1.4).
    options.default_graph = (request.defaultGraphs ?? []).map((g) => graphTerm(g));
    options.named_graphs = (request.namedGraphs ?? []).map((g) => oxigraph.namedNode(iriRef(g).slice(1, -1)));
  } else if (!declaresDataset(request.sparql) && stateOf(engine).union) {
    // The stored default graph is the merge of all graphs. Only when the store holds graphs
    // of its own making are the named graphs listed, to keep those out of GRAPH ?g.
    const visible = visibleGraphs(engine);
    if (visible) {
      options.default_graph = [oxigraph.defaultGraph()];
      options.named_graphs = visible;
    }
  }
  // Plain literals stay without a datatype in JSON results, as oxigraph, Virtuoso and Fuseki
  // write them (the SPARQL endpoint adds xsd:string for the one client that needs it).
  return guarded('sparql', () => engine.query(expandPathAlternatives(request.sparql, request.baseIri), options), request.sparql) as string;
}

const storedGraph = (engine: Engine, graph: string): boolean => engine.query(`ASK { GRAPH ${iriRef(graph)} {} }`) as boolean;

/** Whether a user's named graph exists (the store's own graphs are not the user's). */
export function hasGraph(engine: Engine, graph: string): boolean {
  if (stateOf(engine).union && isInternalGraph(graph)) return false;
  return storedGraph(engine, graph);
}

const allGraphs = (engine: Engine): string[] =>
  (engine.query('SELECT DISTINCT ?g WHERE { GRAPH ?g {} }') as Map<string, oxigraph.Term>[]).map((row) => row.get('g')!.value);

/** The user's named graphs, sorted. */
export function namedGraphs(engine: Engine): string[] {
  const union = stateOf(engine).union;
  return allGraphs(engine)
    .filter((graph) => !union || !isInternalGraph(graph))
    .sort();
}

/** null when no internal graph exists (queries then need no explicit dataset). */
function visibleGraphs(engine: Engine): oxigraph.NamedNode[] | null {
  const state = stateOf(engine);
  if (state.visibleGraphs === undefined) {
    const graphs = allGraphs(engine);
    state.visibleGraphs = graphs.some(isInternalGraph) ? graphs.filter((graph) => !isInternalGraph(graph)).map((graph) => oxigraph.namedNode(graph)) : null;
  }
  return state.visibleGraphs;
}

/** Number of quads the user stored (the merge is derived, not counted). */
export function storedSize(engine: Engine): number {
  const state = stateOf(engine);
  if (!state.union) return engine.size;
  if (state.mergeSize === undefined) {
    const rows = engine.query('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }') as Map<string, oxigraph.Term>[];
    state.mergeSize = Number(rows[0]?.get('n')?.value ?? 0);
  }
  return engine.size - state.mergeSize;
}

/** Loads the sources in order, then builds what the engine derives from them. */
export function loadSources(engine: Engine, sources: readonly StoreSource[]): void {
  for (const source of sources) loadSource(engine, source);
  finishLoading(engine);
}

/** After the sources are loaded: statements the sources put in the default graph become the
 *  own default graph's, and the merge is built once. */
export function finishLoading(engine: Engine): void {
  if (!stateOf(engine).union) return;
  if (engine.query('ASK { ?s ?p ?o }') as boolean) {
    engine.update(`INSERT { GRAPH <${OWN_DEFAULT_GRAPH}> { ?s ?p ?o } } WHERE { ?s ?p ?o }`);
  }
  engine.update(rebuildUnion(UNION_IN_DEFAULT).join(' ;\n'));
  invalidate(engine);
}

function loadInto(engine: Engine, data: string, format: RdfMediaType, graph: string | null | undefined, baseIri?: string) {
  guarded('data', () =>
    engine.load(data, {
      format,
      ...(baseIri ? { base_iri: baseIri } : {}),
      ...(graph !== undefined || !isDatasetMediaType(format) ? { to_graph_name: graphTerm(graph) } : {}),
    }),
  );
}

/** Adds data to a union engine: parsed once into a scratch store, where default-graph
 *  statements move to the own default graph and the merge gains every triple, then loaded in
 *  one transaction (one parse of the scratch dump keeps blank nodes shared across graphs). */
function loadIntoUnion(engine: Engine, data: string, format: RdfMediaType, graph: string | null | undefined, baseIri?: string): void {
  const scratch = new oxigraph.Store();
  loadInto(scratch, data, format, graph === null ? OWN_DEFAULT_GRAPH : graph, baseIri);
  if (scratch.query('ASK { ?s ?p ?o }') as boolean) {
    scratch.update(`INSERT { GRAPH <${OWN_DEFAULT_GRAPH}> { ?s ?p ?o } } WHERE { ?s ?p ?o } ; CLEAR DEFAULT`);
  }
  scratch.update('INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }');
  const nquads = scratch.dump({ format: 'application/n-quads' });
  if (nquads) engine.load(nquads, { format: 'application/n-quads' });
}

/** An update for a union engine: rewritten to keep the merge exact. A text the rewriter
 *  cannot read is handed to oxigraph alone, so its syntax errors are reported as usual. */
function unionUpdate(engine: Engine, sparql: string, baseIri?: string): void {
  let rewritten: string;
  try {
    rewritten = maintainUnion(sparql, UNION_IN_DEFAULT, baseIri);
  } catch (error) {
    guarded('sparql', () => new oxigraph.Store().update(sparql, baseIri ? { base_iri: baseIri } : {}));
    throw error;
  }
  guarded('sparql', () => engine.update(rewritten, baseIri ? { base_iri: baseIri } : {}));
}

/** Empties one graph of a union engine (a user's named graph, or the own default graph). */
const emptyUnionGraph = (engine: Engine, graph: string) =>
  engine.update(emptyGraphKeepingUnion(graph, `DROP SILENT GRAPH ${iriRef(graph)}`, UNION_IN_DEFAULT).join(' ;\n'));

/** Applies one write. Each branch leaves the store unchanged when it fails: updates and loads
 *  are transactions in oxigraph, and a replacement is parsed into a scratch store first. */
export function applyWrite(engine: Engine, write: WriteOp): WriteOutcome {
  if (write.op === 'reload') return applyWrite(engine, reloadAsReplace(write));
  invalidate(engine);
  try {
    return stateOf(engine).union ? applyUnionWrite(engine, write) : applyPlainWrite(engine, write);
  } finally {
    invalidate(engine);
  }
}

/** A reload is the replacement of a graph by its quads in a file, read now (a file that is
 *  gone empties the graph: a later write drops it too). */
function reloadAsReplace(write: Extract<WriteOp, { op: 'reload' }>): Extract<WriteOp, { op: 'replace' }> {
  let text: string;
  try {
    text = readFileSync(write.path, 'utf8');
  } catch {
    text = '';
  }
  const scratch = new oxigraph.Store();
  loadInto(scratch, text, write.format, isDatasetMediaType(write.format) ? undefined : write.graph);
  const own = guarded('data', () => scratch.dump({ format: 'application/n-triples', from_graph_name: graphTerm(write.graph) }));
  return { op: 'replace', data: own, format: 'application/n-triples', graph: write.graph };
}

function applyUnionWrite(engine: Engine, write: Exclude<WriteOp, { op: 'reload' }>): WriteOutcome {
  switch (write.op) {
    case 'update':
      unionUpdate(engine, write.sparql, write.baseIri);
      return { changed: true, created: false };
    case 'load': {
      const created = typeof write.graph === 'string' && !hasGraph(engine, write.graph);
      if (created) engine.update(`CREATE SILENT GRAPH ${iriRef(write.graph as string)}`);
      try {
        loadIntoUnion(engine, write.data, write.format, write.graph, write.baseIri);
      } catch (error) {
        if (created) engine.update(`DROP SILENT GRAPH ${iriRef(write.graph as string)}`);
        throw error;
      }
      return { changed: true, created };
    }
    case 'replace': {
      loadInto(new oxigraph.Store(), write.data, write.format, write.graph, write.baseIri);
      const graph = write.graph ?? OWN_DEFAULT_GRAPH;
      const created = write.graph !== null && !hasGraph(engine, write.graph);
      emptyUnionGraph(engine, graph);
      if (write.graph !== null) engine.update(`CREATE GRAPH ${iriRef(write.graph)}`);
      loadIntoUnion(engine, write.data, write.format, write.graph, write.baseIri);
      return { changed: true, created };
    }
    case 'drop': {
      if (write.graph === null) {
        emptyUnionGraph(engine, OWN_DEFAULT_GRAPH);
        return { changed: true, created: false };
      }
      if (!hasGraph(engine, write.graph)) return { changed: false, created: false };
      emptyUnionGraph(engine, write.graph);
      return { changed: true, created: false };
    }
  }
}

function applyPlainWrite(engine: Engine, write: Exclude<WriteOp, { op: 'reload' }>): WriteOutcome {
  switch (write.op) {
    case 'update':
      guarded('sparql', () => engine.update(write.sparql, write.baseIri ? { base_iri: write.baseIri } : {}), write.sparql);
      return { changed: true, created: false };
    case 'load': {
      const created = typeof write.graph === 'string' && !hasGraph(engine, write.graph);
      if (created) engine.update(`CREATE SILENT GRAPH ${iriRef(write.graph as string)}`);
      try {
        loadInto(engine, write.data, write.format, write.graph, write.baseIri);
      } catch (error) {
        if (created) engine.update(`DROP SILENT GRAPH ${iriRef(write.graph as string)}`);
        throw error;
      }
      return { changed: true, created };
    }
    case 'replace': {
      loadInto(createEngine(), write.data, write.format, write.graph, write.baseIri);
      const created = write.graph !== null && !hasGraph(engine, write.graph);
      engine.update(write.graph === null ? 'CLEAR SILENT DEFAULT' : `DROP SILENT GRAPH ${iriRef(write.graph)} ; CREATE GRAPH ${iriRef(write.graph)}`);
      loadInto(engine, write.data, write.format, write.graph, write.baseIri);
      return { changed: true, created };
    }
    case 'drop': {
      if (write.graph === null) {
        engine.update('CLEAR SILENT DEFAULT');
        return { changed: true, created: false };
      }
      if (!hasGraph(engine, write.graph)) return { changed: false, created: false };
      engine.update(`DROP GRAPH ${iriRef(write.graph)}`);
      return { changed: true, created: false };
    }
  }
}

/** Serialises one graph (IRI; null = the default graph, on a union engine the merge) or, for
 *  dataset formats with graph undefined, the whole dataset: on a union engine the user's named
 *  graphs and the own default graph's statements as the default graph (loading the dump again
 *  gives the same store). */
export function dump(engine: Engine, format: RdfMediaType, graph?: string | null): string {
  const union = stateOf(engine).union;
  if (graph === undefined && isDatasetMediaType(format)) {
    if (!union) return guarded('data', () => engine.dump({ format }));
    const scratch = new oxigraph.Store();
    const nquads = engine.dump({ format: 'application/n-quads' });
    if (nquads) scratch.load(nquads, { format: 'application/n-quads' });
    scratch.update(`CLEAR DEFAULT ; ADD SILENT <${OWN_DEFAULT_GRAPH}> TO DEFAULT ; DROP SILENT GRAPH <${OWN_DEFAULT_GRAPH}>`);
    return guarded('data', () => scratch.dump({ format }));
  }
  if (union && typeof graph === 'string' && isInternalGraph(graph))
    return guarded('data', () => new oxigraph.Store().dump({ format, from_graph_name: graphTerm(null) }));
  return guarded('data', () => engine.dump({ format, from_graph_name: graphTerm(graph) }));
}
