/** Limits of the search index, in one place. */

/** Characters of matched text shown with a hit. */
export const EXCERPT_LENGTH = 180;
/** How often the index checks the store's version when nobody searches (ms). */
export const REFRESH_INTERVAL_MS = 1000;
/** Longest search text accepted (the explorer, the search page and GraphQL's `search`). */
export const MAX_SEARCH_LENGTH = 200;
