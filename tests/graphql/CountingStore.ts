import type { GraphStore, QueryOptions, QueryResult, RdfMediaType, SparqlJsonResults, StoreStatus, UpdateOptions, WriteResult } from '../../src/graph';

/** A GraphStore that counts and records the queries it passes on to a real store, and the
 *  round trips they make: queries sent before any answer came back share one. */
export class CountingStore implements GraphStore {
  readonly queries: string[] = [];
  private roundTrips = 0;
  private answered = true;

  constructor(private readonly inner: GraphStore) {}

  get count(): number {
    return this.queries.length;
  }

  /** Round trips since the last reset. */
  get rounds(): number {
    return this.roundTrips;
  }

  reset(): void {
    this.queries.length = 0;
    this.roundTrips = 0;
    this.answered = true;
  }

  private sent<T>(query: string, answer: Promise<T>): Promise<T> {
    this.queries.push(query);
    if (this.answered) this.roundTrips++;
    this.answered = false;
    return answer.finally(() => {
      this.answered = true;
    });
  }

  query(sparql: string, options?: QueryOptions): Promise<QueryResult> {
    return this.sent(sparql, this.inner.query(sparql, options));
  }
  select(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<SparqlJsonResults> {
    return this.sent(sparql, this.inner.select(sparql, options));
  }
  ask(sparql: string, options?: Omit<QueryOptions, 'resultsFormat' | 'graphFormat'>): Promise<boolean> {
    return this.sent(sparql, this.inner.ask(sparql, options));
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
  status(): StoreStatus {
    return this.inner.status();
  }
  version(): number {
    return this.inner.version();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
