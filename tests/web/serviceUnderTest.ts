/** The service as it runs, over the project's own data (data/graph, ontology, reference data
 *  and queries/): buildApp with the linked-data pages, the graph API and the explorer, on a
 *  real store. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { createStore, discoverSources, type OxigraphStore, type StoreSource } from '../../src/graph';
import { linkedDataPlugin } from '../../src/linkeddata';
import { graphRoutes } from '../../src/viz';
import { explorerPlugin, sparqlEditorPage } from '../../src/web';
import { testConfig } from '../helpers';

export interface ServiceUnderTest {
  app: FastifyInstance;
  store: OxigraphStore;
  config: AppConfig;
  close(): Promise<void>;
}

/** Registers each of the pages' plugins that buildApp does not register itself. */
async function registerPages(app: FastifyInstance, store: OxigraphStore, config: AppConfig): Promise<void> {
  const has = (url: string) => app.hasRoute({ method: 'GET', url });
  if (!has('/ontology')) await app.register(linkedDataPlugin, { store, base: config.base, ontologyDir: config.data.ontologyDir });
  if (!has('/api/graph')) await app.register(graphRoutes, { store, base: config.base, ontologyDir: config.data.ontologyDir });
  if (!has('/explore')) await app.register(explorerPlugin, { store, base: config.base, queriesDir: config.data.queriesDir });
}

export async function startService(options: { extraSources?: StoreSource[] } = {}): Promise<ServiceUnderTest> {
  const config = testConfig();
  const { sources } = discoverSources({ ...config.data, base: config.base });
  const store = await createStore({ sources: [...sources, ...(options.extraSources ?? [])], workers: 1 });
  const app = await buildApp(config, { store, htmlPage: sparqlEditorPage({ queriesDir: config.data.queriesDir }) });
  await registerPages(app, store, config);
  await app.ready();
  return {
    app,
    store,
    config,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Listens on an ephemeral port of 127.0.0.1; resolves with the root URL (ending in '/'). */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
}

/** The seed resolution and one of its paragraphs. */
export const SEED = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
export const SEED_OP2 = `${SEED}/op/2`;
