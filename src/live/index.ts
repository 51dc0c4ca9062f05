export { watchGraphDir, graphsOf, WATCH_DEBOUNCE_MS } from './watchGraphDir';
export type { GraphDirWatcher, WatchLogger } from './watchGraphDir';
