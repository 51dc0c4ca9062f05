/** Limits and defaults of the embedded store, in one place. */
/** Query worker threads, each holding a copy of the dataset. */
export const DEFAULT_WORKERS = 2;
/** A query's time limit, counted from the moment the store is asked (time queued counts). */
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
/** The journal is compacted into a snapshot once it holds this many entries... */
export const DEFAULT_COMPACT_ENTRIES = 1_000;
/** ...or this many bytes, whichever comes first. */
export const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;
/** Time allowed to write a snapshot of the whole dataset. */
export const SNAPSHOT_TIMEOUT_MS = 10 * 60_000;
/** First wait before starting a worker again after a start failed; doubled at each failure. */
export const RESTART_BACKOFF_MS = 500;
/** Queries waiting for a worker, beyond which new ones are refused (503). */
export const DEFAULT_QUEUE_LIMIT = 128;
/** Queries one client may have queued or running at once, beyond which its new ones are
 *  refused (503): enough for a federator's parallel requests, far from the whole queue. */
export const DEFAULT_CLIENT_QUERY_LIMIT = 16;
/** Loaded workers kept aside, receiving every write, to replace a stopped worker at once. */
export const DEFAULT_SPARE_WORKERS = 1;
/** What a refused client is told to wait before trying again. */
export const BUSY_RETRY_AFTER_S = 2;
