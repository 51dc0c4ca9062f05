/** npm run bench:sparql — the cost of the SPARQL endpoint, on the seed and on a synthetic
 *  corpus of about one million triples.
 *
 *  1. Latency of six query shapes (lookup, join, aggregate, text filter, property path,
 *     CONSTRUCT neighbourhood): the median of RUNS runs after WARMUP runs, in the engine
 *     (store.query: worker round trip and serialisation included) and through HTTP (the real
 *     app listening on 127.0.0.1, fetch with keep-alive, body read), and their ratio.
 *  2. HTTP throughput with autocannon (run as a separate process, so it does not share the
 *     service's event loop) at 1, 10 and 50 connections: a lookup, `ASK {}`, and, in the
 *     same process, a bare fastify route answering the same bytes as `ASK {}` (what HTTP
 *     itself costs) and the same bare route taking its answer from store.query (what the
 *     hop to a query worker adds). Ratios are to the bare route.
 *
 *  The synthetic corpus is made of the project's own synthetic resolutions (bench/
 *  syntheticCorpus.ts) run through the real ingest (src/ingest), deterministically, until it
 *  holds TARGET_TRIPLES quads; it is written to var/bench/ and loaded with the ontology and the
 *  reference data, as the service loads its data.
 *
 *  The load average is printed around each dataset's throughput runs; when it moved more than
 *  LOAD_CHANGE_LIMIT, no ratio to the bare route is reported for that dataset.
 *
 *  Usage: tsx bench/sparql.ts [target triples=1000000]. Writes bench/results/sparql.json and
 *  sparql.md. (`bench:ask` compares ASK {} with a bare oxigraph endpoint as well.) */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createStore, DEFAULT_WORKERS, type OxigraphStore, type QueryOptions } from '../src/graph';
import { LOAD_CHANGE_LIMIT, machine, underLoadWatch } from './lib/machineLoad';
import { writeResults } from './lib/writeResults';
import { JSON_RESULTS, SHAPES, TURTLE, seedDataset, syntheticDataset, type Dataset } from './queryShapes';

const AUTOCANNON = require.resolve('autocannon/autocannon.js');

const TARGET_TRIPLES = Number(process.argv[2] ?? 1_000_000);
const WARMUP = 3;
const RUNS = 15;
const CONNECTIONS = [1, 10, 50] as const;
const THROUGHPUT_SECONDS = 5;
const THROUGHPUT_WARMUP_SECONDS = 1;
/** A generous budget: the benchmark measures queries, it does not want them cut short. */
const QUERY_TIMEOUT_MS = 120_000;
const PROGRESS_TICK_MS = 500;
const LOG_TICK_MS = 5_000;

const ASK_EMPTY = 'ASK {}';
const BARE = 'bare route';
const BARE_WITH_STORE = 'bare route + store.query';

// ---- datasets ---------------------------------------------------------------------------

/** Loads a dataset into a store, with a ticking timer: the load happens in the workers. */
async function load(dataset: Dataset): Promise<{ store: OxigraphStore; seconds: number; quads: number }> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  // On a terminal the line is rewritten in place; in a log, one line per LOG_TICK_MS.
  const tty = Boolean(process.stdout.isTTY);
  const status = () => `loading ${dataset.name} into ${DEFAULT_WORKERS} query workers… ${elapsed()}`;
  const tick = setInterval(() => process.stdout.write(tty ? `\r${status()}` : `${status()}\n`), tty ? PROGRESS_TICK_MS : LOG_TICK_MS);
  try {
    const store = await createStore({ sources: dataset.sources, workers: DEFAULT_WORKERS, timeoutMs: QUERY_TIMEOUT_MS, resultCache: true });
    const seconds = (Date.now() - started) / 1000;
    const quads = await store.size();
    process.stdout.write(
      `${tty ? '\r' : ''}loaded ${dataset.name}: ${quads.toLocaleString('en')} quads into ${DEFAULT_WORKERS} query workers in ${seconds.toFixed(1)} s\n`,
    );
    return { store, seconds, quads };
  } finally {
    clearInterval(tick);
  }
}

// ---- query shapes -----------------------------------------------------------------------

// ---- latency ----------------------------------------------------------------------------

interface Timing {
  medianMs: number;
  p90Ms: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { medianMs: round(median), p90Ms: round(at(0.9)) };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function measure(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return timing(samples);
}

const queryUrl = (endpoint: string, query: string) => `${endpoint}?query=${encodeURIComponent(query)}`;

async function httpQuery(endpoint: string, query: string, accept: string): Promise<string> {
  const response = await fetch(queryUrl(endpoint, query), { headers: { accept, 'cache-control': 'no-cache' } });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${query}: ${body}`);
  return body;
}

interface LatencyRow {
  shape: string;
  resultBytes: number;
  engine: Timing;
  http: Timing;
  httpOverEngine: number;
}

async function latencies(store: OxigraphStore, endpoint: string, dataset: Dataset): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const shape of SHAPES) {
    process.stdout.write(`  latency: ${shape.name}…`);
    const query = shape.query(dataset.resolution);
    // Latency is the cost of evaluating: the result cache is bypassed in the engine and over HTTP.
    const options: QueryOptions = { ...(shape.accept === TURTLE ? { graphFormat: TURTLE } : { resultsFormat: JSON_RESULTS }), cache: false };
    const { body } = await store.query(query, options);
    const engine = await measure(() => store.query(query, options));
    const http = await measure(() => httpQuery(endpoint, query, shape.accept));
    rows.push({ shape: shape.name, resultBytes: Buffer.byteLength(body), engine, http, httpOverEngine: round(http.medianMs / engine.medianMs) });
    process.stdout.write(` engine ${engine.medianMs} ms, HTTP ${http.medianMs} ms\n`);
  }
  return rows;
}

// ---- throughput -------------------------------------------------------------------------

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function autocannon(url: string, accept: string, connections: number, seconds: number): Promise<AutocannonResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [AUTOCANNON, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-H', `accept=${accept}`, url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as AutocannonResult;
}

interface ThroughputRow {
  target: string;
  connections: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  failures: number;
}

async function throughput(target: string, url: string, accept: string): Promise<ThroughputRow[]> {
  await autocannon(url, accept, CONNECTIONS[CONNECTIONS.length - 1], THROUGHPUT_WARMUP_SECONDS);
  const rows: ThroughputRow[] = [];
  for (const connections of CONNECTIONS) {
    process.stdout.write(`  throughput: ${target}, ${connections} connection(s)…`);
    const result = await autocannon(url, accept, connections, THROUGHPUT_SECONDS);
    rows.push({
      target,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      failures: result.errors + result.timeouts + result.non2xx,
    });
    process.stdout.write(` ${Math.round(result.requests.average)} req/s\n`);
  }
  return rows;
}

/** A fastify route with no plugin, hook or parsing: it answers with `answer()`. */
async function bareRoute(path: string, contentType: string, answer: () => string | Promise<string>): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get(path, async (_request, reply) => reply.type(contentType).send(await answer()));
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}` };
}

// ---- one dataset ------------------------------------------------------------------------

interface DatasetResult {
  name: string;
  documents: number;
  quads: number;
  loadSeconds: number;
  latency: LatencyRow[];
  throughput: ThroughputRow[];
  /** Throughput of each target over the bare route's, per number of connections (null when
   *  the load average moved too much during the runs). */
  overBareRoute: Record<string, Record<number, number>> | null;
  loadBefore: number;
  loadAfter: number;
}

async function benchmark(dataset: Dataset): Promise<DatasetResult> {
  const { store, seconds, quads } = await load(dataset);
  const config = loadConfig({ UNKG_LOG_LEVEL: 'silent', UNKG_JOURNAL: 'none', UNKG_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) });
  const app = await buildApp(config, { store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/sparql`;
  try {
    const latency = await latencies(store, endpoint, dataset);

    const ask = await fetch(queryUrl(endpoint, ASK_EMPTY), { headers: { accept: JSON_RESULTS } });
    const contentType = ask.headers.get('content-type') ?? JSON_RESULTS;
    const askBytes = await ask.text();
    const bare = await bareRoute('/sparql', contentType, () => askBytes);
    // The same bare route, but fetching its answer from the store: what the worker round
    // trip costs, apart from the endpoint's own HTTP handling.
    const bareWithStore = await bareRoute('/sparql', contentType, async () => (await store.query(ASK_EMPTY)).body);
    try {
      const { value: rows, load } = await underLoadWatch(`${dataset.name} throughput`, async () => [
        ...(await throughput('lookup', queryUrl(endpoint, SHAPES[0].query(dataset.resolution)), JSON_RESULTS)),
        ...(await throughput(ASK_EMPTY, queryUrl(endpoint, ASK_EMPTY), JSON_RESULTS)),
        ...(await throughput(BARE_WITH_STORE, queryUrl(bareWithStore.url, ASK_EMPTY), JSON_RESULTS)),
        ...(await throughput(BARE, queryUrl(bare.url, ASK_EMPTY), JSON_RESULTS)),
      ]);
      const bareRate = (connections: number) => rows.find((row) => row.target === BARE && row.connections === connections)!.requestsPerSecond;
      const overBareRoute = Object.fromEntries(
        ['lookup', ASK_EMPTY, BARE_WITH_STORE].map((target) => [
          target,
          Object.fromEntries(
            CONNECTIONS.map((c) => [c, round(rows.find((row) => row.target === target && row.connections === c)!.requestsPerSecond / bareRate(c))]),
          ),
        ]),
      );
      return {
        name: dataset.name,
        documents: dataset.documents,
        quads,
        loadSeconds: round(seconds, 1),
        latency,
        throughput: rows,
        overBareRoute: load.changed ? null : overBareRoute,
        loadBefore: load.before,
        loadAfter: load.after,
      };
    } finally {
      await bare.app.close();
      await bareWithStore.app.close();
    }
  } finally {
    await app.close();
    await store.close();
  }
}

function print(result: DatasetResult): void {
  console.log(
    `\n${result.name}: ${result.quads.toLocaleString('en')} quads, loaded in ${result.loadSeconds} s — latency, median of ${RUNS} after ${WARMUP} warm-up runs (ms)`,
  );
  console.table(
    Object.fromEntries(
      result.latency.map((row) => [
        row.shape,
        {
          engine: row.engine.medianMs,
          'engine p90': row.engine.p90Ms,
          HTTP: row.http.medianMs,
          'HTTP p90': row.http.p90Ms,
          'HTTP / engine': row.httpOverEngine,
          'result bytes': row.resultBytes,
        },
      ]),
    ),
  );
  console.log(`${result.name}: HTTP throughput, autocannon ${THROUGHPUT_SECONDS} s per run (requests/s; ratio to the bare route)`);
  console.table(
    Object.fromEntries(
      result.throughput.map((row) => [
        `${row.target} ×${row.connections}`,
        {
          'req/s': row.requestsPerSecond,
          'p50 ms': row.latencyP50Ms,
          'p99 ms': row.latencyP99Ms,
          failures: row.failures,
          'vs bare route': row.target === BARE ? 1 : (result.overBareRoute?.[row.target][row.connections] ?? 'load moved: not reported'),
        },
      ]),
    ),
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`SPARQL benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${DEFAULT_WORKERS} query workers`);
  const results: DatasetResult[] = [];
  for (const dataset of [seedDataset, () => syntheticDataset(TARGET_TRIPLES)]) {
    const result = await benchmark(dataset());
    print(result);
    results.push(result);
  }
  const reported = results.filter((result) => result.overBareRoute);
  const askGoal = reported.length ? Math.min(...reported.flatMap((result) => CONNECTIONS.map((c) => result.overBareRoute![ASK_EMPTY][c]))) : null;
  console.log(
    askGoal === null
      ? `\nThe load average moved more than ${LOAD_CHANGE_LIMIT} during every throughput run: no ratio reported`
      : `\nASK {} throughput is at least ${askGoal} of the bare route's (goal: 0.5) — ${askGoal >= 0.5 ? 'met' : 'NOT met'}; ${Math.round((Date.now() - started) / 1000)} s in all`,
  );
  const document = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    queryWorkers: DEFAULT_WORKERS,
    method: { warmupRuns: WARMUP, measuredRuns: RUNS, throughputSeconds: THROUGHPUT_SECONDS, connections: CONNECTIONS },
    queries: Object.fromEntries(SHAPES.map((shape) => [shape.name, shape.query('{resolution}')])),
    datasets: results,
    askOverBareRouteMin: askGoal,
  };
  writeResults(
    'sparql',
    { ...document, machine: machine(), loadChangeLimit: LOAD_CHANGE_LIMIT },
    {
      title: 'SPARQL endpoint: latency per query shape and HTTP throughput',
      method: `Latency: median of ${RUNS} runs after ${WARMUP}, in the engine and through HTTP. Throughput: autocannon in its own process, ${THROUGHPUT_SECONDS} s per run, against the endpoint and a bare fastify route answering the same bytes. Ratios are not reported for a dataset whose throughput runs saw the one-minute load average move more than ${LOAD_CHANGE_LIMIT}. ${document.when}.`,
      tables: results.flatMap((result) => [
        {
          caption: `${result.name}: latency (ms)`,
          rows: result.latency.map((row) => ({
            shape: row.shape,
            engine: row.engine.medianMs,
            HTTP: row.http.medianMs,
            'HTTP / engine': row.httpOverEngine,
            'result bytes': row.resultBytes,
          })),
        },
        {
          caption: `${result.name}: throughput (load average ${result.loadBefore} → ${result.loadAfter})`,
          rows: result.throughput.map((row) => ({
            ...row,
            'vs bare route': row.target === BARE ? 1 : (result.overBareRoute?.[row.target][row.connections] ?? null),
          })),
        },
      ]),
    },
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
