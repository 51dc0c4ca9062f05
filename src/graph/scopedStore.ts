import type { GraphStore, QueryOptions } from './GraphStore';

/** What one request brings to every query it makes: its abort signal, its deadline and who
 *  asks (see QueryOptions). */
export type QueryScope = Pick<QueryOptions, 'signal' | 'deadline' | 'clientId'>;

/** The store as one request sees it: every query, select and ask carries the request's
 *  scope (an option the caller gives itself wins). Writes and the rest pass through. */
export function scopedStore(store: GraphStore, scope: QueryScope): GraphStore {
  const withScope = <T extends object>(options: T | undefined): T => ({ ...scope, ...(options ?? ({} as T)) });
  return Object.assign(Object.create(store) as GraphStore, {
    query: (sparql: string, options?: QueryOptions) => store.query(sparql, withScope(options)),
    select: (sparql: string, options?: Parameters<GraphStore['select']>[1]) => store.select(sparql, withScope(options)),
    ask: (sparql: string, options?: Parameters<GraphStore['ask']>[1]) => store.ask(sparql, withScope(options)),
  });
}
