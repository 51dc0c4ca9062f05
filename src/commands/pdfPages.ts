/** The positioned text of every page of a PDF, read with pdf.js (through unpdf) in a worker
 *  thread: pdf.js is an ES module that loads its own bundle dynamically, which a worker can do
 *  whatever loads this module (the compiled CLI, tsx, or jest's CommonJS sandbox); and a PDF
 *  that pdf.js cannot finish with is stopped at PDF_TIMEOUT_MS without harming the build's
 *  own thread. One worker reads the PDFs of a build in turn (starting pdf.js costs more than
 *  reading a resolution); it does not keep the process alive, and one stopped for taking too
 *  long is replaced for the next PDF. */
import { Worker } from 'node:worker_threads';
import { IngestError, type PdfPageText } from '../ingest';
import { PDF_TIMEOUT_MS } from './limits';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { getDocumentProxy } = require(workerData.unpdf);
async function read(bytes) {
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (e) {
    return { error: 'not a readable PDF: ' + (e && e.message) };
  }
  try {
    const pages = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , , x, y] = it.transform;
        items.push({ text: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height });
      }
      pages.push({ width, height, items });
    }
    return { pages };
  } catch (e) {
    return { error: 'not a readable PDF: ' + (e && e.message) };
  } finally {
    await pdf.destroy();
  }
}
parentPort.on('message', async ({ id, bytes }) => parentPort.postMessage({ id, ...(await read(bytes)) }));
`;

interface Reply {
  id: number;
  pages?: PdfPageText[];
  error?: string;
}

let worker: Worker | undefined;
let nextId = 0;
/** Requests read one at a time, in order. */
let queue: Promise<unknown> = Promise.resolve();

function reader(): Worker {
  if (!worker) {
    const w = new Worker(WORKER, { eval: true, workerData: { unpdf: require.resolve('unpdf') } });
    w.unref();
    w.on('exit', () => {
      if (worker === w) worker = undefined;
    });
    worker = w;
  }
  return worker;
}

function readOne(bytes: Uint8Array, file: string): Promise<PdfPageText[]> {
  return new Promise((resolvePages, reject) => {
    const w = reader();
    const id = nextId++;
    const finish = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      finish();
      void w.terminate();
      reject(new IngestError(`reading the PDF took longer than ${PDF_TIMEOUT_MS / 1000} s`, file));
    }, PDF_TIMEOUT_MS);
    const onMessage = (m: Reply) => {
      if (m.id !== id) return;
      finish();
      if (m.error !== undefined) reject(new IngestError(m.error, file));
      else if (m.pages!.every((p) => p.items.length === 0))
        reject(new IngestError('the PDF holds no text (a scanned image?): text extraction needs a PDF with a text layer', file));
      else resolvePages(m.pages!);
    };
    const onError = (e: Error) => {
      finish();
      reject(new IngestError(`not a readable PDF: ${e.message}`, file));
    };
    const onExit = (code: number) => {
      finish();
      reject(new IngestError(`reading the PDF stopped (exit code ${code})`, file));
    };
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    w.postMessage({ id, bytes: new Uint8Array(bytes) });
  });
}

export function pdfPages(bytes: Uint8Array, file: string): Promise<PdfPageText[]> {
  const result = queue.then(() => readOne(bytes, file));
  queue = result.catch(() => undefined);
  return result;
}
