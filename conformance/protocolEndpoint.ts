import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createStore, type StoreSource } from '../src/graph';
import { ENDPOINT_PATHS, GRAPH_STORE_PATH } from '../src/sparql';

/** The real service (buildApp over a real store) listening on an ephemeral loopback port,
 *  for the protocol, service description and graph store tests.
 *
 *  The store starts with the protocol suite's dataset: protocol/data1.nt .. data3.nt in the
 *  named graphs <http://kasei.us/2009/09/sparql/data/dataN.rdf> the tests name in
 *  default-graph-uri / named-graph-uri (the service never dereferences those IRIs). Writes
 *  are enabled the normal way, with a write token: a random one for this run only, that the
 *  test client sends (see withBearerToken). */

export const PROTOCOL_GRAPH = (n: number): string => `http://kasei.us/2009/09/sparql/data/data${n}.rdf`;
const PROTOCOL_DATA_FILES = [1, 2, 3];

/** Tests send small requests; a slow answer is a failure, not something to wait for. */
const QUERY_TIMEOUT_MS = 10_000;
const WRITE_TOKEN_BYTES = 24;

export interface RunningEndpoint {
  /** The SPARQL protocol endpoint, e.g. http://127.0.0.1:43817/sparql */
  sparqlUrl: string;
  /** The Graph Store Protocol endpoint (indirect graph identification). */
  graphStoreUrl: string;
  origin: string;
  writeToken: string;
  close(): Promise<void>;
}

/** @param sparql11Dir the `sparql/sparql11` folder of the W3C rdf-tests */
export async function startProtocolEndpoint(sparql11Dir: string): Promise<RunningEndpoint> {
  const writeToken = randomBytes(WRITE_TOKEN_BYTES).toString('hex');
  const config = loadConfig({
    UNKG_LOG_LEVEL: 'silent',
    UNKG_JOURNAL: 'none',
    UNKG_HOST: '127.0.0.1',
    UNKG_PORT: '0',
    UNKG_WORKERS: '1',
    UNKG_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    UNKG_WRITE_TOKEN: writeToken,
  });
  const sources = PROTOCOL_DATA_FILES.map((n): StoreSource => ({
    path: join(sparql11Dir, 'protocol', `data${n}.nt`),
    format: 'application/n-triples',
    graph: PROTOCOL_GRAPH(n),
  }));
  const store = await createStore({ sources, workers: config.workers, timeoutMs: config.queryTimeoutMs });
  try {
    const app = await buildApp(config, { store });
    await app.listen({ host: config.host, port: config.port });
    const { port } = app.server.address() as AddressInfo;
    const origin = `http://${config.host}:${port}`;
    return {
      sparqlUrl: `${origin}${ENDPOINT_PATHS[0]}`,
      graphStoreUrl: `${origin}${GRAPH_STORE_PATH}`,
      origin,
      writeToken,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
