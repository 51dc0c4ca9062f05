/** Limits of the store layer, in one place. */

/** Most IRIs in the VALUES block of one query: larger sets are split into several queries
 *  (GraphQL's batched loaders, the graph views, the labels of the linked-data pages), never one
 *  query per IRI. */
export const VALUES_BATCH_SIZE = 100;
/** Deepest nesting of `{`, `(` and `[` together. */
export const MAX_NESTING_DEPTH = 64;
/** Most algebra operators in one query: groups, parentheses, the keywords that add a node
 *  (UNION, OPTIONAL, MINUS, FILTER, BIND, GRAPH, SERVICE, EXISTS, SELECT, VALUES) and the
 *  operators that chain (`||`, `&&`, `|`, `/`, `+`). */
export const MAX_ALGEBRA_OPERATORS = 1_000;
/** Longest query text, in UTF-16 code units: room for the multi-megabyte VALUES blocks
 *  federators send (the endpoint answers 4 MiB ones), and the masking pass over it stays in
 *  the tens of milliseconds. */
export const MAX_QUERY_CHARS = 6 * 1024 * 1024;
/** Past this many branches for one triple the query is left as written. */
export const MAX_PATH_BRANCHES = 64;
/** Query texts whose form is remembered (federators and front ends repeat the same queries),
 *  and the longest text remembered. */
export const QUERY_FORM_MEMO_ENTRIES = 256;
export const QUERY_FORM_MEMO_MAX_CHARS = 4096;
/** Serialised query results kept for the current revision of the store.
 *
 *  The dataset changes only through writes, and every write bumps the store's revision, so
 *  a result computed at revision r is exact until the next write. Federating clients repeat
 *  the same small queries (ASK probes, COUNT estimates, one request per binding of a bind
 *  join), and each evaluation costs a round trip to a worker thread; answering repeats from
 *  here keeps that cost off the hot path. Results that depend on the moment or on chance
 *  (NOW, RAND, UUID, STRUUID, BNODE) are never kept, nor are large ones. */
export const RESULT_CACHE_ENTRIES = 512;
export const RESULT_CACHE_MAX_BODY_CHARS = 256 * 1024;
