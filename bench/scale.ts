/** npm run bench:scale — the service on the embedded store, the service on Virtuoso, and
 *  Virtuoso's own /sparql, side by side in one run, on the synthetic corpus of bench:sparql
 *  (about one million triples by default).
 *
 *  Each service runs as its own process (node, as in production), with the result cache off;
 *  Virtuoso is a private instance (scripts/virtuoso/start.sh) loaded with `unkg publish`.
 *  For each of the six query shapes of the bench harness (bench/queryShapes.ts): latency (the
 *  median of RUNS requests after WARMUP, one at a time, keep-alive fetch, body read) and
 *  throughput with autocannon (a separate process) at 1, 10 and 50 connections. Also: the
 *  time to ready of each service, the publish time, and the resident memory of each process
 *  after the run. Virtuoso's own endpoint answers its own semantics (its default graph is the
 *  bag union of every graph, its system graphs included); the service adds the store
 *  contract's set semantics on top, and that cost is part of what is measured.
 *
 *  Usage: tsx bench/scale.ts [target triples=1000000]. Writes bench/results/scale.json and
 *  bench/results/scale.md. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startVirtuoso, type PrivateVirtuoso } from '../scripts/virtuoso/privateVirtuoso';
import { SCRATCH, SHAPES, syntheticDataset } from './queryShapes';

const ROOT = join(__dirname, '..');
const RESULTS_JSON = join(__dirname, 'results', 'scale.json');
const RESULTS_MD = join(__dirname, 'results', 'scale.md');
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TARGET_TRIPLES = Number(process.argv[2] ?? 1_000_000);
const WARMUP = 3;
const RUNS = 15;
const CONNECTIONS = [1, 10, 50] as const;
const THROUGHPUT_SECONDS = 5;
const THROUGHPUT_WARMUP_SECONDS = 1;
const QUERY_TIMEOUT_MS = 120_000;
/** Virtuoso's page buffers for the run (8 KiB each: about 1.6 GiB). */
const VIRTUOSO_BUFFERS = 200_000;
/** What the acceptance asks of the Virtuoso-backed service against Virtuoso's own endpoint. */
const GOALS = { latencyRatioMax: 1.3, throughputRatioMin: 0.8 };

const run = promisify(execFile);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const log = (line: string) => process.stdout.write(`${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, in MiB. */
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? round(Number(match[1]) / 1024, 0) : Number.NaN;
}

interface Service {
  name: string;
  endpoint: string;
  pid: number;
  readySeconds: number;
  stop(): Promise<void>;
}

/** Starts the service (src/server.ts under node) with the given environment; resolves when
 *  /health/ready answers 200. */
async function startService(name: string, env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'src', 'server.ts')], {
    env: {
      ...process.env,
      UNKG_HOST: '127.0.0.1',
      UNKG_PORT: String(port),
      UNKG_LOG_LEVEL: 'warn',
      UNKG_RESULT_CACHE: 'off',
      UNKG_JOURNAL: 'none',
      UNKG_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      // The load generator is one address standing for many clients: the per-address rate
      // limit and per-client query share would measure admission, not capacity.
      UNKG_RATE_LIMIT: '0',
      UNKG_CLIENT_QUERIES: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/`;
  const tick = setInterval(() => log(`  ${name}: starting… ${((Date.now() - started) / 1000).toFixed(0)} s`), 10_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} ended during start (exit ${child.exitCode})`);
      const ready = await fetch(`${base}health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    clearInterval(tick);
  }
  const readySeconds = round((Date.now() - started) / 1000, 1);
  log(`  ${name}: ready in ${readySeconds} s, ${rssMiB(child.pid!)} MiB resident`);
  return {
    name,
    endpoint: `${base}sparql`,
    pid: child.pid!,
    readySeconds,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---- measurements -----------------------------------------------------------------------

interface Target {
  name: string;
  endpoint: string;
}

const queryUrl = (endpoint: string, query: string) => `${endpoint}?query=${encodeURIComponent(query)}`;

async function request(endpoint: string, query: string, accept: string): Promise<number> {
  const response = await fetch(queryUrl(endpoint, query), { headers: { accept, 'cache-control': 'no-cache' } });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${endpoint}: ${body.slice(0, 500)}`);
  return Buffer.byteLength(body);
}

async function latency(endpoint: string, query: string, accept: string): Promise<{ medianMs: number; p90Ms: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) bytes = await request(endpoint, query, accept);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await request(endpoint, query, accept);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: round(samples[Math.floor(samples.length / 2)]), p90Ms: round(samples[Math.floor(samples.length * 0.9)]), bytes };
}

interface Cannon {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function autocannon(url: string, accept: string, connections: number, seconds: number): Promise<Cannon> {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-H', `accept=${accept}`, url],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Cannon;
}

interface ShapeResult {
  shape: string;
  latency: Record<string, { medianMs: number; p90Ms: number; bytes: number }>;
  throughput: Record<string, Record<number, { requestsPerSecond: number; p50Ms: number; p99Ms: number; failures: number }>>;
  serviceOverVirtuoso: { latency: number; throughput: Record<number, number> };
}

async function measureShapes(targets: Target[], resolution: string): Promise<ShapeResult[]> {
  const results: ShapeResult[] = [];
  for (const shape of SHAPES) {
    const query = shape.query(resolution);
    const result: ShapeResult = { shape: shape.name, latency: {}, throughput: {}, serviceOverVirtuoso: { latency: 0, throughput: {} } };
    for (const target of targets) {
      const timing = await latency(target.endpoint, query, shape.accept);
      result.latency[target.name] = timing;
      log(`  ${shape.name} on ${target.name}: median ${timing.medianMs} ms (p90 ${timing.p90Ms} ms, ${timing.bytes} bytes)`);
      const url = queryUrl(target.endpoint, query);
      await autocannon(url, shape.accept, CONNECTIONS[CONNECTIONS.length - 1], THROUGHPUT_WARMUP_SECONDS);
      result.throughput[target.name] = {};
      for (const connections of CONNECTIONS) {
        const cannon = await autocannon(url, shape.accept, connections, THROUGHPUT_SECONDS);
        const row = {
          requestsPerSecond: round(cannon.requests.average, 1),
          p50Ms: cannon.latency.p50,
          p99Ms: cannon.latency.p99,
          failures: cannon.errors + cannon.timeouts + cannon.non2xx,
        };
        result.throughput[target.name][connections] = row;
        log(
          `  ${shape.name} on ${target.name}, ${connections} connection(s): ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.failures} failures`,
        );
      }
    }
    const service = 'service on Virtuoso';
    const own = "Virtuoso's /sparql";
    result.serviceOverVirtuoso.latency = round(result.latency[service].medianMs / result.latency[own].medianMs);
    for (const c of CONNECTIONS)
      result.serviceOverVirtuoso.throughput[c] = round(result.throughput[service][c].requestsPerSecond / result.throughput[own][c].requestsPerSecond);
    results.push(result);
  }
  return results;
}

// ---- report -----------------------------------------------------------------------------

function markdown(report: Report): string {
  const names = report.targets;
  const lines = [
    `# bench:scale — ${report.quads.toLocaleString('en')} quads (${report.documents} synthetic resolutions)`,
    '',
    `${report.when}; node ${report.node}; ${report.cpus} cores (${report.cpuModel}); ${report.memoryGiB} GiB. Result cache off. ` +
      `Latency: median of ${RUNS} sequential requests after ${WARMUP}; throughput: autocannon, ${THROUGHPUT_SECONDS} s per point.`,
    '',
    '| | embedded service | service on Virtuoso | Virtuoso |',
    '|---|---|---|---|',
    `| ready after start | ${report.readySeconds.embedded} s (loads the data) | ${report.readySeconds.remote} s | ${report.virtuosoStartSeconds} s (start) |`,
    `| data in | (loaded at start) | publish: ${report.publishSeconds} s | |`,
    `| resident memory after the run | ${report.rssMiB.embedded} MiB | ${report.rssMiB.remote} MiB | ${report.rssMiB.virtuoso} MiB |`,
    '',
    '## Latency (median ms)',
    '',
    `| shape | ${names.join(' | ')} | service on Virtuoso / Virtuoso (goal ≤ ${GOALS.latencyRatioMax}) |`,
    `|---|${names.map(() => '---|').join('')}---|`,
    ...report.shapes.map((s) => `| ${s.shape} | ${names.map((n) => s.latency[n].medianMs).join(' | ')} | ${s.serviceOverVirtuoso.latency} |`),
    '',
    '## Throughput (requests/s)',
    '',
    `| shape | connections | ${names.join(' | ')} | service on Virtuoso / Virtuoso (goal ≥ ${GOALS.throughputRatioMin}) |`,
    `|---|---|${names.map(() => '---|').join('')}---|`,
    ...report.shapes.flatMap((s) =>
      CONNECTIONS.map(
        (c) =>
          `| ${s.shape} | ${c} | ${names.map((n) => `${s.throughput[n][c].requestsPerSecond}${s.throughput[n][c].failures ? ` (${s.throughput[n][c].failures} failed)` : ''}`).join(' | ')} | ${s.serviceOverVirtuoso.throughput[c]} |`,
      ),
    ),
    '',
    `Goals met: latency ${report.goals.latency ? 'yes' : 'NO'}, throughput ${report.goals.throughput ? 'yes' : 'NO'}.`,
    '',
  ];
  return lines.join('\n');
}

interface Report {
  when: string;
  node: string;
  cpus: number;
  cpuModel?: string;
  memoryGiB: number;
  quads: number;
  documents: number;
  targets: string[];
  readySeconds: { embedded: number; remote: number };
  virtuosoStartSeconds: number;
  publishSeconds: number;
  rssMiB: { embedded: number; remote: number; virtuoso: number };
  queries: Record<string, string>;
  shapes: ShapeResult[];
  goals: { latency: boolean; throughput: boolean };
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`bench:scale: node ${process.version}, ${cpus().length} cores, target ${TARGET_TRIPLES.toLocaleString('en')} triples`);
  const dataset = syntheticDataset(TARGET_TRIPLES);
  const graphDir = join(SCRATCH, 'scale-graph');
  rmSync(graphDir, { recursive: true, force: true });
  mkdirSync(graphDir, { recursive: true });
  copyFileSync(dataset.sources[0].path!, join(graphDir, 'synthetic-corpus.nq'));
  const dataEnv = { UNKG_GRAPH_DIR: graphDir, UNKG_ONTOLOGY_DIR: join(ROOT, 'ontology'), UNKG_REFERENCE_DIR: join(ROOT, 'data', 'reference') };

  let virtuoso: PrivateVirtuoso | undefined;
  const services: Service[] = [];
  try {
    log('embedded store: the service loads the corpus');
    const embedded = await startService('embedded service', dataEnv);
    services.push(embedded);
    const quads = Number(
      (
        await (await fetch(queryUrl(embedded.endpoint, 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'), { headers: { accept: 'text/csv' } })).text()
      ).split('\r\n')[1],
    );
    log(`  ${quads.toLocaleString('en')} quads in named graphs`);

    log('Virtuoso: a private instance, then `unkg publish`');
    const virtuosoStarted = Date.now();
    virtuoso = await startVirtuoso({ buffers: VIRTUOSO_BUFFERS });
    const virtuosoStartSeconds = round((Date.now() - virtuosoStarted) / 1000, 1);
    const remoteEnv = { ...virtuoso.env, ...dataEnv };
    const publishStarted = Date.now();
    const published = await run(TSX, [join(ROOT, 'src', 'cli.ts'), 'publish', '--graph', graphDir], {
      env: { ...process.env, ...remoteEnv },
      maxBuffer: 16 * 1024 * 1024,
    });
    const publishSeconds = round((Date.now() - publishStarted) / 1000, 1);
    log(`  ${published.stdout.trim()} (${publishSeconds} s)`);
    const remote = await startService('service on Virtuoso', { ...remoteEnv, UNKG_REMOTE_CONNECTIONS: '64' });
    services.push(remote);

    const targets: Target[] = [
      { name: 'embedded service', endpoint: embedded.endpoint },
      { name: 'service on Virtuoso', endpoint: remote.endpoint },
      { name: "Virtuoso's /sparql", endpoint: virtuoso.publicQueryUrl },
    ];
    log('query shapes');
    const shapes = await measureShapes(targets, dataset.resolution);
    const report: Report = {
      when: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      quads,
      documents: dataset.documents,
      targets: targets.map((t) => t.name),
      readySeconds: { embedded: embedded.readySeconds, remote: remote.readySeconds },
      virtuosoStartSeconds,
      publishSeconds,
      rssMiB: { embedded: rssMiB(embedded.pid), remote: rssMiB(remote.pid), virtuoso: rssMiB(virtuoso.pid) },
      queries: Object.fromEntries(SHAPES.map((shape) => [shape.name, shape.query('{resolution}')])),
      shapes,
      goals: {
        latency: shapes.every((s) => s.serviceOverVirtuoso.latency <= GOALS.latencyRatioMax),
        throughput: shapes.every((s) => CONNECTIONS.every((c) => s.serviceOverVirtuoso.throughput[c] >= GOALS.throughputRatioMin)),
      },
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(RESULTS_JSON, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(RESULTS_MD, markdown(report));
    log(`\n${markdown(report)}`);
    log(`Results in ${RESULTS_JSON} and ${RESULTS_MD}; ${Math.round((Date.now() - started) / 1000)} s in all`);
  } finally {
    for (const service of services) await service.stop();
    await virtuoso?.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
