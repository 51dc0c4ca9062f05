/** Limits of the batch commands, in one place. */
/** How long reading one PDF may take. */
export const PDF_TIMEOUT_MS = 60_000;
/** Up to this many sources to read are read on the calling thread: starting worker threads
 *  costs more than a handful of documents. */
export const INLINE_BUILD_MAX_SOURCES = 4;
