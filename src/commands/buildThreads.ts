/** Where `unkg build` does its per-document work: on the calling thread, or spread over worker
 *  threads (one per core by default). Both run the same two steps of buildDocument.ts; a worker
 *  takes the next task as soon as it is done with one. */
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../graph';
import type { ResolutionAnalysis } from '../ingest';
import { errorFromTheWire, type BuildTask, type TaskAnswer, type TaskBody } from './buildTasks';
import {
  analyseSource,
  documentContext,
  writeDocument,
  type AnalysedSource,
  type BuildInputs,
  type DocumentContext,
  type WrittenDocument,
} from './buildDocument';

/** Worker threads of a build by default: one per core. */
export const DEFAULT_BUILD_JOBS = availableParallelism();

export interface DocumentBuilder {
  /** Worker threads (0: the calling thread). */
  readonly threads: number;
  analyse(file: string): Promise<AnalysedSource>;
  write(versions: ResolutionAnalysis[], nqPath: string, ttlPath: string): Promise<WrittenDocument>;
  close(): Promise<void>;
}

/** The calling thread, one document after the other. The reference data is read on first use. */
export function onThisThread(inputs: BuildInputs): DocumentBuilder {
  let context: DocumentContext | undefined;
  const ctx = () => (context ??= documentContext(inputs));
  return {
    threads: 0,
    analyse: (file) => analyseSource(file, ctx()),
    write: async (versions, nqPath, ttlPath) => writeDocument(versions, ctx(), nqPath, ttlPath),
    close: async () => {},
  };
}

/** The worker's entry next to this file: `.js` once compiled, `.ts` when the sources run
 *  directly (tsx, ts-jest). */
const ENTRY = join(__dirname, `buildWorker${extname(__filename)}`);

/** Loads a `.ts` entry with tsx's CommonJS hook (a development dependency), which starts a
 *  worker several times faster than transpiling each module with the TypeScript compiler. */
const TSX_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const entryRequire = createRequire(workerData.entry);
entryRequire('tsx/cjs/api').register();
entryRequire(workerData.entry);
`;

function tsxAvailable(): boolean {
  try {
    require.resolve('tsx/cjs/api', { paths: [__dirname] });
    return true;
  } catch {
    return false;
  }
}

/** A build worker: compiled, the `.js` entry as the store's workers load theirs; from the
 *  sources, through tsx when it is installed, else as the store's workers do. */
function spawnBuildWorker(init: BuildInputs): Worker {
  if (ENTRY.endsWith('.ts') && tsxAvailable()) return new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { entry: ENTRY, init } });
  return spawnModuleWorker(ENTRY, init);
}

/** `jobs` worker threads, each reading the reference data once when it starts. */
export function onWorkerThreads(inputs: BuildInputs, jobs: number): DocumentBuilder {
  type Pending = { task: BuildTask; resolve: (value: unknown) => void; reject: (error: Error) => void };
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  const alive = new Set<Worker>();
  let nextId = 0;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage(pending.task);
    }
  };
  // A worker that fails or stops fails its task; the others take the rest.
  const lost = (worker: Worker, error: Error) => {
    if (!alive.delete(worker)) return;
    busy.get(worker)?.reject(error);
    busy.delete(worker);
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    if (alive.size === 0) for (const pending of queue.splice(0)) pending.reject(error);
  };
  const workers = Array.from({ length: jobs }, () => {
    const worker = spawnBuildWorker(inputs);
    worker.on('message', (answer: TaskAnswer) => {
      const pending = busy.get(worker)!;
      busy.delete(worker);
      idle.push(worker);
      if ('error' in answer) pending.reject(errorFromTheWire(answer.error));
      else pending.resolve(answer.value);
      dispatch();
    });
    worker.once('error', (error) => lost(worker, error));
    worker.once('exit', (code) => lost(worker, new Error(`a build worker thread stopped (exit code ${code})`)));
    idle.push(worker);
    alive.add(worker);
    return worker;
  });
  const submit = <T>(task: TaskBody): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (alive.size === 0) return reject(new Error('no build worker thread is left'));
      queue.push({ task: { ...task, id: nextId++ }, resolve: resolve as (value: unknown) => void, reject });
      dispatch();
    });
  return {
    threads: jobs,
    analyse: (file) => submit<AnalysedSource>({ kind: 'analyse', file }),
    write: (versions, nqPath, ttlPath) => submit<WrittenDocument>({ kind: 'write', versions, nqPath, ttlPath }),
    close: async () => {
      alive.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
