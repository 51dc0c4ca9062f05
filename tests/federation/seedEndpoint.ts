import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { createStore, type OxigraphStore } from '../../src/graph';
import { parseForm, readOperation } from '../../src/sparql';
import { testConfig } from '../helpers';
import { seedSources } from '../seedData';

/** One request the endpoint received: its method and, for a query, the SPARQL text. */
export interface ReceivedRequest {
  method: string;
  url: string;
  query?: string;
}

export interface SeedEndpoint {
  /** e.g. http://127.0.0.1:40123/sparql */
  url: string;
  store: OxigraphStore;
  /** Every request received so far, in order (an onRequest hook counts them, a preHandler
   *  hook adds the query text once the body is parsed). */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** The real service over the seed data (tests/seedData.ts: the seed's graph, the ontology and the
 *  reference data, as the server loads them), listening on an ephemeral port of 127.0.0.1. */
export async function startSeedEndpoint(): Promise<SeedEndpoint> {
  const config = testConfig();
  const sources = seedSources(config.base);
  const store = await createStore({ sources, workers: 1, timeoutMs: config.queryTimeoutMs });
  const app = await buildApp(config, { store });
  const received: ReceivedRequest[] = [];
  const entries = new WeakMap<object, ReceivedRequest>();
  app.addHook('onRequest', async (request) => {
    const entry: ReceivedRequest = { method: request.method, url: request.url };
    received.push(entry);
    entries.set(request.raw, entry);
  });
  app.addHook('preHandler', async (request) => {
    const entry = entries.get(request.raw);
    if (!entry || !request.url.startsWith('/sparql')) return;
    try {
      const query = request.url.indexOf('?');
      const operation = readOperation(request.method, query < 0 ? {} : parseForm(request.url.slice(query + 1), 'the URL'), request.body as never);
      if (operation.kind === 'query') entry.query = operation.query;
    } catch {
      // The endpoint itself answers malformed requests.
    }
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sparql`,
    store,
    received,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
