/** A build worker thread: ingests the documents it is sent, writes each one's graph to
 *  temporary files beside their final place, and answers with what it wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildContext, readSdg } from '../buildGraph';
import { buildOneDocument, type BuildJob, type WorkerAnswer, type WorkerInit } from './buildOneDocument';

const init = (workerData as { init: WorkerInit }).init;
const context = buildContext(init, readSdg(init.sdgFile));

parentPort!.on('message', (job: BuildJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { index: job.index, document: buildOneDocument(job, context, init) };
  } catch (error) {
    const e = error as Error & { file?: string; line?: number };
    answer = { index: job.index, error: { name: e.name, message: e.message, file: e.file, line: e.line } };
  }
  parentPort!.postMessage(answer);
});
parentPort!.postMessage({ ready: true });
