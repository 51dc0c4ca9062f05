import type { GraphStore, SparqlJsonResults } from '../graph';
import { NS } from '../vocab';

/** Counts that describe the dataset (service description and VoID), computed by SPARQL over
 *  the default graph the endpoint serves: the RDF merge of all graphs, a set of triples, so
 *  plain counts are counts of distinct triples. */
export interface DatasetStatistics {
  /** Triples of the default graph (the merge: each triple once). */
  triples: number;
  distinctSubjects: number;
  distinctObjects: number;
  classes: Array<{ iri: string; entities: number }>;
  properties: Array<{ iri: string; triples: number }>;
  /** Every named graph with its number of triples (empty graphs included). */
  graphs: Array<{ iri: string; triples: number }>;
  /** Distinct `eli:cites` triples whose object is a UN SDG IRI. */
  sdgLinks: number;
  exampleResources: string[];
}

const SDG_SPACE = NS.sdg;

export const STATISTICS_QUERIES = {
  triples: 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
  distinctSubjects: 'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }',
  distinctObjects: 'SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }',
  classes: 'SELECT ?iri (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?iri } GROUP BY ?iri ORDER BY DESC(?n) ?iri',
  properties: 'SELECT ?iri (COUNT(*) AS ?n) WHERE { ?s ?iri ?o } GROUP BY ?iri ORDER BY DESC(?n) ?iri',
  graphs: 'SELECT ?iri (COUNT(*) AS ?n) WHERE { GRAPH ?iri { ?s ?p ?o } } GROUP BY ?iri ORDER BY ?iri',
  sdgLinks: `SELECT (COUNT(*) AS ?n) WHERE { ?s <${NS.eli}cites> ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), "${SDG_SPACE}")) }`,
  examples: `SELECT DISTINCT ?iri WHERE { ?iri <${NS.eli}has_part> ?part } ORDER BY ?iri LIMIT 3`,
} as const;

const count = (results: SparqlJsonResults): number => Number(results.results.bindings[0]?.n?.value ?? 0);
const rows = (results: SparqlJsonResults) =>
  results.results.bindings.filter((row) => row.iri?.type === 'uri').map((row) => ({ iri: row.iri.value, n: Number(row.n?.value ?? 0) }));

export async function computeStatistics(store: GraphStore): Promise<DatasetStatistics> {
  const q = STATISTICS_QUERIES;
  const [triples, subjects, objects, classes, properties, graphCounts, graphNames, sdgLinks, examples] = await Promise.all([
    store.select(q.triples),
    store.select(q.distinctSubjects),
    store.select(q.distinctObjects),
    store.select(q.classes),
    store.select(q.properties),
    store.select(q.graphs),
    store.graphs(),
    store.select(q.sdgLinks),
    store.select(q.examples),
  ]);
  const counted = new Map(rows(graphCounts).map((row) => [row.iri, row.n]));
  return {
    triples: count(triples),
    distinctSubjects: count(subjects),
    distinctObjects: count(objects),
    classes: rows(classes).map(({ iri, n }) => ({ iri, entities: n })),
    properties: rows(properties).map(({ iri, n }) => ({ iri, triples: n })),
    graphs: graphNames.map((iri) => ({ iri, triples: counted.get(iri) ?? 0 })),
    sdgLinks: count(sdgLinks),
    exampleResources: rows(examples).map((row) => row.iri),
  };
}

/** Statistics computed once per store version (a write makes them stale). Concurrent
 *  requests share one computation. */
export class StatisticsCache {
  private cached?: { version: number; statistics: Promise<DatasetStatistics> };

  constructor(private readonly store: GraphStore) {}

  get(): Promise<DatasetStatistics> {
    const version = this.store.version();
    if (this.cached?.version !== version) {
      const statistics = computeStatistics(this.store);
      this.cached = { version, statistics };
      statistics.catch(() => {
        if (this.cached?.statistics === statistics) this.cached = undefined;
      });
    }
    return this.cached!.statistics;
  }
}
