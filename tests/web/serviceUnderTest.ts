/** The service as it runs, over the seed (tests/seedData.ts: its graph, the ontology, the
 *  reference data) and the project's queries/: the app as buildApp assembles it, on a real store. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { discoverSources, type GraphStore, type StoreSource } from '../../src/graph';
import { testConfig } from '../helpers';
import { seedEnv } from '../seedData';
import { createTestStore } from '../storeUnderTest';

export interface ServiceUnderTest {
  app: FastifyInstance;
  store: GraphStore;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startService(options: { extraSources?: StoreSource[] } = {}): Promise<ServiceUnderTest> {
  const config = testConfig(seedEnv());
  const { sources } = discoverSources({ ...config.data, base: config.base });
  const store = await createTestStore({ sources: [...sources, ...(options.extraSources ?? [])], workers: 1 });
  const app = await buildApp(config, { store });
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
