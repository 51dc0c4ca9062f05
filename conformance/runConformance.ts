/**
 * W3C SPARQL 1.1 conformance of the service
 * =========================================
 *
 * Runs the W3C SPARQL 1.1 test suites (w3c/rdf-tests, folder sparql/sparql11) with the npm
 * runner `rdf-test-suite` against the project itself:
 *
 *   npm run conformance -- <rdf-tests root>        e.g. npm run conformance -- ../shared/w3c-rdf-tests
 *
 * The root is the folder holding `sparql/sparql11/manifest-all.ttl`; it is read in place,
 * never copied. The manifests are loaded under their published URL
 * (https://w3c.github.io/rdf-tests/sparql/...), mapped to the local folder, so the test IRIs,
 * base IRIs and data IRIs are those every other implementation reports.
 *
 * What runs against what:
 * - query, update, results-json, results-csv-tsv and federated-query go through the store
 *   interface (src/graph GraphStore) with the adapter in storeEngine.ts: one store, emptied
 *   and loaded with each test's data;
 * - protocol, service-description and graph-store-protocol go over HTTP to the real service
 *   (buildApp over a real store, protocolEndpoint.ts) listening on 127.0.0.1 on an ephemeral
 *   port, with a fresh instance per suite, stopped afterwards. Writes use a write token made
 *   for the run, which the test client sends (withBearerToken.ts).
 * - entailment is not run (see suites.ts).
 *
 * Outcome: pass counts per suite on stdout; conformance/results.json (counts and failing test
 * IRIs per suite); a comparison with conformance/known-failures.json (each entry a test IRI
 * and the reason it fails). The command exits non-zero when a test fails that is not in that
 * list (a regression), and reports, without failing, listed tests that now pass.
 *
 * Runner details: rdf-test-suite 2.8.0 with n3 pinned to 2.7.12 (package.json overrides;
 * n3 2.13 breaks its manifest parser). Local files carry no Content-Type, so the runner
 * guesses from the extension and does not know `.rdf`: it is registered as RDF/XML, as the
 * published site serves it (otherwise the ten subquery tests on sq*.rdf silently vanish).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ManifestLoader, TestSuiteRunner, Util, type IManifest, type ITestResult, type ITestSuiteConfig } from 'rdf-test-suite';
import { createStore } from '../src/graph';
import type { Failure } from './knownFailures';
import { startProtocolEndpoint, type RunningEndpoint } from './protocolEndpoint';
import { storeEngine } from './storeEngine';
import { SUITES, type Suite } from './suites';
import { withBearerToken } from './withBearerToken';

/** Where the manifests are published; the test IRIs and base IRIs derive from it. */
export const PUBLISHED_ROOT = 'https://w3c.github.io/rdf-tests/sparql/';
export const MANIFEST_URL = `${PUBLISHED_ROOT}sparql11/manifest-all.ttl`;

/** Per-test budget of the runner; the store's own query timeout is shorter, so a runaway
 *  query is stopped by the store (and reported) before the runner gives up on the test. */
const TEST_TIMEOUT_MS = 20_000;
const STORE_QUERY_TIMEOUT_MS = 10_000;

export interface ConformanceOptions {
  /** Folder holding sparql/sparql11/manifest-all.ttl. */
  testsRoot: string;
  /** HTTP cache of rdf-test-suite (only used for files outside the mapped folder). */
  cacheDir: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface SuiteResult {
  name: string;
  specification: string;
  passed: number;
  failed: number;
  skipped: number;
  total: number;
  durationMs: number;
  failures: Failure[];
  /** IRIs of every test that ran. */
  ran: string[];
}

/** Registers the media types the runner cannot guess from a local file's extension. */
class LocalFileMediaTypes extends Util {
  static register(): void {
    this.extensionToContentType.rdf = 'application/rdf+xml';
  }
}

function summarise(suite: Suite, results: ITestResult[], durationMs: number): SuiteResult {
  const failures = results
    .filter((result) => !result.ok && !result.skipped)
    .map((result) => ({ test: result.test.uri, name: result.test.name, message: String(result.error?.message ?? result.error ?? '').trim() }));
  const skipped = results.filter((result) => result.skipped).length;
  return {
    name: suite.name,
    specification: suite.specification,
    passed: results.filter((result) => result.ok).length,
    failed: failures.length,
    skipped,
    total: results.length,
    durationMs,
    failures,
    ran: results.filter((result) => !result.skipped).map((result) => result.test.uri),
  };
}

export async function runConformance(options: ConformanceOptions): Promise<SuiteResult[]> {
  const log = options.log ?? (() => undefined);
  const root = resolve(options.testsRoot);
  const sparql11 = join(root, 'sparql', 'sparql11');
  const cachePath = `${resolve(options.cacheDir)}/`;
  mkdirSync(cachePath, { recursive: true });
  LocalFileMediaTypes.register();

  let started = Date.now();
  const manifest: IManifest = await new ManifestLoader().from(MANIFEST_URL, {
    cachePath,
    urlToFileMappings: [{ url: PUBLISHED_ROOT, path: `${join(root, 'sparql')}/` }],
  });
  log(`Loaded ${MANIFEST_URL} from ${root} in ${Date.now() - started} ms`);

  const runner = new TestSuiteRunner();
  const config: ITestSuiteConfig = {
    exitWithStatusCode0: true,
    outputFormat: 'summary',
    timeOutDuration: TEST_TIMEOUT_MS,
    customEngingeOptions: {},
    cachePath,
  };
  // The W3C query and update tests assume a plain dataset (their default graph is the stored
  // one); the union default graph of the service is tested by the protocol suite and by jest.
  const store = await createStore({ sources: [], workers: 1, timeoutMs: STORE_QUERY_TIMEOUT_MS, unionDefaultGraph: false });
  const engine = storeEngine(store);
  const suites: SuiteResult[] = [];
  try {
    for (const suite of SUITES) {
      const tests = manifest.specifications?.[suite.specification];
      if (!tests) throw new Error(`${MANIFEST_URL} declares no tests for ${suite.specification}`);
      started = Date.now();
      const results: ITestResult[] = [];
      if (suite.target === 'store') {
        await runner.runManifestConcrete(tests, engine, config, results);
      } else {
        const endpoint: RunningEndpoint = await startProtocolEndpoint(sparql11);
        const restoreFetch = withBearerToken(endpoint.origin, endpoint.writeToken);
        const url = suite.target.endpoint === 'graphStoreEndpoint' ? endpoint.graphStoreUrl : endpoint.sparqlUrl;
        try {
          log(`  ${suite.name}: service listening at ${url}`);
          await runner.runManifestConcrete(tests, engine, { ...config, customEngingeOptions: { [suite.target.endpoint]: url } }, results);
        } finally {
          restoreFetch();
          await endpoint.close();
        }
      }
      const result = summarise(suite, results, Date.now() - started);
      suites.push(result);
      log(`  ${suite.name.padEnd(22)} ${String(result.passed).padStart(4)} / ${String(result.total).padEnd(4)} passed  (${result.durationMs} ms)`);
    }
  } finally {
    await store.close();
  }
  return suites;
}
