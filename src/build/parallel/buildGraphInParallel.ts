/** `unkg build` on every core: documents are spread over worker threads, and a document whose
 *  graph would come out the same as last time (same source bytes, same reference data and
 *  code: see buildManifest) is not built again. The output is byte for byte that of the
 *  sequential buildGraph, and as there, nothing is put in place unless every input builds:
 *  each graph is written under a temporary name and renamed only once all are written. */
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../../graph';
import { IngestError } from '../../ingest';
import { buildContext, duplicateDocument, readSdg, sharedOutputs, type BuildOptions, type BuildResult } from '../buildGraph';
import { writeAtomically } from '../writeAtomically';
import { buildOneDocument, type BuildJob, type BuiltDocument, type WorkerAnswer, type WorkerInit } from './buildOneDocument';
import { buildFingerprint, manifestKey, outputsIntact, readManifest, sha256, writeManifest, type ManifestEntry } from './buildManifest';

/** Worker threads by default: one per core. */
export const DEFAULT_BUILD_JOBS = availableParallelism();
/** At most this many documents to build are built on the calling thread: starting workers
 *  costs more than a few documents do (a rebuild after one edit stays well under a second). */
export const INLINE_BUILD_MAX_DOCUMENTS = 4;

export interface ParallelBuildOptions extends BuildOptions {
  /** Worker threads (default: one per core). */
  jobs?: number;
  /** Up to this many documents to build are built on the calling thread (default
   *  INLINE_BUILD_MAX_DOCUMENTS). */
  inlineMaxDocuments?: number;
}

export interface ParallelBuildResult extends BuildResult {
  /** Documents built now, and documents whose outputs were already current. */
  built: number;
  unchanged: number;
  /** Worker threads used (0: built on the calling thread). */
  jobs: number;
}

const ENTRY = join(__dirname, `buildWorker${extname(__filename)}`);

const TSX_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const entryRequire = createRequire(workerData.entry);
entryRequire('tsx/cjs/api').register();
entryRequire(workerData.entry);
`;

/** A build worker. When the sources run under tsx, a worker inherits its loader and loads the
 *  `.ts` entry as the main thread does (much faster than transpiling module by module);
 *  otherwise (compiled, or under jest) the store's worker bootstrap loads it. */
function spawnBuildWorker(init: WorkerInit): Worker {
  const underTsx = ENTRY.endsWith('.ts') && process.execArgv.some((arg) => arg.includes('/tsx/'));
  return underTsx ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { entry: ENTRY, init } }) : spawnModuleWorker(ENTRY, init);
}

export async function buildGraphInParallel(options: ParallelBuildOptions): Promise<ParallelBuildResult> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? DEFAULT_BUILD_JOBS));
  mkdirSync(options.outDir, { recursive: true });
  const fingerprint = buildFingerprint(options);
  const previous = readManifest(options.outDir);
  const sameBuild = previous.fingerprint === fingerprint;

  const hashes = options.inputs.map((file) => sha256(readFileSync(file)));
  const entries: Array<ManifestEntry | undefined> = options.inputs.map((file, i) => {
    const entry = sameBuild ? previous.documents[manifestKey(options.outDir, file)] : undefined;
    return entry && entry.source === hashes[i] && outputsIntact(options.outDir, entry) ? entry : undefined;
  });
  const todo: BuildJob[] = [];
  const tempSuffix = (index: number) => `.tmp-${process.pid}-${index}`;
  options.inputs.forEach((file, index) => {
    if (!entries[index]) todo.push({ index, file, tempSuffix: tempSuffix(index) });
  });

  const built = new Map<number, BuiltDocument>();
  const temps: string[] = [];
  const removeTemps = () => {
    for (const path of temps) rmSync(path, { force: true });
  };
  let done = 0;
  const progress = (index: number) => options.onProgress?.(++done, todo.length, options.inputs[index]);
  const init: WorkerInit = { referenceDir: options.referenceDir, base: options.base, sdgFile: options.sdgFile, outDir: options.outDir };
  const sdg = readSdg(options.sdgFile);
  const useWorkers = todo.length > (options.inlineMaxDocuments ?? INLINE_BUILD_MAX_DOCUMENTS);
  try {
    if (useWorkers) {
      await inWorkers(todo, Math.min(jobs, todo.length), init, (index, document) => {
        built.set(index, document);
        temps.push(...outputsOf(options.outDir, document.stem, tempSuffix(index)));
        progress(index);
      });
    } else if (todo.length) {
      const context = buildContext(options, sdg);
      for (const job of todo) {
        const document = buildOneDocument(job, context, init);
        built.set(job.index, document);
        temps.push(...outputsOf(options.outDir, document.stem, job.tempSuffix));
        progress(job.index);
      }
    }
    // As the sequential build: the second document with a symbol is refused.
    const seen = new Map<string, string>();
    options.inputs.forEach((file, index) => {
      const document = built.get(index) ?? entries[index]!;
      if (seen.has(document.stem)) throw duplicateDocument(file, document.symbol, seen.get(document.stem)!);
      seen.set(document.stem, file);
    });
  } catch (error) {
    removeTemps();
    throw error;
  }

  const shared = sharedOutputs(options, sdg);
  writeAtomically(shared);
  for (const job of todo) {
    for (const path of outputsOf(options.outDir, built.get(job.index)!.stem, '')) renameSync(`${path}${job.tempSuffix}`, path);
  }
  const documents: BuildResult['documents'] = [];
  const manifest = { format: previous.format, fingerprint, documents: {} as Record<string, ManifestEntry> };
  options.inputs.forEach((file, index) => {
    const document = built.get(index) ?? entries[index]!;
    const entry: ManifestEntry = {
      source: hashes[index],
      symbol: document.symbol,
      iri: document.iri,
      quads: document.quads,
      stem: document.stem,
      warnings: document.warnings,
      sizes: document.sizes,
    };
    manifest.documents[manifestKey(options.outDir, file)] = entry;
    documents.push({ file, symbol: entry.symbol, iri: entry.iri, quads: entry.quads, outputs: outputsOf(options.outDir, entry.stem, ''), warnings: entry.warnings });
  });
  writeManifest(options.outDir, manifest);
  return {
    documents,
    files: [...documents.flatMap((d) => d.outputs), ...shared.keys()],
    built: todo.length,
    unchanged: options.inputs.length - todo.length,
    jobs: useWorkers ? Math.min(jobs, todo.length) : 0,
  };
}

const outputsOf = (outDir: string, stem: string, suffix: string): [string, string] => [join(outDir, `${stem}.nq${suffix}`), join(outDir, `${stem}.ttl${suffix}`)];

/** Runs the jobs on `count` workers, each taking the next job as it finishes one. Rejects with
 *  the error of the first input (in input order) that failed, once every worker has stopped. */
async function inWorkers(todo: readonly BuildJob[], count: number, init: WorkerInit, onBuilt: (index: number, document: BuiltDocument) => void): Promise<void> {
  let next = 0;
  const failures: Array<{ index: number; error: Error }> = [];
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next < todo.length && !failures.length) worker.postMessage(todo[next++]);
        else resolve();
      };
      worker.on('message', (message: WorkerAnswer | { ready: true }) => {
        if ('ready' in message) return send();
        if ('error' in message) failures.push({ index: message.index, error: rebuildError(message.error) });
        else onBuilt(message.index, message.document);
        send();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a build worker stopped (exit code ${code})`))));
    });
  const workers = Array.from({ length: count }, () => spawnBuildWorker(init));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0].error;
}

function rebuildError(wire: { name: string; message: string; file?: string; line?: number }): Error {
  const error = wire.name === 'IngestError' && wire.file ? new IngestError('', wire.file, wire.line) : new Error();
  error.message = wire.message;
  return error;
}
