/** Bounds of graph views, in one place. */

/** Node limit when the caller names none. */
export const DEFAULT_NODE_LIMIT = 200;
/** Largest node limit a caller may ask for. */
export const MAX_NODE_LIMIT = 2000;
/** String attributes longer than this are cut (with an ellipsis). */
export const ATTRIBUTE_TEXT_MAX_LENGTH = 200;
/** Labels of literal nodes longer than this are cut (with an ellipsis). */
export const LITERAL_LABEL_MAX_LENGTH = 60;
/** Deepest nesting of sub-paragraphs followed to build a paragraph label ("pp/6/a/i"). */
export const MAX_SUBDIVISION_NESTING = 4;
