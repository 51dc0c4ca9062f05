export { SearchIndex, FIELD_BOOSTS, EXCERPT_LENGTH, REFRESH_INTERVAL_MS, excerptAround } from './SearchIndex';
export type { IndexedHit, SearchOptions } from './SearchIndex';
export { collectSearchDocuments, SEARCH_FIELDS } from './collectSearchDocuments';
export type { SearchDocument, SearchField, FieldValue } from './collectSearchDocuments';
export { tokenize, processTerm, fold, foldWithPositions, STOP_WORDS } from './tokenize';
