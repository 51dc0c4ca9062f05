/** Names and bounds of the service's observability, in one place. */

/** Header carrying the request id, both ways. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming X-Request-Id is kept only when it looks like an id: at most this many characters
 *  of letters, digits and `._:-` (no spaces or control characters to forge log lines with). */
export const MAX_REQUEST_ID_LENGTH = 128;
export const REQUEST_ID_PATTERN = new RegExp(`^[A-Za-z0-9._:-]{1,${MAX_REQUEST_ID_LENGTH}}$`);

export const HEALTH_LIVE_PATH = '/health/live';
export const HEALTH_READY_PATH = '/health/ready';
/** Kept as an alias of the liveness check. */
export const HEALTH_PATH = '/health';
export const METRICS_PATH = '/metrics';
/** Retry-After of a /health/ready that answers 503. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

/** Prefix of every metric the service defines. */
export const METRIC_PREFIX = 'unkg_';
/** Buckets of the latency histograms, in seconds: from a cached answer to the query timeout. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** The store's size is asked again only after a write, and given this long to answer before the
 *  last known value is reported. */
export const STORE_SIZE_WAIT_MS = 1000;
