/** Limits of the web pages (explorer, workbench, reading views), in one place. */

/** Hits returned when the caller names no limit, and the most it may ask for. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
/** Hits listed on the search page. */
export const SEARCH_PAGE_LIMIT = 50;
/** Nodes asked for when drawing a whole document, and when expanding one node. */
export const DOCUMENT_NODE_LIMIT = 1000;
export const EXPAND_NODE_LIMIT = 60;
/** Most resolutions listed in the explorer's picker. */
export const MAX_LISTED_RESOLUTIONS = 500;
/** Most (resolution, paragraph, cited thing) rows read; past it the network says it is cut. */
export const MAX_CITATION_ROWS = 20_000;
/** Longest name the timeline writes beside a dot (the whole name is its tooltip). */
export const TIMELINE_LABEL_LENGTH = 60;
/** How long browsers may reuse an asset without asking again. */
export const ASSET_MAX_AGE_SECONDS = 3600;
