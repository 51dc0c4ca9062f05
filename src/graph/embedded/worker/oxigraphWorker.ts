import { parentPort, workerData } from 'node:worker_threads';
import { StoreFailureError, toWire } from '../../errors';
import { applyWrite, createEngine, dump, hasGraph, isWasmTrap, loadSources, namedGraphs, runQuery, storedSize, type Engine } from './engine';
import type { WorkerInit, WorkerReply, WorkerRequest, WorkerStatus, WorkerTask } from './protocol';

/** Worker entry: one oxigraph store holding a full copy of the dataset, answering one task at
 *  a time. A long query blocks only this thread; the pool terminates it on timeout. */

function perform(engine: Engine, task: WorkerTask): unknown {
  switch (task.kind) {
    case 'query':
      return runQuery(engine, task.request);
    case 'write':
      return applyWrite(engine, task.write);
    case 'replay':
      for (const write of task.writes) applyWrite(engine, write);
      return task.writes.length;
    case 'dump':
      return dump(engine, task.format, task.graph);
    case 'graphs':
      return namedGraphs(engine);
    case 'hasGraph':
      return hasGraph(engine, task.graph);
    case 'size':
      return storedSize(engine);
  }
}

function start(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const engine = createEngine({ unionDefaultGraph: init.unionDefaultGraph });
  try {
    loadSources(engine, init.sources);
    init.journal.forEach((write, index) => {
      try {
        applyWrite(engine, write);
      } catch (error) {
        throw new StoreFailureError(`Journal entry ${index + 1} could not be replayed: ${(error as Error).message}`);
      }
    });
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
    port.postMessage(reply);
    if (fatal) process.exit(1);
  });
}

if (parentPort) start(parentPort, (workerData as { init: WorkerInit }).init);
