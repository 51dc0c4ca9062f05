#!/usr/bin/env node
/** unkg: build | validate | stats | query | export | serve.
 *
 *  Every command and flag is declared once, in COMMANDS: the parser (node:util parseArgs,
 *  strict), the usage texts and `--help` all come from that table. A flag is one line. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import {
  buildGraph,
  compactIri,
  DEFAULT_BUILD_JOBS,
  exportAkn,
  formatBuildReport,
  graphStats,
  MANIFEST_FILE,
  readReference,
  selectSources,
  turtlePrefixes,
} from './commands';
import { IngestError } from './ingest';
import { DEFAULT_BASE } from './vocab';

const ROOT = resolve(__dirname, '..');

interface FlagSpec {
  type: 'string' | 'boolean';
  /** Placeholder of a string flag's value in the usage text (FILE, DIR, IRI ...). */
  value?: string;
  /** Default shown in the usage text. */
  default?: string;
  description: string;
}

type Values = Record<string, string | boolean | undefined>;

interface CommandSpec {
  /** What follows the command name in the usage line: positional arguments. */
  arguments: string;
  summary: string;
  /** Positional arguments accepted: [min, max] (max Infinity for a list). */
  positionals: [number, number];
  flags: Record<string, FlagSpec>;
  run(values: Values, positionals: string[]): Promise<number>;
}

/** Exit status of a command line that could not be understood. */
const USAGE_ERROR = 2;

const GRAPH_DIR: FlagSpec = { type: 'string', value: 'DIR', default: 'data/graph', description: 'the built graphs (*.nq)' };
const REFERENCE_DIR: FlagSpec = { type: 'string', value: 'DIR', default: 'data/reference', description: 'curated reference data (*.ttl)' };
const BASE: FlagSpec = { type: 'string', value: 'IRI', default: DEFAULT_BASE, description: 'base of the IRIs minted' };

const COMMANDS: Record<string, CommandSpec> = {
  build: {
    arguments: '[files...]',
    summary:
      `parse resolutions (.md, .txt, .pdf, .docx) into one named graph each (N-Quads and Turtle); without files, the resolutions of data/sources (see README). Files giving the same symbol in two languages are one resolution. Ends with a summary per file (paragraphs, links by kind, warnings). ` +
      `Only the documents whose source, reference data, SDG vocabulary or ingest code changed since the last build are built again (the build's record is ${MANIFEST_FILE} in the output folder); the graph of a source that was removed is removed`,
    positionals: [0, Infinity],
    flags: {
      sources: { type: 'string', value: 'DIR', default: 'data/sources', description: 'folder of resolution texts, used when no file is given' },
      out: { type: 'string', value: 'DIR', default: 'data/graph', description: 'where the graphs are written' },
      reference: REFERENCE_DIR,
      base: BASE,
      sdg: { type: 'string', value: 'FILE', description: "the UN SDG vocabulary: all targets' wording for similarity links, written as sdg-kos.nq" },
      clauses: { type: 'string', value: 'FILE', default: 'ontology/clauses.ttl', description: 'where the clause-verb scheme is written' },
      'no-clauses': { type: 'boolean', description: 'do not write the clause-verb scheme' },
      report: { type: 'string', value: 'FILE', description: 'also write the per-file summary as JSON' },
      jobs: {
        type: 'string',
        value: 'N',
        default: `${DEFAULT_BUILD_JOBS}, one per core`,
        description: 'worker threads the documents are spread over (1: the calling thread; a handful of documents is always built there)',
      },
      full: {
        type: 'boolean',
        description: 'build every document again, also those unchanged since the last build',
      },
    },
    run: build,
  },
  validate: {
    arguments: '',
    summary: 'check the built graphs against the SHACL shapes (non-zero exit on a violation)',
    positionals: [0, 0],
    flags: { graph: GRAPH_DIR, reference: REFERENCE_DIR, base: BASE },
    run: validate,
  },
  stats: {
    arguments: '',
    summary: 'counts per class and property of the built graphs (the ontology and reference data are not counted)',
    positionals: [0, 0],
    flags: { graph: GRAPH_DIR, base: BASE, json: { type: 'boolean', description: 'as JSON' } },
    run: stats,
  },
  query: {
    arguments: 'SPARQL',
    summary: 'run a query (text, or @file.rq) on the built graphs, the ontology and the reference data',
    positionals: [1, 1],
    flags: {
      graph: GRAPH_DIR,
      reference: REFERENCE_DIR,
      base: BASE,
      format: { type: 'string', value: 'TYPE', default: 'text/tab-separated-values', description: 'results media type' },
    },
    run: query,
  },
  export: {
    arguments: '',
    summary: 'write each resolution of the built graphs as Akoma Ntoso XML (AKN4UN), one file per language: DIR/E-RES-2017-18.fra.xml',
    positionals: [0, 0],
    flags: {
      akn: { type: 'string', value: 'DIR', description: 'the folder to write the Akoma Ntoso files to (required)' },
      graph: GRAPH_DIR,
      reference: REFERENCE_DIR,
      base: BASE,
    },
    run: exportCommand,
  },
  publish: {
    arguments: '',
    summary:
      'replace each named graph of the built graphs, the ontology and the reference data in the remote store of UNKG_STORE=remote and UNKG_REMOTE_* (one atomic write per graph)',
    positionals: [0, 0],
    flags: { graph: GRAPH_DIR },
    run: publish,
  },
  serve: {
    arguments: '',
    summary: 'start the HTTP service (configured by the environment variables listed in the README)',
    positionals: [0, 0],
    flags: {},
    run: serve,
  },
};

const HELP: FlagSpec = { type: 'boolean', description: 'print this help and exit' };

function flagLine(name: string, spec: FlagSpec): string {
  const left = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return `  ${left.padEnd(22)} ${spec.description}${spec.default ? ` (default ${spec.default})` : ''}`;
}

export function commandUsage(name: string): string {
  const spec = COMMANDS[name];
  const lines = [`usage: unkg ${name}${spec.arguments ? ` ${spec.arguments}` : ''} [options]`, '', spec.summary, ''];
  for (const [flag, flagSpec] of Object.entries({ ...spec.flags, help: HELP })) lines.push(flagLine(flag, flagSpec));
  return lines.join('\n') + '\n';
}

export function usage(): string {
  const lines = ['usage: unkg <command> [options]', ''];
  for (const [name, spec] of Object.entries(COMMANDS)) lines.push(`  ${`${name} ${spec.arguments}`.padEnd(18)} ${spec.summary}`);
  lines.push('', '`unkg <command> --help` lists the options of a command.');
  return lines.join('\n') + '\n';
}

/** A command line that is not understood: reported with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Parses the arguments of one command strictly: an unknown flag, a missing value or a
 *  wrong number of arguments is a UsageError. */
export function parseCommand(name: string, argv: string[]): { values: Values; positionals: string[] } {
  const spec = COMMANDS[name];
  const options = Object.fromEntries(
    Object.entries({ ...spec.flags, help: HELP }).map(([flag, { type }]) => [flag, { type, ...(flag === 'help' ? { short: 'h' } : {}) }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error as Error & { code?: string }), name);
  }
  const values = parsed.values as Values;
  if (values.help) return { values, positionals: parsed.positionals };
  const [min, max] = spec.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`${name} needs ${spec.arguments}`, name);
  if (count > max)
    throw new UsageError(
      `${name} takes ${max === 0 ? 'no arguments' : `at most ${max} argument(s)`}; got ${parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}`,
      name,
    );
  return { values, positionals: parsed.positionals };
}

/** parseArgs' messages, in short and without their advice on positionals that start with '-'. */
function parseErrorMessage(error: Error & { code?: string }): string {
  const option = /'(-[^'\s]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return `option ${option} takes no value`;
    if (/ambiguous/.test(error.message)) return `option ${option} needs a value (write ${option}=VALUE for a value starting with '-')`;
    return `option ${option} needs a value`;
  }
  return error.message;
}

const text = (values: Values, name: string, fallback: string): string => (typeof values[name] === 'string' ? (values[name] as string) : fallback);
const path = (values: Values, name: string, fallback: string): string => resolve(text(values, name, join(ROOT, fallback)));

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
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${all} ${((done / Math.max(1, now - started)) * 1000).toFixed(0)} docs/s ${file.slice(-40).padEnd(40)}`,
    );
    if (done === all) process.stderr.write('\n');
  };
}

async function build(values: Values, files: string[]): Promise<number> {
  let inputs = files;
  if (!inputs.length) {
    const sourcesDir = path(values, 'sources', 'data/sources');
    const selected = selectSources(sourcesDir);
    for (const { file, reason } of selected.skipped) process.stderr.write(`skipped ${file}: ${reason}\n`);
    inputs = selected.inputs;
    if (!inputs.length) throw new Error(`no resolution texts in ${sourcesDir} (give files, or put them there)`);
  }
  const jobs = Number(text(values, 'jobs', String(DEFAULT_BUILD_JOBS)));
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of worker threads, at least 1; got ${String(values.jobs)}`);
  const result = await buildGraph({
    jobs,
    incremental: true,
    full: values.full === true,
    inputs,
    outDir: path(values, 'out', 'data/graph'),
    referenceDir: path(values, 'reference', 'data/reference'),
    clausesFile: values['no-clauses'] ? undefined : path(values, 'clauses', 'ontology/clauses.ttl'),
    base: text(values, 'base', DEFAULT_BASE),
    sdgFile: typeof values.sdg === 'string' ? resolve(values.sdg) : undefined,
    onProgress: progressReporter(inputs.length),
  });
  for (const d of result.documents) {
    process.stdout.write(`${d.symbol}  ${d.languages.join('+')}  ${d.quads} quads  <${d.iri}>  ${d.outputs.join(' ')}\n`);
  }
  process.stderr.write(`\n${formatBuildReport(result.documents)}`);
  for (const file of result.removed) process.stderr.write(`removed ${file}: its source is gone\n`);
  process.stderr.write(
    `${result.built} built${result.threads ? ` on ${result.threads} worker threads` : ''}, ${result.unchanged} unchanged since the last build\n`,
  );
  if (typeof values.report === 'string') writeFileSync(resolve(values.report), JSON.stringify({ documents: result.documents }, null, 2) + '\n');
  return 0;
}

async function validate(values: Values): Promise<number> {
  const { validateDirectory } = await import('./commands/validateDirectory');
  const report = await validateDirectory({
    graphDir: path(values, 'graph', 'data/graph'),
    referenceDir: path(values, 'reference', 'data/reference'),
    root: ROOT,
    base: text(values, 'base', DEFAULT_BASE),
  });
  process.stdout.write(report.text + '\n');
  return report.conforms ? 0 : 1;
}

async function stats(values: Values): Promise<number> {
  const graphDir = path(values, 'graph', 'data/graph');
  const s = graphStats(readGraphDir(graphDir));
  if (values.json) {
    process.stdout.write(JSON.stringify(s, null, 2) + '\n');
    return 0;
  }
  const p = turtlePrefixes(text(values, 'base', DEFAULT_BASE));
  process.stdout.write(
    `${s.quads} quads in ${graphDir} (${s.graphs} graphs, ${s.subjects} subjects; the ontology and reference data are not counted)\n\nclass\tinstances\n`,
  );
  for (const c of s.classes) process.stdout.write(`${compactIri(c.iri, p)}\t${c.count}\n`);
  process.stdout.write('\nproperty\ttriples\n');
  for (const c of s.properties) process.stdout.write(`${compactIri(c.iri, p)}\t${c.count}\n`);
  return 0;
}

async function query(values: Values, [q]: string[]): Promise<number> {
  const sparql = q.startsWith('@') ? readFileSync(q.slice(1), 'utf8') : q;
  const { localStore } = await import('./commands/localStore');
  const store = localStore({
    graphDir: path(values, 'graph', 'data/graph'),
    referenceDir: path(values, 'reference', 'data/reference'),
    root: ROOT,
    base: text(values, 'base', DEFAULT_BASE),
  });
  const out = store.query(sparql, { results_format: text(values, 'format', 'text/tab-separated-values') });
  process.stdout.write(typeof out === 'string' ? out : JSON.stringify(out));
  process.stdout.write('\n');
  return 0;
}

async function exportCommand(values: Values): Promise<number> {
  if (typeof values.akn !== 'string') throw new UsageError('export needs --akn DIR: the folder to write the Akoma Ntoso files to', 'export');
  const graphDir = path(values, 'graph', 'data/graph');
  const base = text(values, 'base', DEFAULT_BASE);
  const reference = readReference(path(values, 'reference', 'data/reference'), base);
  const result = exportAkn(readGraphDir(graphDir), reference, resolve(values.akn));
  if (result.documents.length === 0) throw new Error(`${graphDir} holds no resolution text to export`);
  for (const d of result.documents) process.stdout.write(`${d.symbol}  <${d.iri}>  ${d.files.join(' ')}\n`);
  return 0;
}

async function publish(values: Values): Promise<number> {
  const { loadConfig } = await import('./config');
  const { openStore } = await import('./openStore');
  const { discoverSources } = await import('./graph');
  const { publishGraph } = await import('./commands/publishGraph');
  const config = loadConfig({ ...process.env, UNKG_GRAPH_DIR: path(values, 'graph', 'data/graph') });
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

async function serve(): Promise<number> {
  const { main: start } = await import('./server');
  await start();
  return -1;
}

/** Runs one command line; resolves with the exit status (-1: keep running, a server). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage());
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    process.stderr.write(`unkg: unknown command ${JSON.stringify(command)}\n\n${usage()}`);
    return USAGE_ERROR;
  }
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(command, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`unkg ${command}: ${error.message}\n\n${commandUsage(command)}`);
    return USAGE_ERROR;
  }
  if (parsed.values.help) {
    process.stdout.write(commandUsage(command));
    return 0;
  }
  return COMMANDS[command].run(parsed.values, parsed.positionals);
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
