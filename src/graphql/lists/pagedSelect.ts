import type { GraphStore } from '../../graph';
import { PREFIXES } from '../rdf/sparqlSyntax';
import { buildConnection, type Connection, type Page } from './connection';

export interface PagedSelect {
  /** The WHERE pattern; binds ?{variable} and the order keys. */
  where: string;
  /** The variable of the listed resource (default `s`). */
  variable?: string;
  /** Extra variables projected for the order and the caller. */
  keys?: string;
  /** ORDER BY keys; must end with the listed variable, which makes the order total. */
  orderBy: string;
}

/** One page of a top-level list: LIMIT first+1 tells whether there is a next page; the total
 *  is a COUNT query sent only when `totalCount` is selected. */
export async function pagedSelect<T>(
  store: GraphStore,
  query: PagedSelect,
  page: Page,
  toNode: (row: Record<string, { value: string; type: string; 'xml:lang'?: string }>) => T,
): Promise<Connection<T>> {
  const variable = query.variable ?? 's';
  const results =
    page.first === 0
      ? { results: { bindings: [] } }
      : await store.select(
          `${PREFIXES}\nSELECT DISTINCT ?${variable} ${query.keys ?? ''} WHERE { ${query.where} } ORDER BY ${query.orderBy} LIMIT ${page.first + 1} OFFSET ${page.offset}`,
        );
  const rows = results.results.bindings;
  const totalCount = async (): Promise<number> => {
    const count = await store.select(`${PREFIXES}\nSELECT (COUNT(DISTINCT ?${variable}) AS ?n) WHERE { ${query.where} }`);
    return Number(count.results.bindings[0]?.n?.value ?? 0);
  };
  return buildConnection(rows.map(toNode), page, rows.length > page.first, totalCount);
}
