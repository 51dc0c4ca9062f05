export type {
  GraphStore,
  QueryForm,
  QueryOptions,
  QueryResult,
  RdfMediaType,
  ResultsMediaType,
  SparqlJsonResults,
  SparqlJsonTerm,
  StoreStatus,
  UpdateOptions,
  WriteResult,
} from './GraphStore';
export {
  GraphStoreError,
  QuerySyntaxError,
  QueryTimeoutError,
  QueryEvaluationError,
  RdfSyntaxError,
  UnsupportedFormatError,
  DatasetConflictError,
  NonDeterministicUpdateError,
  SourceLoadError,
  JournalError,
  StoreClosedError,
  StoreFailureError,
} from './errors';
export { RESULTS_MEDIA_TYPES, RDF_MEDIA_TYPES, DATASET_MEDIA_TYPES, TRIPLE_MEDIA_TYPES, isRdfMediaType, isResultsMediaType, isDatasetMediaType } from './formats';
export { OxigraphStore, createStore, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_WORKERS } from './embedded';
export type { StoreOptions, StoreLogger } from './embedded';
export type { StoreSource } from './StoreSource';
export { discoverSources, referenceGraphIri } from './discoverSources';
export type { DataLayout, DiscoveredSources } from './discoverSources';
export { queryForm, declaresDataset } from './sparqlText';
export { rebaseIris } from './rebaseIris';
export { withExplicitStringDatatype } from './jsonResults';
export {
  RemoteStore,
  openRemoteStore,
  parseCredentials,
  DEFAULT_REMOTE_CONNECTIONS,
  DEFAULT_REMOTE_MAX_ROWS,
  DEFAULT_REMOTE_FRESHNESS_MS,
  DEFAULT_OWN_DEFAULT_GRAPH,
} from './remote';
export type { RemoteStoreOptions, RemoteAuth, RemoteAuthScheme, DatasetLayout } from './remote';
