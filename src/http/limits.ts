import { DEFAULT_QUERY_TIMEOUT_MS } from '../graph';

/** Limits of the HTTP tier, in one place. */

/** Longest SPARQL query guaranteed to be accepted in a GET URL (federators send long VALUES
 *  blocks by GET). */
export const MAX_GET_QUERY_BYTES = 64 * 1024;

/** Node's http.maxHeaderSize (request line plus headers; default 16 KiB). Percent-encoding can
 *  triple a query's length, so a 64 KiB query needs 192 KiB of request line. */
export const MAX_HEADER_BYTES = 3 * MAX_GET_QUERY_BYTES + 64 * 1024;

/** fastify bodyLimit for POSTed queries and updates. */
export const MAX_POST_BODY_BYTES = 8 * 1024 * 1024;

/** bodyLimit of Graph Store Protocol uploads (PUT / POST of RDF data). */
export const MAX_GRAPH_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Time budget of one query or update. */
export const QUERY_TIMEOUT_MS = DEFAULT_QUERY_TIMEOUT_MS;

/** Time a client has to send a whole request (Node's requestTimeout). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Idle time before a kept-alive connection is closed. */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;
