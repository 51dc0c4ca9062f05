export { RemoteStore, openRemoteStore, DEFAULT_OWN_DEFAULT_GRAPH, INSERT_DATA_GSP_THRESHOLD } from './RemoteStore';
export type { RemoteStoreOptions } from './RemoteStore';
export { parseCredentials } from './remoteAuth';
export type { RemoteAuth, RemoteAuthScheme } from './remoteAuth';
export type { DatasetLayout } from './defaultGraphAsSet';
export { DEFAULT_REMOTE_CONNECTIONS, DEFAULT_REMOTE_MAX_ROWS, DEFAULT_REMOTE_FRESHNESS_MS } from './limits';
