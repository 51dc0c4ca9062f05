import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDependencies } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';
import type { GraphStore, StoreSource } from '../src/graph';
import type { HtmlPageHandler } from '../src/sparql';
import { createTestStore } from './storeUnderTest';

/** Shared builders for the store and HTTP tests. */

export const SPARQL_FIXTURES = join(__dirname, 'fixtures', 'sparql');

/** The library dataset (tests/fixtures/sparql/library.trig). */
export const LIBRARY: StoreSource = { path: join(SPARQL_FIXTURES, 'library.trig'), format: 'application/trig' };

export const EX = 'http://example.org/';
export const BOOKS = `${EX}graph/books`;
export const PEOPLE = `${EX}graph/people`;

export const WRITE_TOKEN = 'write-token-for-tests-0123456789';
export const PUBLIC_URL = 'https://kg.example.org/';

/** A configuration as loadConfig builds it, without logging or journal, nor the event-loop
 *  check (a busy test machine would trip it; tests/appAdmission.test.ts tests it). */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ UNKG_LOG_LEVEL: 'silent', UNKG_JOURNAL: 'none', UNKG_MAX_EVENT_LOOP_DELAY_MS: '0', ...env });
}

export interface TestApp {
  app: FastifyInstance;
  store: GraphStore;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  sources?: StoreSource[];
  env?: Record<string, string>;
  workers?: number;
  timeoutMs?: number;
  journalPath?: string;
  htmlPage?: HtmlPageHandler;
}

/** A real store over the given sources (the library by default) and the app around it; the
 *  backend is the one the run tests (storeUnderTest.ts). */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig({ ...(options.timeoutMs ? { UNKG_QUERY_TIMEOUT_MS: String(options.timeoutMs) } : {}), ...options.env });
  const store = await createTestStore({
    sources: options.sources ?? [LIBRARY],
    workers: options.workers ?? 1,
    spareWorkers: 0,
    timeoutMs: config.queryTimeoutMs,
    journalPath: options.journalPath,
  });
  return serveApp(config, store, { htmlPage: options.htmlPage });
}

/** The app buildApp assembles over `store`, ready for inject or listen; closing it closes the
 *  store too, then runs `cleanUp` (e.g. removing a temp folder). */
export async function serveApp(
  config: AppConfig,
  store: GraphStore,
  dependencies: Omit<AppDependencies, 'store'> = {},
  cleanUp: () => void = () => undefined,
): Promise<TestApp> {
  const app = await buildApp(config, { ...dependencies, store });
  await app.ready();
  return {
    app,
    store,
    config,
    async close() {
      await app.close();
      await store.close();
      cleanUp();
    },
  };
}

/** Values of one variable in SPARQL JSON results, in order. */
export function column(json: string, variable: string): string[] {
  const results = JSON.parse(json) as { results: { bindings: Array<Record<string, { value: string }>> } };
  return results.results.bindings.map((row) => row[variable]?.value);
}

/** Form-encodes parameters (repeated names allowed). */
export function form(...pairs: Array<[string, string]>): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/** N-Triples of `count` generated resources, for load and timeout tests. */
export function generatedTriples(count: number, graph?: string): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`<${EX}item/${i}> <${EX}value> "${i}"^^<http://www.w3.org/2001/XMLSchema#integer>${graph ? ` <${graph}>` : ''} .`);
  return lines.join('\n') + '\n';
}

/** Resolves once `condition` holds (checked every 20 ms); rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
