import { Readable } from 'node:stream';
import type * as RDF from '@rdfjs/types';
import { DataFactory, Parser, Writer } from 'n3';
import { QueryResultBindings, QueryResultBoolean, QueryResultQuads, type IQueryResult, type IUpdateEngine } from 'rdf-test-suite';
import {
  declaresDataset,
  QuerySyntaxError,
  queryForm,
  type GraphStore,
  type ResultsMediaType,
  type SparqlJsonResults,
  type SparqlJsonTerm,
} from '../src/graph';

/** The rdf-test-suite engine over the project's GraphStore: every query, update and parse
 *  of the W3C tests goes through `store.query` / `store.update` / `store.load` /
 *  `store.dump`, exactly as the HTTP tier uses them.
 *
 *  One store serves the whole run. Before each test it is emptied (DROP ALL) and loaded
 *  with that test's data, so each test sees only its own dataset:
 *  - query tests: the `qt:data` triples go into the named graph DEFAULT_GRAPH and the query
 *    runs with that graph as its default graph and the `qt:graphData` graphs as its named
 *    graphs (the protocol dataset of the store). A query that declares FROM / FROM NAMED
 *    keeps its own dataset, as the store does for the endpoint;
 *  - update tests: `ut:data` goes into the stored default graph and `ut:graphData` into
 *    its named graphs, and the result is the whole store dumped as N-Quads.
 *  The runner runs tests one after the other, so the store is never shared between two. */

/** Holds a query test's default graph (the store's own default graph is the union of all). */
export const DEFAULT_GRAPH = 'urn:x-conformance:default-graph';

const NQUADS = 'application/n-quads';
const JSON_RESULTS: ResultsMediaType = 'application/sparql-results+json';

/** The options rdf-test-suite passes to the engine (only those used here). */
interface TestOptions {
  baseIRI?: string;
  checkOrder?: boolean;
}

const toNQuads = (quads: RDF.Quad[]): string => new Writer({ format: 'N-Quads' }).quadsToString(quads);

function term(value: SparqlJsonTerm): RDF.Term {
  switch (value.type) {
    case 'uri':
      return DataFactory.namedNode(value.value);
    case 'bnode':
      return DataFactory.blankNode(value.value);
    case 'literal':
      return DataFactory.literal(value.value, value['xml:lang'] ?? (value.datatype ? DataFactory.namedNode(value.datatype) : undefined));
    default:
      throw new Error(`Unsupported term in SPARQL JSON results: ${JSON.stringify(value)}`);
  }
}

function bindings(json: SparqlJsonResults, checkOrder: boolean): QueryResultBindings {
  const rows = json.results.bindings.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [`?${name}`, term(value)])));
  return new QueryResultBindings(
    json.head.vars.map((name) => `?${name}`),
    rows,
    checkOrder,
  );
}

export function storeEngine(store: GraphStore): IUpdateEngine {
  const reset = () => store.update('DROP SILENT ALL');

  /** Loads a query test's data; returns the protocol dataset the query runs over. */
  async function loadQueryData(data: RDF.Quad[], query: string) {
    await reset();
    const inDefault = data.filter((quad) => quad.graph.termType === 'DefaultGraph');
    const named = data.filter((quad) => quad.graph.termType !== 'DefaultGraph');
    if (inDefault.length) await store.load(toNQuads(inDefault), 'application/n-triples', DEFAULT_GRAPH);
    if (named.length) await store.load(toNQuads(named), NQUADS);
    if (declaresDataset(query)) return {};
    return { defaultGraphs: [DEFAULT_GRAPH], namedGraphs: [...new Set(named.map((quad) => quad.graph.value))] };
  }

  return {
    async parse(text: string, options: TestOptions): Promise<void> {
      await reset();
      try {
        if (queryForm(text)) await store.query(text, { baseIri: options.baseIRI, defaultGraphs: [], namedGraphs: [] });
        else await store.update(text, { baseIri: options.baseIRI });
      } catch (error) {
        // Only the parser's verdict matters here: a valid operation may still be refused
        // at evaluation (LOAD, SERVICE, DROP of a missing graph, ...).
        if (error instanceof QuerySyntaxError) throw error;
      }
    },

    async query(data: RDF.Quad[], query: string, options: TestOptions): Promise<IQueryResult> {
      const dataset = await loadQueryData(data, query);
      const result = await store.query(query, {
        ...dataset,
        baseIri: options.baseIRI,
        resultsFormat: JSON_RESULTS,
        graphFormat: 'application/n-triples',
      });
      if (result.form === 'CONSTRUCT' || result.form === 'DESCRIBE') return new QueryResultQuads(new Parser({ format: 'N-Triples' }).parse(result.body));
      const json = JSON.parse(result.body) as SparqlJsonResults | { boolean: boolean };
      if ('boolean' in json) return new QueryResultBoolean(json.boolean);
      return bindings(json, options.checkOrder ?? false);
    },

    async queryResultFormat(data: RDF.Quad[], query: string, mediaType: string, options: TestOptions): Promise<NodeJS.ReadableStream> {
      const dataset = await loadQueryData(data, query);
      const result = await store.query(query, { ...dataset, baseIri: options.baseIRI, resultsFormat: mediaType as ResultsMediaType });
      return Readable.from([result.body]);
    },

    async update(data: RDF.Quad[], update: string, options: TestOptions): Promise<RDF.Quad[]> {
      await reset();
      if (data.length) await store.load(toNQuads(data), NQUADS);
      await store.update(update, { baseIri: options.baseIRI });
      return new Parser({ format: 'N-Quads' }).parse(await store.dump(NQUADS));
    },
  };
}
