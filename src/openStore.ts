import { readFileSync } from 'node:fs';
import type { AppConfig } from './config';
import { discoverSources, openStore as openEmbeddedStore, openRemoteStore, parseCredentials, type GraphStore, type StoreLogger } from './graph';

export interface OpenedStore {
  store: GraphStore;
  /** What was opened, in words, for the start-up log line (no secret in it). */
  description: string;
  /** Resolves once the store answers queries (the embedded one loads its data behind the
   *  start); rejects when the data cannot be loaded. */
  loaded: Promise<void>;
  /** Files the store loaded from (none for a remote store). */
  files: number;
}

/** The store the configuration names: the embedded one loaded from the data folders (the
 *  default), or the remote SPARQL 1.1 store of UNKG_REMOTE_* (whose data is already there).
 *  The server, the app and the CLI see only the GraphStore interface. */
export async function openStore(config: AppConfig, logger?: StoreLogger): Promise<OpenedStore> {
  const remote = config.remoteStore;
  if (remote) {
    const secret = remote.credentialsFile ? readFileSync(remote.credentialsFile, 'utf8') : '';
    let auth;
    try {
      auth = parseCredentials(remote.auth, secret);
    } catch (error) {
      throw new Error(`UNKG_REMOTE_CREDENTIALS_FILE (${remote.credentialsFile}): ${(error as Error).message}`, { cause: error });
    }
    const store = await openRemoteStore({
      queryUrl: remote.queryUrl,
      updateUrl: remote.updateUrl,
      gspUrl: remote.gspUrl,
      auth,
      timeoutMs: config.queryTimeoutMs,
      connections: remote.connections,
      maxRows: remote.maxRows,
      freshnessMs: remote.freshnessMs,
      ownDefaultGraph: remote.defaultGraph,
      resultCache: config.resultCache,
    });
    return {
      store,
      description: `remote store at ${remote.queryUrl} (${remote.auth} authentication, ${remote.connections} connections)`,
      loaded: Promise.resolve(),
      files: 0,
    };
  }
  const { sources, warnings } = discoverSources({ ...config.data, base: config.base });
  for (const warning of warnings) logger?.warn(`Data: ${warning}; starting without it`);
  const store = await openEmbeddedStore({
    sources,
    workers: config.workers,
    spareWorkers: config.spareWorkers,
    queueLimit: config.queueLimit,
    clientQueryLimit: config.clientQueryLimit,
    timeoutMs: config.queryTimeoutMs,
    journalPath: config.journalPath,
    compactEntries: config.journalCompactEntries,
    resultCache: config.resultCache,
    logger,
  });
  return {
    store,
    description: `embedded store, ${sources.length} files, ${config.workers} query workers (the others join as they load)`,
    loaded: store.whenLoaded(),
    files: sources.length,
  };
}
