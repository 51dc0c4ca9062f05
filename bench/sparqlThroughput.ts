/** npm run bench:ask — `ASK {}` throughput of the service's SPARQL endpoint against two floors,
 *  side by side in one run:
 *
 *  - a bare fastify route answering the same bytes (what HTTP through fastify costs), and
 *  - a bare oxigraph endpoint (npm oxigraph behind plain node:http, bench/bareOxigraphEndpoint.ts,
 *    in its own process, holding the same data).
 *
 *  The client is autocannon in a process of its own. The service runs with the result cache off
 *  (every request is evaluated by a query worker) unless `--result-cache`. For each number of
 *  connections the three targets are measured in turn, ROUNDS times (the order rotating), each
 *  run SECONDS long after a warm-up; the load average is printed around each round and a round
 *  during which it moved more than LOAD_CHANGE_LIMIT gives no ratio. Ratios are the median of
 *  the rounds that do.
 *
 *  Usage: tsx bench/sparqlThroughput.ts [rounds=3] [seconds=4] [--result-cache]
 *  Writes bench/results/ask-throughput.json and .md (ask-throughput-result-cache.* with
 *  --result-cache). */
import { execFile, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createStore, DEFAULT_WORKERS } from '../src/graph';
import { projectSources } from './queryShapes';
import { LOAD_CHANGE_LIMIT, machine, oversubscribed, range, underLoadWatch } from './lib/machineLoad';
import { writeResults } from './lib/writeResults';

const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const TSX = require.resolve('tsx/cli');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ROUNDS = Number(args[0] ?? 3);
const SECONDS = Number(args[1] ?? 4);
const RESULT_CACHE = process.argv.includes('--result-cache');
const CONNECTIONS = [10, 50] as const;
const JSON_RESULTS = 'application/sparql-results+json';
const ASK = 'ASK {}';
const TARGETS = ['service', 'bare fastify', 'bare oxigraph'] as const;
type Target = (typeof TARGETS)[number];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round2 = (n: number) => Number(n.toFixed(2));

async function autocannon(url: string, connections: number, seconds: number): Promise<{ rps: number; p50: number; p99: number; failures: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [AUTOCANNON, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-H', `accept=${JSON_RESULTS}`, url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** The bare oxigraph endpoint in its own process; resolves with its URL once loaded. */
function bareOxigraph(files: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [TSX, join(__dirname, 'bareOxigraphEndpoint.ts'), ...files], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bare oxigraph endpoint ended (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^listening (\d+)$/.exec(line)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}/sparql`, stop: () => child.stdin!.end() });
    });
  });
}

async function main(): Promise<void> {
  const sources = projectSources();
  const store = await createStore({ sources, workers: DEFAULT_WORKERS, resultCache: RESULT_CACHE });
  const app = await buildApp(loadConfig({ UNKG_LOG_LEVEL: 'silent', UNKG_JOURNAL: 'none', UNKG_RESULT_CACHE: RESULT_CACHE ? 'on' : 'off' }), { store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const query = `?query=${encodeURIComponent(ASK)}`;
  const serviceUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/sparql${query}`;
  const answer = await fetch(serviceUrl, { headers: { accept: JSON_RESULTS } });
  const contentType = answer.headers.get('content-type') ?? JSON_RESULTS;
  const bytes = await answer.text();
  const bare = Fastify({ logger: false });
  bare.get('/sparql', (_request, reply) => reply.type(contentType).send(bytes));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const oxigraph = await bareOxigraph(sources.flatMap((s) => (s.path ? [s.path] : [])));
  const urls: Record<Target, string> = {
    service: serviceUrl,
    'bare fastify': `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/sparql${query}`,
    'bare oxigraph': `${oxigraph.url}${query}`,
  };
  for (const [target, url] of Object.entries(urls)) {
    const body = await (await fetch(url, { headers: { accept: JSON_RESULTS } })).text();
    if (JSON.parse(body).boolean !== true) throw new Error(`${target} does not answer ASK {} with true: ${body}`);
  }
  console.log(
    `ASK {} throughput: node ${process.version}, ${machine().cores} cores, ${DEFAULT_WORKERS} query workers, result cache ${RESULT_CACHE ? 'on' : 'off'}; ${ROUNDS} rounds of ${SECONDS} s per target; load average now ${machine().loadAverage.join(' ')}`,
  );
  try {
    for (const url of Object.values(urls)) await autocannon(url, 50, 1);
    const runs: Array<{ connections: number; round: number; target: Target; rps: number; p50: number; p99: number; failures: number }> = [];
    const rounds: Array<{
      connections: number;
      round: number;
      loadBefore: number;
      loadAfter: number;
      reported: boolean;
      overFastify: number;
      overOxigraph: number;
    }> = [];
    for (const connections of CONNECTIONS) {
      for (let round = 0; round < ROUNDS; round++) {
        const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]);
        const { value, load } = await underLoadWatch(`${connections} connections, round ${round + 1}`, async () => {
          const rate: Partial<Record<Target, number>> = {};
          for (const target of order) {
            const result = await autocannon(urls[target], connections, SECONDS);
            runs.push({ connections, round: round + 1, target, ...result });
            rate[target] = result.rps;
            process.stdout.write(
              `    ${target}: ${result.rps} req/s (p50 ${result.p50} ms, p99 ${result.p99} ms${result.failures ? `, ${result.failures} failures` : ''})\n`,
            );
          }
          return rate as Record<Target, number>;
        });
        rounds.push({
          connections,
          round: round + 1,
          loadBefore: load.before,
          loadAfter: load.after,
          reported: !load.changed,
          overFastify: round2(value.service / value['bare fastify']),
          overOxigraph: round2(value.service / value['bare oxigraph']),
        });
      }
    }
    const summary = CONNECTIONS.map((connections) => {
      const kept = rounds.filter((r) => r.connections === connections && r.reported);
      const rate = (target: Target) =>
        median(runs.filter((r) => r.connections === connections && r.target === target && kept.some((k) => k.round === r.round)).map((r) => r.rps));
      return {
        connections,
        roundsReported: kept.length,
        'service req/s': kept.length ? rate('service') : null,
        'bare fastify req/s': kept.length ? rate('bare fastify') : null,
        'bare oxigraph req/s': kept.length ? rate('bare oxigraph') : null,
        'service / bare fastify': kept.length ? round2(median(kept.map((r) => r.overFastify))) : null,
        'service / bare oxigraph': kept.length ? round2(median(kept.map((r) => r.overOxigraph))) : null,
        'range / fastify': range(kept.map((r) => r.overFastify)),
        'range / oxigraph': range(kept.map((r) => r.overOxigraph)),
        oversubscribed: kept.some((r) => oversubscribed(r.loadBefore)),
      };
    });
    console.table(summary);
    for (const row of summary) {
      if (row.oversubscribed)
        console.log(
          `${row.connections} connections: the load average was above the ${machine().cores} cores — other work decided each side's share of CPU; read the ratios with their range`,
        );
      if (!row.roundsReported)
        console.log(`${row.connections} connections: the load average moved more than ${LOAD_CHANGE_LIMIT} in every round — no ratio reported`);
    }
    writeResults(
      RESULT_CACHE ? 'ask-throughput-result-cache' : 'ask-throughput',
      {
        when: new Date().toISOString(),
        node: process.version,
        machine: machine(),
        queryWorkers: DEFAULT_WORKERS,
        resultCache: RESULT_CACHE,
        rounds: ROUNDS,
        seconds: SECONDS,
        loadChangeLimit: LOAD_CHANGE_LIMIT,
        summary,
        rounds_: rounds,
        runs,
      },
      {
        title: 'ASK {} throughput: the service against a bare fastify route and a bare oxigraph endpoint',
        method: `autocannon in its own process, ${SECONDS} s per run, ${ROUNDS} rounds per number of connections, targets in rotating order; the service with ${DEFAULT_WORKERS} query workers and the result cache ${RESULT_CACHE ? 'on' : 'off'}; the bare oxigraph endpoint is npm oxigraph behind node:http in its own process. A round whose one-minute load average moved more than ${LOAD_CHANGE_LIMIT} gives no ratio. Machine: ${machine().cores} cores (${machine().cpuModel}), node ${process.version}, ${new Date().toISOString()}.`,
        tables: [
          { caption: 'Summary (medians of the reported rounds)', rows: summary },
          { caption: 'Rounds', rows: rounds },
        ],
      },
    );
  } finally {
    oxigraph.stop();
    await bare.close();
    await app.close();
    await store.close();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
