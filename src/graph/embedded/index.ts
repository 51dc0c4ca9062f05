/** The embedded backend: oxigraph in worker threads, the journal of accepted writes and the
 *  pool that schedules queries over the workers. Only `src/graph/index.ts` imports this. */
export { OxigraphStore, createStore, openStore } from './OxigraphStore';

export type { StoreOptions } from './OxigraphStore';
export type { StoreLogger } from './WorkerPool';
/** The engine in-process, for the command line's one-shot stores (no workers, no journal). */
export { createEngine, finishLoading } from './worker/engine';
export type { Engine, EngineOptions } from './worker/engine';
/** How the store starts its worker threads, for other modules' workers. */
export { spawnModuleWorker } from './worker/spawnWorker';
export {
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_WORKERS,
  DEFAULT_COMPACT_ENTRIES,
  DEFAULT_QUEUE_LIMIT,
  DEFAULT_CLIENT_QUERY_LIMIT,
  DEFAULT_SPARE_WORKERS,
} from './limits';
