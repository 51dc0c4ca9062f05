import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './protocol';

/** The worker entry next to this file: `.js` once compiled, `.ts` when the sources run
 *  directly (ts-jest). */
const ENTRY = join(__dirname, `oxigraphWorker${extname(__filename)}`);

/** Loads the entry. A `.ts` entry is transpiled on the fly with the TypeScript compiler the
 *  project already depends on (a development setting only: compiled builds load `.js`). */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const entryRequire = createRequire(workerData.entry);
if (workerData.entry.endsWith('.ts')) {
  const ts = entryRequire('typescript');
  const { readFileSync } = require('node:fs');
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
}
entryRequire(workerData.entry);
`;

export function spawnWorker(init: WorkerInit): Worker {
  return spawnModuleWorker(ENTRY, init);
}

/** A worker thread running the module at `entry` (`.js`, or `.ts` transpiled as above), with
 *  `init` as `workerData.init`. */
export function spawnModuleWorker(entry: string, init: unknown): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { entry, init } });
}
