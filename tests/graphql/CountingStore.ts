import type { GraphStore, QueryOptions, QueryResult, RdfMediaType, SparqlJsonResults, UpdateOptions, WriteResult } from '../../src/graph';

/** A GraphStore that counts and records the queries it passes on to a real store. */
export class CountingStore implements GraphStore {
  readonly queries: string[] = [];

  constructor(private readonly inner: GraphStore) {}

  get count(): number {
    return this.queries.length;
  }

  reset(): void {
    this.queries.length = 0;
  }

  query(sparql: string, options?: QueryOptions): Promise<QueryResult> {
    this.queries.push(sparql);
    return this.inner.query(sparql, options);
  }
  select(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<SparqlJsonResults> {
    this.queries.push(sparql);
    return this.inner.select(sparql, options);
  }
  ask(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<boolean> {
    this.queries.push(sparql);
    return this.inner.ask(sparql, options);
  }
  update(sparql: string, options?: UpdateOptions): Promise<void> {
    return this.inner.update(sparql, options);
  }
  load(data: string, format: RdfMediaType, graph?: string): Promise<WriteResult> {
    return this.inner.load(data, format, graph);
  }
  replace(data: string, format: RdfMediaType, graph: string | null): Promise<WriteResult> {
    return this.inner.replace(data, format, graph);
  }
  drop(graph: string | null): Promise<boolean> {
    return this.inner.drop(graph);
  }
  dump(format: RdfMediaType, graph?: string | null): Promise<string> {
    return this.inner.dump(format, graph);
  }
  graphs(): Promise<string[]> {
    return this.inner.graphs();
  }
  hasGraph(graph: string): Promise<boolean> {
    return this.inner.hasGraph(graph);
  }
  size(): Promise<number> {
    return this.inner.size();
  }
  version(): number {
    return this.inner.version();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
