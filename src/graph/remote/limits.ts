/** Limits and defaults of the remote store, in one place. */
/** Keep-alive connections to the remote store. */
export const DEFAULT_REMOTE_CONNECTIONS = 16;
/** Virtuoso's default ResultSetMaxRows: answers of this many rows may have been cut. */
export const DEFAULT_REMOTE_MAX_ROWS = 10_000;
/** How long a result (and anything derived from the store) may be served after the remote
 *  store changed by a write that did not go through this service. */
export const DEFAULT_REMOTE_FRESHNESS_MS = 2_000;
/** A change made directly in the store that leaves its number of quads as it was is not seen
 *  by the change probe: version() also moves once every this many freshness windows. */
export const VERSION_MAX_AGE_WINDOWS = 30;
/** Largest answer read from the remote store; a larger one is refused, not cut. */
export const REMOTE_MAX_RESPONSE_BYTES = 512 * 1024 * 1024;
/** Extra time the HTTP request is given past the query budget sent to the store, so the
 *  store's own timeout answer (partial results, S1TAT) arrives before the socket is cut. */
export const NETWORK_GRACE_MS = 2_000;
/** How often the store is probed while it starts. */
export const STARTUP_PROBE_INTERVAL_MS = 250;
/** Time limit of listing the store's graphs (to find its system graphs). */
export const SYSTEM_GRAPH_LISTING_MS = 5_000;
