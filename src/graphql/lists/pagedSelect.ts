import { PREFIXES } from '../rdf/sparqlSyntax';
import type { Select } from '../rdf/selectBatch';
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

/** One page of a top-level list: LIMIT first+1 tells whether there is a next page. When
 *  `countAlongside` (the plan says `totalCount` is selected) the total comes in the same query,
 *  as a hand-written query would get it; else it is a COUNT query sent only if `totalCount` is
 *  resolved. */
export async function pagedSelect<T>(
  select: Select,
  query: PagedSelect,
  page: Page,
  toNode: (row: Record<string, { value: string; type: string; 'xml:lang'?: string }>) => T,
  { countAlongside = false }: { countAlongside?: boolean } = {},
): Promise<Connection<T>> {
  const variable = query.variable ?? 's';
  const count = async (): Promise<number> => {
    const results = await select(`${PREFIXES}\nSELECT (COUNT(DISTINCT ?${variable}) AS ?n) WHERE { ${query.where} }`);
    return Number(results.results.bindings[0]?.n?.value ?? 0);
  };
  const pageQuery = `SELECT DISTINCT ?${variable} ${query.keys ?? ''} WHERE { ${query.where} } ORDER BY ${query.orderBy} LIMIT ${page.first + 1} OFFSET ${page.offset}`;
  if (countAlongside) {
    // One row with the total alone when the page is empty; the page's order again outside.
    const results = await select(
      `${PREFIXES}\nSELECT * WHERE { { SELECT (COUNT(DISTINCT ?${variable}) AS ?total) WHERE { ${query.where} } } ${page.first === 0 ? '' : `OPTIONAL { ${pageQuery} }`} } ORDER BY ${query.orderBy}`,
      { orderBy: query.orderBy },
    );
    const total = Number(results.results.bindings[0]?.total?.value ?? 0);
    const rows = results.results.bindings.filter((row) => row[variable]);
    return buildConnection(rows.map(toNode), page, rows.length > page.first, total);
  }
  const results = page.first === 0 ? { results: { bindings: [] } } : await select(`${PREFIXES}\n${pageQuery}`, { orderBy: query.orderBy });
  const rows = results.results.bindings;
  return buildConnection(rows.map(toNode), page, rows.length > page.first, count);
}
