/** Bounds of the linked-data views, in one place. */

/** Backlinks (triples pointing at a resource) shown per page. */
export const BACKLINK_PAGE_SIZE = 50;
/** Largest page number accepted (deeper pages are better asked of the SPARQL endpoint). */
export const MAX_BACKLINK_PAGE = 10_000;
/** A resource's own triples, and those of its extraction evidence, kept in one description. */
export const MAX_OWN_TRIPLES = 5_000;
/** Characters of a citing paragraph's text shown next to a backlink. */
export const SNIPPET_LENGTH = 280;
