/** A worker thread of `unkg build` (see buildThreads.ts): reads and analyses the source files it
 *  is sent, and writes the graphs of the resolutions it is sent, each under the name given. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseSource, documentContext, writeDocument, type BuildInputs } from './buildDocument';
import { errorOnTheWire, type BuildTask, type TaskAnswer } from './buildTasks';

const context = documentContext((workerData as { init: BuildInputs }).init);

async function run(task: BuildTask): Promise<unknown> {
  if (task.kind === 'analyse') return analyseSource(task.file, context);
  return writeDocument(task.versions, context, task.nqPath, task.ttlPath);
}

parentPort!.on('message', (task: BuildTask) => {
  run(task).then(
    (value) => parentPort!.postMessage({ id: task.id, value } satisfies TaskAnswer),
    (error: unknown) => parentPort!.postMessage({ id: task.id, error: errorOnTheWire(error) } satisfies TaskAnswer),
  );
});
