/** npm run bench:default-graph — what the default graph as a set costs, side by side in one
 *  run on the same synthetic corpus (about one million quads, the bench harness's corpus:
 *  synthetic resolutions through the real ingest, each in its own graph, plus the ontology and
 *  the reference data).
 *
 *  Two engines, each in its own child process so that memory is measured apart (WebAssembly
 *  memory never shrinks once grown):
 *  - bag: oxigraph with its own union of graphs (`use_default_graph_as_union`), as the store
 *    answered before: a triple stated in two graphs matches twice;
 *  - set: the store's engine, whose default graph is the materialised merge.
 *  For each: load time (sources plus building the merge), resident memory after the load, and
 *  the median latency of the six query shapes of the bench harness (bench/queryShapes.ts) in the engine (no HTTP), with
 *  the rows each returns (the set engine's are the right ones).
 *
 *  Usage: tsx bench/defaultGraph.ts [target quads=1000000]. Writes
 *  bench/results/default-graph.json and .md. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readReference } from '../src/commands';
import { createEngine, finishLoading, type StoreSource } from '../src/graph';
import { loadSource, runQuery } from '../src/graph/embedded/worker/engine';
import { gazetteerFromQuads, ingestText, toNQuads } from '../src/ingest';
import { createIriScheme, DEFAULT_BASE, NS } from '../src/vocab';
import { JSON_RESULTS, SHAPES, vocabularySources } from './queryShapes';
import { syntheticResolution } from './syntheticCorpus';

const ROOT = join(__dirname, '..');
const SCRATCH = join(ROOT, 'var', 'bench');
const RESULTS = join(__dirname, 'results');
const WARMUP = 3;
const RUNS = 15;
const PREFIXES = `PREFIX eli: <${NS.eli}>\nPREFIX unkg: <${NS.unkg}>\nPREFIX schema: <${NS.schema}>\n`;

/** A citation count that the bag union inflates: the cited documents' ids are stated in their
 *  citing resolution's graph and in the reference graph. */
const CITING_COUNT = `${PREFIXES}SELECT (COUNT(*) AS ?n) WHERE { ?p eli:cites ?d . ?d eli:id_local ?id }`;

interface ModeResult {
  mode: 'bag' | 'set';
  loadSeconds: number;
  residentMiB: number;
  quads: number;
  shapes: Array<{ shape: string; medianMs: number; bytes: number }>;
  citingCount: string;
}

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function corpus(targetQuads: number): { sources: StoreSource[]; resolution: string } {
  const iris = createIriScheme(DEFAULT_BASE);
  const path = join(SCRATCH, `default-graph-corpus-${targetQuads}.nq`);
  const first = ingestText(syntheticResolution(0, 'fr').text, syntheticResolution(0, 'fr').name, {
    iris,
    gazetteer: gazetteerFromQuads(readReference(join(ROOT, 'data', 'reference'))),
  });
  if (!existsSync(path)) {
    const gazetteer = gazetteerFromQuads(readReference(join(ROOT, 'data', 'reference')));
    const chunks: string[] = [];
    let quads = 0;
    for (let index = 0; quads < targetQuads; index++) {
      const { name, text } = syntheticResolution(index, index % 2 === 0 ? 'fr' : 'en');
      const result = ingestText(text, name, { iris, gazetteer });
      chunks.push(toNQuads(result.quads));
      quads += result.quads.length;
      if (index % 100 === 0) process.stdout.write(`\rgenerating the corpus: ${quads} quads`);
    }
    process.stdout.write('\n');
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(path, chunks.join(''));
  }
  return {
    sources: [{ path, format: 'application/n-quads' }, ...vocabularySources()],
    resolution: first.analysis.iri,
  };
}

/** One mode, in this process (the child). */
function runMode(mode: 'bag' | 'set', targetQuads: number): ModeResult {
  const { sources, resolution } = corpus(targetQuads);
  const started = process.hrtime.bigint();
  const engine = createEngine({ unionDefaultGraph: mode === 'set' });
  for (const source of sources) loadSource(engine, source);
  finishLoading(engine);
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ask = (query: string, format: string): string =>
    mode === 'set'
      ? runQuery(engine, { sparql: query, format })
      : (engine.query(query, { results_format: format, use_default_graph_as_union: true }) as string);
  const shapes = SHAPES.map((shape) => {
    const query = shape.query(resolution);
    let body = '';
    for (let i = 0; i < WARMUP; i++) body = ask(query, shape.accept);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const at = process.hrtime.bigint();
      ask(query, shape.accept);
      samples.push(Number(process.hrtime.bigint() - at) / 1e6);
    }
    return { shape: shape.name, medianMs: round(median(samples)), bytes: Buffer.byteLength(body) };
  });
  const counted = JSON.parse(ask(CITING_COUNT, JSON_RESULTS)) as { results: { bindings: Array<{ n: { value: string } }> } };
  return {
    mode,
    loadSeconds: round(loadSeconds),
    residentMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    quads: engine.size,
    shapes,
    citingCount: counted.results.bindings[0].n.value,
  };
}

function main(): void {
  const target = Number(process.argv[2] ?? 1_000_000);
  if (process.argv[3] === '--mode') {
    process.stdout.write(`RESULT ${JSON.stringify(runMode(process.argv[4] as 'bag' | 'set', target))}\n`);
    return;
  }
  corpus(target);
  // Each mode runs twice, in the order bag, set, set, bag, so that a change in the machine's
  // load during the run weighs on both alike; each figure is the better of its two runs.
  const results: ModeResult[] = [];
  for (const mode of ['bag', 'set', 'set', 'bag'] as const) {
    console.log(`${mode}: loading and querying in a child process… (load average ${loadavg()[0].toFixed(2)})`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, String(target), '--mode', mode], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    results.push(
      JSON.parse(
        output
          .split('\n')
          .find((line) => line.startsWith('RESULT '))!
          .slice('RESULT '.length),
      ) as ModeResult,
    );
  }
  const best = (mode: 'bag' | 'set'): ModeResult => {
    const [a, b] = results.filter((result) => result.mode === mode);
    return {
      ...a,
      loadSeconds: Math.min(a.loadSeconds, b.loadSeconds),
      residentMiB: Math.min(a.residentMiB, b.residentMiB),
      shapes: a.shapes.map((shape, i) => ({ ...shape, medianMs: Math.min(shape.medianMs, b.shapes[i].medianMs) })),
    };
  };
  const [bag, set] = [best('bag'), best('set')];
  const rows = SHAPES.map(
    (shape, i) => `| ${shape.name} | ${bag.shapes[i].medianMs} | ${set.shapes[i].medianMs} | ${round(set.shapes[i].medianMs / bag.shapes[i].medianMs)} |`,
  );
  const markdown = [
    `# The default graph as a set: cost (${target} target quads)`,
    '',
    `Load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at the end; each figure the better of two runs.`,
    '',
    '| | bag union (before) | merge (now) |',
    '|---|---|---|',
    `| quads held by the engine | ${bag.quads} | ${set.quads} |`,
    `| load, s | ${bag.loadSeconds} | ${set.loadSeconds} |`,
    `| resident memory after load, MiB | ${bag.residentMiB} | ${set.residentMiB} |`,
    `| citing paragraphs x cited ids (COUNT) | ${bag.citingCount} | ${set.citingCount} |`,
    '',
    '| shape | bag, median ms | merge, median ms | ratio |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'default-graph.json'), `${JSON.stringify({ target, warmup: WARMUP, runs: RUNS, results }, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'default-graph.md'), markdown);
  console.log(markdown);
}

main();
