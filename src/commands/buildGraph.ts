/** `unkg build`: source documents → one named graph per resolution (N-Quads and Turtle),
 *  plus the generated clause-verb scheme. Files that give the same symbol are one resolution's
 *  language versions, merged into one graph.
 *
 *  The work is spread over worker threads (buildThreads.ts): first every source is read and
 *  analysed, then every resolution's graph is written from its versions, each under a temporary
 *  name. Nothing is put in place unless every input builds: only then are the graphs renamed
 *  into place. The output is byte for byte that of the build on one thread.
 *
 *  An incremental build keeps a record next to its output (buildManifest.ts) and builds again
 *  only the resolutions with a source added, changed or left out, or whose outputs are missing;
 *  a resolution whose source file was removed loses its graph. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFactory } from 'n3';
import { clauseSchemeQuads, toNQuads, toTurtle } from '../ingest';
import { NS } from '../vocab';
import { readSdg, type AnalysedSource, type BuildInputs } from './buildDocument';
import {
  buildFingerprint,
  MANIFEST_FILE,
  outputsIntact,
  readManifest,
  sha256,
  sourceKey,
  writeManifest,
  type BuildManifest,
  type SourceEntry,
} from './buildManifest';
import type { DocumentReport } from './buildReport';
import { DEFAULT_BUILD_JOBS, onThisThread, onWorkerThreads, type DocumentBuilder } from './buildThreads';
import { writeAtomically } from './writeAtomically';
import { INLINE_BUILD_MAX_SOURCES } from './limits';

export { turtlePrefixes } from './buildDocument';
export { DEFAULT_BUILD_JOBS } from './buildThreads';
export { MANIFEST_FILE };

/** Named graph of the UN SDG vocabulary, when the build is given it: its concept scheme. */
export const SDG_GRAPH = 'http://metadata.un.org/sdg';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  referenceDir: string;
  /** Where the generated clause-verb scheme goes (ontology/clauses.ttl). */
  clausesFile?: string;
  base: string;
  /** The UN SDG vocabulary (goals, targets, indicators; sdg-kos-goals-targets-indicators.ttl):
   *  its targets' wording is compared with paragraphs, and it is written as a graph of its own. */
  sdgFile?: string;
  /** Worker threads (default: one per core); 1 builds on the calling thread. */
  jobs?: number;
  /** Keep a record of the build in the output folder (MANIFEST_FILE) and build again only the
   *  resolutions whose sources or dependencies changed since. */
  incremental?: boolean;
  /** With `incremental`: build every resolution again all the same (and record it). */
  full?: boolean;
  /** A source read: `done` of `total`. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildResult {
  /** One per resolution: its language versions are merged (see languageVersions.ts). */
  documents: DocumentReport[];
  /** Files written by this build. */
  files: string[];
  /** Resolutions whose graphs were written now, and those whose graphs were already current. */
  built: number;
  unchanged: number;
  /** Graph files removed: the resolutions whose sources were removed. */
  removed: string[];
  /** Worker threads used (0: the calling thread). */
  threads: number;
}

/** File stem of a document's graph: its symbol with '/' and spaces as '-'. */
export const graphFileStem = (symbol: string): string => symbol.replace(/[/\s()]+/g, '-').replace(/-+$/, '');

const outputsOf = (outDir: string, stem: string): [string, string] => [join(outDir, `${stem}.nq`), join(outDir, `${stem}.ttl`)];

/** Runs `task` for every index: on worker threads all at once (they queue), on the calling
 *  thread one after the other, stopping at the first failure. Failures are kept, not thrown. */
async function settle<T>(builder: DocumentBuilder, indices: readonly number[], task: (i: number) => Promise<T>): Promise<Map<number, T | Error>> {
  const out = new Map<number, T | Error>();
  const run = (i: number) =>
    task(i).then(
      (value) => out.set(i, value),
      (error: unknown) => out.set(i, error instanceof Error ? error : new Error(String(error))),
    );
  if (builder.threads) await Promise.all(indices.map(run));
  else for (const i of indices) if ((await run(i)).get(i) instanceof Error) break;
  return out;
}

/** The first failure, in the order of `indices`. */
function throwFirst(indices: readonly number[], results: Map<number, unknown>): void {
  for (const i of indices) if (results.get(i) instanceof Error) throw results.get(i);
}

export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const { inputs, outDir } = options;
  const jobs = Math.max(1, Math.floor(options.jobs ?? DEFAULT_BUILD_JOBS));
  const fingerprint = options.incremental ? buildFingerprint(options) : '';
  const previous: BuildManifest = options.incremental ? readManifest(outDir) : { fingerprint: '', sources: new Map(), documents: new Map() };
  const reuse = options.incremental === true && !options.full && previous.fingerprint === fingerprint;
  const keys = inputs.map((file) => sourceKey(outDir, file));
  const hashes = inputs.map((file) => {
    try {
      return sha256(readFileSync(file));
    } catch {
      return undefined; // reported when the file is read
    }
  });
  // What the last build read from the sources that have not changed since.
  const known = inputs.map((_, i) => {
    const entry = reuse ? previous.sources.get(keys[i]) : undefined;
    return entry && entry.sha256 === hashes[i] ? entry : undefined;
  });
  const toRead = inputs.flatMap((_, i) => (known[i] ? [] : [i]));
  const readWith: BuildInputs = { referenceDir: options.referenceDir, base: options.base, sdgFile: options.sdgFile };
  const builder = jobs > 1 && toRead.length > INLINE_BUILD_MAX_SOURCES ? onWorkerThreads(readWith, Math.min(jobs, toRead.length)) : onThisThread(readWith);

  const analysed = new Map<number, AnalysedSource>();
  let done = 0;
  let total = toRead.length;
  const read = async (indices: number[]) => {
    const results = await settle(builder, indices, async (i) => {
      const source = await builder.analyse(inputs[i]);
      options.onProgress?.(++done, total, inputs[i]);
      return source;
    });
    throwFirst(indices, results);
    for (const [i, source] of results) analysed.set(i, source as AnalysedSource);
  };
  const staged: string[] = [];
  try {
    await read(toRead);
    // Files that give the same symbol are one resolution's language versions; one language twice is an error.
    const symbolOf = (i: number) => known[i]?.symbol ?? analysed.get(i)!.analysis.tree.symbol;
    const languageOf = (i: number) => known[i]?.language ?? analysed.get(i)!.analysis.tree.language;
    const bySymbol = new Map<string, number[]>();
    for (const i of inputs.keys()) {
      const versions = bySymbol.get(symbolOf(i)) ?? [];
      const same = versions.find((j) => languageOf(j) === languageOf(i));
      if (same !== undefined) throw new Error(`${inputs[i]}: ${symbolOf(i)} in ${languageOf(i)} was already read from ${inputs[same]}`);
      versions.push(i);
      bySymbol.set(symbolOf(i), versions);
    }
    const groups = [...bySymbol];
    const sameSources = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
    const current = groups.map(([symbol, versions]) => {
      const entry = reuse ? previous.documents.get(symbol) : undefined;
      const fresh =
        entry !== undefined &&
        versions.every((i) => known[i]) &&
        sameSources(
          entry.sources,
          versions.map((i) => keys[i]),
        ) &&
        outputsIntact(outDir, entry);
      return fresh ? entry : undefined;
    });
    // The unchanged versions of a resolution built again are read again.
    const again = groups.flatMap(([, versions], g) => (current[g] ? [] : versions.filter((i) => !analysed.has(i))));
    total += again.length;
    await read(again);

    mkdirSync(outDir, { recursive: true });
    const toWrite = groups.flatMap((_, g) => (current[g] ? [] : [g]));
    const temporary = (path: string, g: number) => `${path}.tmp-${process.pid}-${g}`;
    const written = await settle(builder, toWrite, async (g) => {
      const [nq, ttl] = outputsOf(outDir, graphFileStem(groups[g][0])).map((path) => temporary(path, g));
      staged.push(nq, ttl);
      return builder.write(
        groups[g][1].map((i) => analysed.get(i)!.analysis),
        nq,
        ttl,
      );
    });
    throwFirst(toWrite, written);

    const shared = sharedOutputs(options, reuse);
    writeAtomically(shared);
    const files: string[] = [];
    for (const g of toWrite) {
      for (const path of outputsOf(outDir, graphFileStem(groups[g][0]))) {
        renameSync(temporary(path, g), path);
        files.push(path);
      }
    }
    staged.length = 0;

    const documents = groups.map(([symbol, versions], g): DocumentReport => {
      const outputs = outputsOf(outDir, graphFileStem(symbol));
      const entry = current[g];
      if (entry) {
        // As the last build reported it, with the files as given now.
        const byKey = new Map(entry.sources.map((key, n) => [key, entry.report.sources[n]]));
        return { ...entry.report, file: inputs[versions[0]], outputs, sources: versions.map((i) => ({ ...byKey.get(keys[i])!, file: inputs[i] })) };
      }
      const sources = versions.map((i) => analysed.get(i)!);
      const { quads, mismatches } = written.get(g) as { quads: number; mismatches: string[] };
      return {
        symbol,
        iri: sources[0].analysis.iri,
        file: sources[0].report.file,
        languages: sources.map((v) => v.report.language).sort(),
        quads,
        outputs,
        warnings: sources.flatMap((v) => v.report.warnings),
        mismatches,
        sources: sources.map((v) => v.report),
      };
    });
    const removed = options.incremental ? recordBuild(options, previous, fingerprint, { inputs, keys, hashes, groups, documents, written, files }) : [];
    return {
      documents,
      files: [...files, ...shared.keys()],
      built: toWrite.length,
      unchanged: groups.length - toWrite.length,
      removed,
      threads: builder.threads,
    };
  } finally {
    for (const path of staged) rmSync(path, { force: true });
    await builder.close();
  }
}

/** Writes the manifest of a build that succeeded, and removes the graphs of the resolutions
 *  the last build wrote whose sources are gone or now give another resolution. Resolutions
 *  of the last build whose sources were not given this time keep their graphs. */
function recordBuild(
  options: BuildOptions,
  previous: BuildManifest,
  fingerprint: string,
  build: {
    inputs: string[];
    keys: string[];
    hashes: Array<string | undefined>;
    groups: Array<[string, number[]]>;
    documents: DocumentReport[];
    written: Map<number, unknown>;
    files: string[];
  },
): string[] {
  const { outDir } = options;
  const manifest: BuildManifest = { fingerprint, sources: new Map(), documents: new Map() };
  const given = new Set(build.keys);
  const removed: string[] = [];
  const built = new Set(build.groups.map(([symbol]) => symbol));
  const writtenNow = new Set(build.files);
  for (const [symbol, entry] of previous.documents) {
    if (built.has(symbol)) continue;
    const gone = entry.sources.some((key) => given.has(key) || !existsSync(resolve(outDir, key)));
    if (!gone) {
      // Kept as it is; recorded again only when it was built as this build would build it.
      if (previous.fingerprint !== fingerprint) continue;
      manifest.documents.set(symbol, entry);
      for (const key of entry.sources) manifest.sources.set(key, previous.sources.get(key)!);
      continue;
    }
    for (const path of outputsOf(outDir, entry.stem)) {
      if (writtenNow.has(path) || !existsSync(path)) continue;
      rmSync(path, { force: true });
      removed.push(path);
    }
  }
  build.groups.forEach(([symbol, versions], g) => {
    const report = build.documents[g];
    const sizes = (build.written.get(g) as { sizes: [number, number] } | undefined)?.sizes ?? previous.documents.get(symbol)!.sizes;
    for (const i of versions) {
      const source = report.sources[versions.indexOf(i)];
      const entry: SourceEntry = { key: build.keys[i], sha256: build.hashes[i]!, symbol, language: source.language };
      manifest.sources.set(entry.key, entry);
    }
    manifest.documents.set(symbol, { symbol, stem: graphFileStem(symbol), sources: versions.map((i) => build.keys[i]), sizes, report });
  });
  writeManifest(outDir, manifest);
  return removed;
}

/** The files a build writes besides the resolutions' graphs, where they differ from what is
 *  there: the SDG vocabulary's graph (when the last build wrote it from the same vocabulary,
 *  it is left as it is) and the clause-verb scheme. */
function sharedOutputs(options: BuildOptions, reuse: boolean): Map<string, string> {
  const files = new Map<string, string>();
  const sdgOut = join(options.outDir, 'sdg-kos.nq');
  if (options.sdgFile && !(reuse && existsSync(sdgOut))) {
    const graph = DataFactory.namedNode(SDG_GRAPH);
    const sdg = readSdg(options.sdgFile);
    if (sdg.length) files.set(sdgOut, toNQuads(sdg.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph))));
  }
  if (options.clausesFile) {
    const scheme =
      '# Generated by `unkg build` from src/ingest/lexicon/clauseVerbs.ts: edit the lexicon, not this file.\n' +
      toTurtle(clauseSchemeQuads(), { skos: NS.skos, clause: NS.clause, unkg: NS.unkg, cito: NS.cito, dcterms: NS.dcterms, rdf: NS.rdf });
    if (!existsSync(options.clausesFile) || readFileSync(options.clausesFile, 'utf8') !== scheme) files.set(options.clausesFile, scheme);
  }
  return files;
}
