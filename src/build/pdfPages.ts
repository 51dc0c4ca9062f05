/** The positioned text of every page of a PDF, read with pdf.js (through unpdf) in a worker
 *  thread: pdf.js is an ES module that loads its own bundle dynamically, which a worker can do
 *  whatever loads this module (the compiled CLI, tsx, or jest's CommonJS sandbox); and a PDF
 *  that pdf.js cannot finish with is stopped at PDF_TIMEOUT_MS without harming the build's
 *  own thread. */
import { Worker } from 'node:worker_threads';
import { IngestError, type PdfPageText } from '../ingest';

/** How long reading one PDF may take. */
export const PDF_TIMEOUT_MS = 60_000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { getDocumentProxy } = require(workerData.unpdf);
  let pdf;
  try {
    pdf = await getDocumentProxy(workerData.bytes, { verbosity: 0 });
  } catch (e) {
    parentPort.postMessage({ error: 'not a readable PDF: ' + (e && e.message) });
    return;
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
    parentPort.postMessage({ pages });
  } catch (e) {
    parentPort.postMessage({ error: 'not a readable PDF: ' + (e && e.message) });
  } finally {
    await pdf.destroy();
  }
})();
`;

export function pdfPages(bytes: Uint8Array, file: string): Promise<PdfPageText[]> {
  return new Promise((resolvePages, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { unpdf: require.resolve('unpdf'), bytes: new Uint8Array(bytes) } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new IngestError(`reading the PDF took longer than ${PDF_TIMEOUT_MS / 1000} s`, file));
    }, PDF_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (m: { pages?: PdfPageText[]; error?: string }) => {
      done();
      if (m.error !== undefined) reject(new IngestError(m.error, file));
      else if (m.pages!.every((p) => p.items.length === 0)) reject(new IngestError('the PDF holds no text (a scanned image?): text extraction needs a PDF with a text layer', file));
      else resolvePages(m.pages!);
    });
    worker.once('error', (e) => {
      done();
      reject(new IngestError(`not a readable PDF: ${e.message}`, file));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new IngestError(`reading the PDF stopped (exit code ${code})`, file));
    });
  });
}
