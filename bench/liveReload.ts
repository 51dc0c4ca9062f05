/** npm run bench:live: how long a resolution built with `unkg build` takes to show in a
 *  running service (UNKG_WATCH=on), measured from the end of the build process to the first
 *  SPARQL answer that has it, then to the first GraphQL answer. A copy of data/sources and
 *  data/reference in a temporary folder; the project's data is not touched.
 *  Writes bench/results/live-reload.json. Usage: tsx bench/liveReload.ts [rounds=5] */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';
import { DEFAULT_BASE } from '../src/vocab';

const ROOT = join(__dirname, '..');
const ROUNDS = Math.max(1, Number(process.argv[2] ?? 5));
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;
const TEMPLATE = join(ROOT, 'tests/fixtures/ingest/A-RES-72-195.en.md');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function until(check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`not visible after ${GIVE_UP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-bench-live-'));
  const sources = join(dir, 'sources');
  const reference = join(dir, 'reference');
  const graph = join(dir, 'graph');
  cpSync(join(ROOT, 'data/sources'), sources, { recursive: true });
  cpSync(join(ROOT, 'data/reference'), reference, { recursive: true });
  mkdirSync(graph);
  const build = () => {
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'src/cli.ts'),
        'build',
        '--sources',
        sources,
        '--out',
        graph,
        '--reference',
        reference,
        '--no-clauses',
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return Date.now() - started;
  };
  build();
  const server = await startServer(
    loadConfig({ UNKG_PORT: '0', UNKG_JOURNAL: 'none', UNKG_LOG_LEVEL: 'silent', UNKG_GRAPH_DIR: graph, UNKG_REFERENCE_DIR: reference }),
  );
  const rounds: Array<{ symbol: string; buildMs: number; sparqlMs: number; graphqlMs: number }> = [];
  try {
    for (let i = 1; i <= ROUNDS; i++) {
      const number = `99/${900 + i}`;
      const symbol = `A/RES/${number}`;
      writeFileSync(join(sources, `A-RES-99-${900 + i}.en.md`), readFileSync(TEMPLATE, 'utf8').replaceAll('72/195', number));
      const buildMs = build();
      const built = Date.now();
      await until(async () => {
        const query = `ASK { ?p <http://data.europa.eu/eli/ontology#is_part_of> <${DEFAULT_BASE}eli/un/${symbol}> }`;
        const response = await fetch(`${server.url}sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
        return ((await response.json()) as { boolean: boolean }).boolean;
      });
      const sparqlMs = Date.now() - built;
      await until(async () => {
        const response = await fetch(`${server.url}graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ resolution(symbol: "${symbol}") { symbol } }` }),
        });
        return ((await response.json()) as { data?: { resolution: unknown } }).data?.resolution != null;
      });
      rounds.push({ symbol, buildMs, sparqlMs, graphqlMs: Date.now() - built });
      process.stdout.write(`${symbol}: build ${buildMs} ms, then in SPARQL after ${sparqlMs} ms, in GraphQL after ${Date.now() - built} ms\n`);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    what: 'time from the end of `unkg build` to the first answer that has the new resolution, in a running service watching its graph folder',
    when: new Date().toISOString(),
    node: process.version,
    pollMs: POLL_MS,
    rounds,
    medianSparqlMs: median(rounds.map((r) => r.sparqlMs)),
    medianGraphqlMs: median(rounds.map((r) => r.graphqlMs)),
    maxGraphqlMs: Math.max(...rounds.map((r) => r.graphqlMs)),
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/live-reload.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`median ${result.medianSparqlMs} ms (SPARQL), ${result.medianGraphqlMs} ms (GraphQL); written to bench/results/live-reload.json\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
