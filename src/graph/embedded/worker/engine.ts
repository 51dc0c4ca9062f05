import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import type { RdfMediaType } from '../../GraphStore';
import {
  QueryEvaluationError,
  QuerySyntaxError,
  RdfSyntaxError,
  SourceLoadError,
  StoreFailureError,
  UnsupportedFormatError,
} from '../../errors';
import { isDatasetMediaType } from '../../formats';
import { rebaseIris } from '../../rebaseIris';
import { declaresDataset } from '../../sparqlText';
import { describeSource, type StoreSource } from '../../StoreSource';
import type { WriteOp, WriteOutcome } from '../writeOps';

/** Everything that touches the oxigraph engine. These functions run inside a worker thread
 *  (worker/oxigraphWorker.ts); they are plain functions over a Store so they can also be
 *  exercised directly. */

export type Engine = oxigraph.Store;

export const createEngine = (): Engine => new oxigraph.Store();

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

const IRI = /^[^<>"{}|^`\\\u0000-\u0020]+:[^<>"{}|^`\\\u0000-\u0020]*$/;

/** An absolute IRI reference safe to write between angle brackets. */
export function iriRef(iri: string): string {
  if (!IRI.test(iri)) throw new QueryEvaluationError(`Not an absolute IRI: ${JSON.stringify(iri)}`);
  return `<${iri}>`;
}

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
  } else if (!declaresDataset(request.sparql)) {
    // The default graph is the union of all graphs, unless the query names its own
    // dataset: oxigraph's union option would otherwise override FROM / FROM NAMED.
    options.use_default_graph_as_union = true;
  }
  // Plain literals stay without a datatype in JSON results, as oxigraph, Virtuoso and Fuseki
  // write them (the SPARQL endpoint adds xsd:string for the one client that needs it).
  return guarded('sparql', () => engine.query(request.sparql, options), request.sparql) as string;
}

export function hasGraph(engine: Engine, graph: string): boolean {
  return engine.query(`ASK { GRAPH ${iriRef(graph)} {} }`) as boolean;
}

export function namedGraphs(engine: Engine): string[] {
  const rows = engine.query('SELECT DISTINCT ?g WHERE { GRAPH ?g {} }') as Map<string, oxigraph.Term>[];
  return rows.map((row) => row.get('g')!.value).sort();
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

/** Applies one write. Each branch leaves the store unchanged when it fails: updates and loads
 *  are transactions in oxigraph, and a replacement is parsed into a scratch store first. */
export function applyWrite(engine: Engine, write: WriteOp): WriteOutcome {
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
    case 'reload': {
      let text: string;
      try {
        text = readFileSync(write.path, 'utf8');
      } catch {
        // The file is gone (a later write drops its graph too): the graph empties.
        text = '';
      }
      const scratch = createEngine();
      loadInto(scratch, text, write.format, isDatasetMediaType(write.format) ? undefined : write.graph);
      const own = guarded('data', () => scratch.dump({ format: 'application/n-triples', from_graph_name: graphTerm(write.graph) }));
      return applyWrite(engine, { op: 'replace', data: own, format: 'application/n-triples', graph: write.graph });
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

/** Serialises one graph (IRI; null = the stored default graph) or, for dataset formats with
 *  graph undefined, the whole dataset. */
export function dump(engine: Engine, format: RdfMediaType, graph?: string | null): string {
  if (graph === undefined && isDatasetMediaType(format)) return guarded('data', () => engine.dump({ format }));
  return guarded('data', () => engine.dump({ format, from_graph_name: graphTerm(graph) }));
}
