export { SearchIndex, FIELD_BOOSTS, excerptAround } from './SearchIndex';
export { EXCERPT_LENGTH, REFRESH_INTERVAL_MS, MAX_SEARCH_LENGTH } from './limits';
export type { IndexedHit, SearchOptions } from './SearchIndex';
export { collectSearchDocuments, SEARCH_FIELDS } from './collectSearchDocuments';
export type { SearchDocument, SearchField, FieldValue } from './collectSearchDocuments';
export { tokenize, processTerm, fold, foldWithPositions, STOP_WORDS } from './tokenize';
