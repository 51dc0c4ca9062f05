/** Limits of the SPARQL protocol layer, in one place. */
/** Public URLs remembered per service root and path (a handful of hosts serve the service). */
export const PUBLIC_URL_MEMO_ENTRIES = 64;
