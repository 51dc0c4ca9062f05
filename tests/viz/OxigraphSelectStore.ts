/** The SELECT part of a GraphStore, all that graph views use, over an in-memory oxigraph
 *  Store whose default graph is the union of all graphs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import type { GraphStore, SparqlJsonResults } from '../../src/graph';

export class OxigraphSelectStore implements Pick<GraphStore, 'select'> {
  private readonly store = new oxigraph.Store();
  /** Every query sent through select(), in order. */
  readonly queries: string[] = [];

  loadTurtle(turtle: string, graph: string): this {
    this.store.load(turtle, { format: 'text/turtle', to_graph_name: oxigraph.namedNode(graph) });
    return this;
  }

  async select(sparql: string): Promise<SparqlJsonResults> {
    this.queries.push(sparql);
    const body = this.store.query(sparql, { results_format: 'application/sparql-results+json', use_default_graph_as_union: true });
    return JSON.parse(body as string) as SparqlJsonResults;
  }

  /** Quads touching `iri` (as subject with an IRI object, or as object), counted from the
   *  store's own index rather than through SPARQL. */
  countTouching(iri: string): number {
    const node = oxigraph.namedNode(iri);
    const asSubject = this.store.match(node, null, null, null).filter((q) => q.object.termType === 'NamedNode').length;
    return asSubject + this.store.match(null, null, node, null).length;
  }
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'viz');

/** The fixture resolutions and their reference entities, each file in its own graph. */
export const FIXTURE_FILES: ReadonlyArray<{ path: string; graph: string }> = [
  { path: join(FIXTURES, 'resolution.ttl'), graph: 'https://w3id.org/unkg/eli/un/E/RES/2017/18' },
  { path: join(FIXTURES, 'other-resolution.ttl'), graph: 'https://w3id.org/unkg/eli/un/E/RES/2018/5' },
  { path: join(FIXTURES, 'reference.ttl'), graph: 'https://w3id.org/unkg/graph/reference' },
];

export function fixtureStore(): OxigraphSelectStore {
  const store = new OxigraphSelectStore();
  for (const { path, graph } of FIXTURE_FILES) store.loadTurtle(readFileSync(path, 'utf8'), graph);
  return store;
}
