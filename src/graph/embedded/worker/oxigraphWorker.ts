import { closeSync, fsyncSync, openSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { StoreFailureError, toWire } from '../../errors';
import { maskLiterals } from '../../sparqlText';
import type { WriteOp } from '../writeOps';
import { applyWrite, createEngine, dump, hasGraph, isWasmTrap, loadSources, namedGraphs, runQuery, storedSize, type Engine } from './engine';
import type { SnapshotOutcome, WorkerInit, WorkerReply, WorkerRequest, WorkerStatus, WorkerTask } from './protocol';

/** Worker entry: one oxigraph store holding a full copy of the dataset, answering one task at
 *  a time. A long query blocks only this thread; the pool terminates it on timeout. */

function perform(engine: Engine, task: WorkerTask): unknown {
  switch (task.kind) {
    case 'query':
      return runQuery(engine, task.request);
    case 'write':
      return applyWrite(engine, task.write);
    case 'replay':
      replay(engine, task.writes);
      return task.writes.length;
    case 'dump':
      return dump(engine, task.format, task.graph);
    case 'graphs':
      return namedGraphs(engine);
    case 'hasGraph':
      return hasGraph(engine, task.graph);
    case 'size':
      return storedSize(engine);
    case 'snapshot':
      return snapshot(engine, task.path);
  }
}

/** Named graphs without a triple: a dump cannot carry them, the snapshot lists them. */
const EMPTY_GRAPHS = 'SELECT ?g WHERE { GRAPH ?g {} FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }';

function snapshot(engine: Engine, path: string): SnapshotOutcome {
  const text = dump(engine, 'application/n-quads');
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const rows = engine.query(EMPTY_GRAPHS) as Map<string, { value: string }>[];
  return { quads: storedSize(engine), bytes: Buffer.byteLength(text), emptyGraphs: rows.map((row) => row.get('g')!.value).sort() };
}

/** Consecutive updates replayed as one request: one parse and one transaction for many
 *  entries (measured five times faster than one by one on 20,000 small updates). */
const REPLAY_BATCH = 500;
const BASE_KEYWORD = /(?<![\w?$:@.-])BASE(?![\w:-])/i;

/** An update that means the same inside a sequence of operations: one that declares no BASE
 *  (a BASE would change how the next entries resolve relative IRIs). Prefixes carry over too,
 *  but every entry parsed on its own when it was accepted, so it declares what it uses. */
const batchable = (write: WriteOp): write is Extract<WriteOp, { op: 'update' }> =>
  write.op === 'update' && !(/base/i.test(write.sparql) && BASE_KEYWORD.test(maskLiterals(write.sparql)));

/** Applies journal entries in order; `offset` numbers them in error messages. */
function replay(engine: Engine, writes: readonly WriteOp[], offset = 0): void {
  const fail = (index: number, error: unknown) => {
    throw new StoreFailureError(`Journal entry ${offset + index + 1} could not be replayed: ${(error as Error).message}`);
  };
  let i = 0;
  while (i < writes.length) {
    const first = writes[i];
    let end = i + 1;
    if (batchable(first)) {
      while (end < writes.length && end - i < REPLAY_BATCH && batchable(writes[end]) && (writes[end] as { baseIri?: string }).baseIri === first.baseIri) end++;
    }
    if (end - i > 1) {
      const batch = writes.slice(i, end) as Array<Extract<WriteOp, { op: 'update' }>>;
      try {
        applyWrite(engine, { op: 'update', sparql: batch.map((write) => write.sparql).join(' ;\n'), baseIri: batch[0].baseIri });
      } catch {
        // The batch left no trace (one transaction): replay it entry by entry to find the culprit.
        for (let j = i; j < end; j++) {
          try {
            applyWrite(engine, writes[j]);
          } catch (error) {
            fail(j, error);
          }
        }
      }
    } else {
      try {
        applyWrite(engine, first);
      } catch (error) {
        fail(i, error);
      }
    }
    i = end;
  }
}

function start(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const engine = createEngine({ unionDefaultGraph: init.unionDefaultGraph });
  try {
    loadSources(engine, init.sources);
    replay(engine, init.journal);
  } catch (error) {
    port.postMessage({ kind: 'failed', error: toWire(error) } satisfies WorkerStatus);
    return;
  }
  port.postMessage({ kind: 'ready', quads: storedSize(engine) } satisfies WorkerStatus);

  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    let fatal = false;
    try {
      reply = { id: request.id, ok: true, value: perform(engine, request) };
    } catch (error) {
      // After a WebAssembly trap the engine's memory cannot be trusted: answer, then exit
      // so the pool rebuilds this worker from the sources and the journal.
      fatal = error instanceof StoreFailureError || isWasmTrap(error);
      reply = { id: request.id, ok: false, error: toWire(error) };
    }
    // The pool takes a fatal reply's worker out of service before passing the error on.
    port.postMessage(fatal ? { ...reply, fatal } : reply);
    if (fatal) process.exit(1);
  });
}

if (parentPort) start(parentPort, (workerData as { init: WorkerInit }).init);
