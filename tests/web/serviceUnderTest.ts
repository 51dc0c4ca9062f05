/** The service as it runs, over the seed (tests/seedData.ts: its graph, the ontology, the
 *  reference data) and the project's queries/: the app as buildApp assembles it, on a real store. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { discoverSources, type StoreSource } from '../../src/graph';
import { serveApp, testConfig, type TestApp } from '../helpers';
import { seedEnv } from '../seedData';
import { createTestStore } from '../storeUnderTest';

export type ServiceUnderTest = TestApp;

export async function startService(options: { extraSources?: StoreSource[] } = {}): Promise<ServiceUnderTest> {
  const config = testConfig(seedEnv());
  const { sources } = discoverSources({ ...config.data, base: config.base });
  const store = await createTestStore({ sources: [...sources, ...(options.extraSources ?? [])], workers: 1 });
  return serveApp(config, store);
}

/** Listens on an ephemeral port of 127.0.0.1; resolves with the root URL (ending in '/'). */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
}

/** The seed resolution and one of its paragraphs. */
export const SEED = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';
export const SEED_OP2 = `${SEED}/op/2`;
