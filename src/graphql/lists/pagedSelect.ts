import type { GraphStore } from '../../graph';
import { PREFIXES } from '../rdf/sparqlSyntax';
import { selectAsTsv } from '../rdf/tsvResults';
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

/** One page of a top-level list: LIMIT first+1 tells whether there is a next page. The total is
 *  a COUNT query, sent alongside the page when `countAlongside` (the plan says `totalCount` is
 *  selected: the two run on two workers at once), else only if `totalCount` is resolved. */
export async function pagedSelect<T>(
  store: GraphStore,
  query: PagedSelect,
  page: Page,
  toNode: (row: Record<string, { value: string; type: string; 'xml:lang'?: string }>) => T,
  { countAlongside = false }: { countAlongside?: boolean } = {},
): Promise<Connection<T>> {
  const variable = query.variable ?? 's';
  const count = async (): Promise<number> => {
    const results = await selectAsTsv(store, `${PREFIXES}\nSELECT (COUNT(DISTINCT ?${variable}) AS ?n) WHERE { ${query.where} }`);
    return Number(results.results.bindings[0]?.n?.value ?? 0);
  };
  // The page first: it is on the request's critical path, the count only alongside it.
  const fetched =
    page.first === 0
      ? Promise.resolve({ results: { bindings: [] } })
      : selectAsTsv(
          store,
          `${PREFIXES}\nSELECT DISTINCT ?${variable} ${query.keys ?? ''} WHERE { ${query.where} } ORDER BY ${query.orderBy} LIMIT ${page.first + 1} OFFSET ${page.offset}`,
        );
  const counted = countAlongside ? count() : undefined;
  counted?.catch(() => undefined);
  const results = await fetched;
  const rows = results.results.bindings;
  return buildConnection(rows.map(toNode), page, rows.length > page.first, counted ? () => counted : count);
}
