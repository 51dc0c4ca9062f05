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

/** Time a client has to send a whole request (Node's requestTimeout). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Idle time before a kept-alive connection is closed. */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;

/** Requests one client (address) may make per RATE_LIMIT_WINDOW_MS before being answered
 *  429 with Retry-After: 100 a second on average, the figure DBpedia's public endpoint
 *  allows. Configurable (UNKG_RATE_LIMIT; 0 disables). */
export const DEFAULT_RATE_LIMIT = 6_000;
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Event-loop delay past which new requests are answered 503 with Retry-After until the
 *  service recovers (@fastify/under-pressure; UNKG_MAX_EVENT_LOOP_DELAY_MS, 0 disables). */
export const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 1_000;
/** Retry-After, in seconds, of a request refused under pressure. */
export const PRESSURE_RETRY_AFTER_S = 5;
/** How often the event loop's delay is sampled. */
export const PRESSURE_SAMPLE_INTERVAL_MS = 500;
/** Time after start-up during which the samples are not acted on (they measure the start-up). */
export const PRESSURE_GRACE_MS = 3 * PRESSURE_SAMPLE_INTERVAL_MS;

/** Paths the rate limit and the pressure check leave alone (probes and metrics scrapers). */
export const UNLIMITED_PATH_PREFIXES = ['/health', '/metrics'] as const;
/** Default `max-age` of cacheable answers, in seconds (UNKG_HTTP_MAX_AGE). A minute: a
 *  federator repeating a probe or a front end reloading a page within it does not ask again,
 *  and a write shows up at the latest a minute later for clients that do not revalidate. */
export const DEFAULT_HTTP_MAX_AGE_SECONDS = 60;
/** Upper bound of UNKG_HTTP_MAX_AGE: a day. */
export const MAX_HTTP_MAX_AGE_SECONDS = 86_400;
/** Digests remembered (repeated requests are the ones worth tagging fast), and the longest
 *  representation key remembered. */
export const ENTITY_DIGEST_MEMO_ENTRIES = 1024;
export const ENTITY_DIGEST_MEMO_MAX_CHARS = 4096;
/** How long a browser may keep a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 86_400;
/** How many Accept headers a negotiator remembers, and the longest it remembers: clients send
 *  a handful of distinct headers, repeated on every request. */
export const NEGOTIATION_CACHE_ENTRIES = 64;
export const NEGOTIATION_CACHE_MAX_HEADER_CHARS = 512;
