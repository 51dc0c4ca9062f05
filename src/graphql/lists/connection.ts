import { BadUserInputError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits';

/** Relay connections. Every list that can grow is a connection with a stable order (each
 *  query's ORDER BY ends in the IRI), so a cursor, which is the position after an item, finds
 *  the same place on the next request while the data does not change. */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page: how many items, from which offset. */
export interface Page {
  first: number;
  offset: number;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Array<Edge<T>>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A number, or a function the default resolver calls only when totalCount is selected. */
  totalCount: number | (() => Promise<number>);
}

const CURSOR_PREFIX = 'offset:';

export const encodeCursor = (offset: number): string => Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !/^\d+$/.test(text.slice(CURSOR_PREFIX.length)) || !Number.isSafeInteger(offset)) {
    throw new BadUserInputError(`"after" is not a cursor of this API: ${JSON.stringify(cursor)}; pass the endCursor of a previous page`, 'after');
  }
  return offset + 1;
}

/** Checks `first` and `after` and turns them into an offset. */
export function pageOf({ first, after }: PageArgs): Page {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0) throw new BadUserInputError(`"first" must be a non-negative integer; got ${size}`, 'first');
  if (size > MAX_PAGE_SIZE)
    throw new BadUserInputError(`"first" may be at most ${MAX_PAGE_SIZE}; got ${size}. Page through longer lists with "after"`, 'first');
  return { first: size, offset: after ? decodeCursor(after) : 0 };
}

/** The connection of one page of a list held whole in memory, given the page's items and the
 *  length of the list. */
export function pageOfList<T>(items: readonly T[], page: Page, total: number): Connection<T> {
  return buildConnection(items, page, page.offset + page.first < total, total);
}

/** The connection of a page fetched with LIMIT first+1 (the extra item only says whether
 *  there is a next page). */
export function buildConnection<T>(fetched: readonly T[], page: Page, hasNextPage: boolean, totalCount: Connection<T>['totalCount']): Connection<T> {
  const items = fetched.slice(0, page.first);
  const edges = items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The same page with its items replaced one for one (the loaded resources for their IRIs). */
export function withNodes<T, U>(connection: Connection<T>, nodes: readonly U[]): Connection<U> {
  return { ...connection, nodes: [...nodes], edges: connection.edges.map(({ cursor }, i) => ({ cursor, node: nodes[i] })) };
}
