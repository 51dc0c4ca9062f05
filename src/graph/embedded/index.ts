/** The embedded backend: oxigraph in worker threads, the journal of accepted writes and the
 *  pool that schedules queries over the workers. Only `src/graph/index.ts` imports this. */
export { OxigraphStore, createStore, DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_WORKERS } from './OxigraphStore';
export type { StoreOptions } from './OxigraphStore';
export type { StoreLogger } from './WorkerPool';
export { spawnModuleWorker } from './worker/spawnWorker';
