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
  WriteOptions,
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
  QueryTooComplexError,
  StoreBusyError,
  QueryCancelledError,
} from './errors';
export { VALUES_BATCH_SIZE, MAX_NESTING_DEPTH, MAX_ALGEBRA_OPERATORS, MAX_QUERY_CHARS } from './limits';
export { assertEvaluable } from './queryComplexity';
export {
  OxigraphStore,
  createStore,
  openStore,
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_WORKERS,
  DEFAULT_COMPACT_ENTRIES,
  DEFAULT_QUEUE_LIMIT,
  DEFAULT_CLIENT_QUERY_LIMIT,
  DEFAULT_SPARE_WORKERS,
} from './embedded';
export type { StoreOptions, StoreLogger, Engine, EngineOptions } from './embedded';
export { createEngine, finishLoading, spawnModuleWorker } from './embedded';
export type { StoreSource } from './StoreSource';
export { discoverSources, referenceGraphIri } from './discoverSources';
export type { DataLayout, DiscoveredSources } from './discoverSources';
export { queryForm, declaresDataset } from './sparqlText';
export { withExplicitStringDatatype } from './jsonResults';
export { OWN_DEFAULT_GRAPH, isInternalGraph } from './unionDefaultGraph';
export { scopedStore } from './scopedStore';
export type { QueryScope } from './scopedStore';
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
