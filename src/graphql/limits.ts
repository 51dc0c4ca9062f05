/** Limits of the GraphQL API, in one place. Every request is checked against the document
 *  limits before it runs, so a refused request never reaches the store. */

/** Largest request body (by its Content-Length) the GraphQL server reads: a document of
 *  MAX_TOKENS tokens with its variables fits many times over. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Page size when a connection is asked for without `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` a connection accepts; above it the request is refused. */
export const MAX_PAGE_SIZE = 100;

/** Deepest selection accepted (fields nested in fields, fragments flattened). */
export const MAX_DEPTH = 10;
/** Largest static cost (graphql-armor: 2 per object field, 1 per scalar, x1.5 per level of
 *  nesting, x`first` for a literal page size). A resolution with its 100 first paragraphs, their
 *  clause acts, citations, mentions and footnotes costs about 28 000; nesting a second page of
 *  100 inside multiplies that by up to 100. */
export const MAX_COST = 50_000;
/** Most aliases in one operation (aliases multiply work at no cost to the client). */
export const MAX_ALIASES = 15;
/** Most lexical tokens in one document. */
export const MAX_TOKENS = 2000;
/** Most directives in one operation. */
export const MAX_DIRECTIVES = 20;
/** Most nodes a request may ask for across its nested connections: the product of the page
 *  sizes along each path of connections, summed over the connections (variables count as
 *  MAX_PAGE_SIZE). 100 paragraphs with 100 citing paragraphs each pass; one level more does not. */
export const MAX_REQUESTED_NODES = 10_000;

/** Most resources loaded ahead, in the same round trip as the query that finds which of them
 *  an operation needs (the members of a filtered list, the paragraphs of a looked-up resource):
 *  more than a page of the default size costs more than the round trip it saves. */
export const PREFETCH_LIMIT = 2 * MAX_PAGE_SIZE;

/** Shortest text `search` accepts (shorter ones match nearly everything). */
export const MIN_SEARCH_LENGTH = 3;

/** Most `__schema` fields in one document: one answers everything introspection can say;
 *  each alias more only multiplies a large answer (about 60 KB here). */
export const MAX_SCHEMA_FIELDS = 1;
/** Most `__type` fields in one document. */
export const MAX_TYPE_FIELDS = 10;
/** Introspection answers kept (one per distinct document, operation and variables). The
 *  schema does not change while the service runs, so they never go stale. */
export const INTROSPECTION_CACHE_ENTRIES = 32;
/** Longest introspection document whose serialised answer is kept (GraphiQL's is about 1.6 KB). */
export const MAX_KEPT_INTROSPECTION_CHARS = 16 * 1024;
/** How many prepared operations are kept (the least recently used goes first). */
export const PLAN_CACHE_SIZE = 500;
/** How far up eli:is_part_of a paragraph's document is looked for. */
export const MAX_NESTING = 8;
export const MAX_HOPS = 2;
