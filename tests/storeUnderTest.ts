import { readFileSync } from 'node:fs';
import { createStore, openRemoteStore, parseCredentials, type GraphStore, type StoreSource } from '../src/graph';
import { rebaseIris } from '../src/vocab';
import { startVirtuoso, type PrivateVirtuoso } from '../scripts/virtuoso/privateVirtuoso';

/** The backend the store, endpoint, GraphQL, linked-data and named-query suites run on:
 *  the embedded store (default), or with UNKG_TEST_STORE=virtuoso a RemoteStore over a
 *  private Virtuoso started for that store alone (its own database, stopped when the store
 *  is closed), loaded with the same sources. Both must give the same answers. */
export const TEST_BACKEND: 'embedded' | 'virtuoso' = process.env.UNKG_TEST_STORE === 'virtuoso' ? 'virtuoso' : 'embedded';

export interface TestStoreOptions {
  sources: StoreSource[];
  workers?: number;
  spareWorkers?: number;
  timeoutMs?: number;
  journalPath?: string;
  resultCache?: boolean;
}

export async function createTestStore(options: TestStoreOptions): Promise<GraphStore> {
  if (TEST_BACKEND === 'embedded') return createStore({ workers: 1, ...options });
  const { store } = await createVirtuosoStore(options);
  return store;
}

/** A RemoteStore over a new private Virtuoso holding the sources. */
export async function createVirtuosoStore(
  options: TestStoreOptions & { maxRows?: number; freshnessMs?: number },
): Promise<{ store: GraphStore; virtuoso: PrivateVirtuoso }> {
  const virtuoso = await startVirtuoso({ maxRows: options.maxRows });
  try {
    const store = await openRemoteStore({
      queryUrl: virtuoso.env.UNKG_REMOTE_QUERY_URL,
      updateUrl: virtuoso.env.UNKG_REMOTE_UPDATE_URL,
      gspUrl: virtuoso.env.UNKG_REMOTE_GSP_URL,
      auth: parseCredentials('digest', readFileSync(virtuoso.env.UNKG_REMOTE_CREDENTIALS_FILE, 'utf8')),
      timeoutMs: options.timeoutMs ?? 30_000,
      resultCache: options.resultCache,
      ...(options.maxRows ? { maxRows: options.maxRows } : {}),
      ...(options.freshnessMs ? { freshnessMs: options.freshnessMs } : {}),
    });
    for (const source of options.sources) {
      let data = source.data ?? readFileSync(source.path!, 'utf8');
      if (source.rebase) data = rebaseIris(data, source.rebase.from, source.rebase.to);
      await store.load(data, source.format, source.graph);
    }
    await store.settle();
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await virtuoso.stop();
    };
    return { store, virtuoso };
  } catch (error) {
    await virtuoso.stop();
    throw error;
  }
}
