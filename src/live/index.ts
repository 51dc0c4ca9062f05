export { watchGraphDir, graphsOf } from './watchGraphDir';
export type { GraphDirWatcher, WatchLogger } from './watchGraphDir';
export { WATCH_DEBOUNCE_MS } from './limits';
