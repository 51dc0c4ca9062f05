#!/usr/bin/env node
/** unkg: build | validate | stats | query | serve. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { buildGraph, compactIri, graphStats, turtlePrefixes } from './build';
import { IngestError } from './ingest';
import { DEFAULT_BASE } from './vocab';

const ROOT = resolve(__dirname, '..');
const USAGE = `usage: unkg <command> [options]

  build [files...]   parse resolutions (default: data/sources/*.md) into data/graph/
                     --out DIR (data/graph) --reference DIR (data/reference) --base IRI
                     --sdg FILE: the UN SDG vocabulary (all targets' wording for similarity
                     links, written as data/graph/sdg-kos.nq)
  validate           check data/graph against the SHACL shapes (non-zero exit on violation)
                     --graph DIR (data/graph)
  stats              counts per class and property of data/graph   --graph DIR --json
  query SPARQL       run a query on data/graph, ontology and reference data (text or @file.rq)
  serve              start the HTTP service (see README for its environment variables)
  publish            replace each named graph of data/graph, the ontology and the reference data
                     in the remote store of UNKG_STORE=remote and UNKG_REMOTE_* (one atomic
                     write per graph)   --graph DIR (data/graph)
`;

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags.set(k, v);
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(k, argv[++i]);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

const flag = (a: Args, name: string, fallback: string): string => {
  const v = a.flags.get(name);
  return typeof v === 'string' ? v : fallback;
};

function sourcesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f) && !/^README/i.test(f)).sort().map((f) => join(dir, f)) : [];
}

export function readGraphDir(dir: string): Quad[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run \`unkg build\` first`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nq'))
    .sort()
    .flatMap((f) => new Parser({ format: 'N-Quads' }).parse(readFileSync(join(dir, f), 'utf8')));
}

function progressReporter(total: number): (done: number, all: number, file: string) => void {
  const started = Date.now();
  let last = 0;
  return (done, all, file) => {
    const now = Date.now();
    if (total < 10 || (now - last < 500 && done !== all)) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / all) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${all} ${((done / Math.max(1, now - started)) * 1000).toFixed(0)} docs/s ${file.slice(-40).padEnd(40)}`);
    if (done === all) process.stderr.write('\n');
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  const base = flag(args, 'base', DEFAULT_BASE);
  const graphDir = resolve(flag(args, 'graph', flag(args, 'out', join(ROOT, 'data/graph'))));
  switch (command) {
    case 'build': {
      const inputs = args.positional.length ? args.positional : sourcesIn(join(ROOT, 'data/sources'));
      if (inputs.length === 0) throw new Error('no input documents (give files, or put them in data/sources/)');
      const result = buildGraph({
        inputs,
        outDir: graphDir,
        referenceDir: resolve(flag(args, 'reference', join(ROOT, 'data/reference'))),
        clausesFile: args.flags.has('no-clauses') ? undefined : join(ROOT, 'ontology/clauses.ttl'),
        base,
        sdgFile: typeof args.flags.get('sdg') === 'string' ? resolve(args.flags.get('sdg') as string) : undefined,
        onProgress: progressReporter(inputs.length),
      });
      for (const d of result.documents) {
        for (const w of d.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`${d.symbol}  ${d.quads} quads  <${d.iri}>  ${d.outputs.join(' ')}\n`);
      }
      return 0;
    }
    case 'validate': {
      const { validateDirectory } = await import('./build/validateDirectory');
      const report = await validateDirectory({ graphDir, root: ROOT, base });
      process.stdout.write(report.text + '\n');
      return report.conforms ? 0 : 1;
    }
    case 'stats': {
      const s = graphStats(readGraphDir(graphDir));
      if (args.flags.has('json')) {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return 0;
      }
      const p = turtlePrefixes(base);
      process.stdout.write(`${s.quads} quads, ${s.graphs} graphs, ${s.subjects} subjects\n\nclass\tinstances\n`);
      for (const c of s.classes) process.stdout.write(`${compactIri(c.iri, p)}\t${c.count}\n`);
      process.stdout.write('\nproperty\ttriples\n');
      for (const c of s.properties) process.stdout.write(`${compactIri(c.iri, p)}\t${c.count}\n`);
      return 0;
    }
    case 'query': {
      const q = args.positional[0];
      if (!q) throw new Error('query needs a SPARQL query (text or @file.rq)');
      const text = q.startsWith('@') ? readFileSync(q.slice(1), 'utf8') : q;
      const { localStore } = await import('./build/localStore');
      const store = localStore({ graphDir, root: ROOT, base });
      const format = flag(args, 'format', 'text/tab-separated-values');
      const out = store.query(text, { results_format: format, use_default_graph_as_union: true });
      process.stdout.write(typeof out === 'string' ? out : JSON.stringify(out));
      process.stdout.write('\n');
      return 0;
    }
    case 'publish': {
      const { loadConfig } = await import('./config');
      const { openStore } = await import('./openStore');
      const { discoverSources } = await import('./graph');
      const { publishGraph } = await import('./build/publishGraph');
      const config = loadConfig({ ...process.env, UNKG_GRAPH_DIR: graphDir });
      if (!config.remoteStore) throw new Error('publish needs a remote store: set UNKG_STORE=remote and the UNKG_REMOTE_* variables');
      const { sources, warnings } = discoverSources({ ...config.data, base: config.base });
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      const { store, description } = await openStore(config);
      try {
        process.stderr.write(`publishing ${sources.length} files to the ${description}\n`);
        const report = progressReporter(10);
        const result = await publishGraph(store, sources, (done, all, graph) => report(done, all, graph));
        process.stdout.write(`${result.graphs.length} graphs, ${result.quads} quads published in ${result.ms} ms\n`);
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'serve': {
      const { main: serve } = await import('./server');
      await serve();
      return -1;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  // `unkg stats | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof IngestError ? e.message : (e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

export { main };
