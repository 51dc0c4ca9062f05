/** npm run bench:store — what the embedded store costs to start, to replace a stopped worker,
 *  and to start again after a long write history; each variant measured in the same run.
 *
 *  1. Quick start: a bare oxigraph load of the data file in a worker thread (what any
 *     endpoint must do), against the store's first answer (one worker loads alone and
 *     serves) and the time until every worker serves.
 *  2. Replacement: one worker, a query stopped by its deadline, and the time until the next
 *     cheap query is answered: with a loaded spare, without a spare but from a snapshot, and
 *     without either (the sources reloaded and the whole journal replayed).
 *  3. Start-up with JOURNAL_ENTRIES journaled writes: first answer without a journal, with the
 *     raw journal replayed, and after it was compacted into a snapshot.
 *
 *  Runs the compiled build (dist/, made by `npm run compile`) so that worker threads load
 *  JavaScript as in production. Usage: tsx bench/store.ts [quads=300000].
 *  Writes bench/results/store.json. */
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as Graph from '../src/graph';

const ROOT = join(__dirname, '..');
const SCRATCH = join(ROOT, 'var', 'bench-store');
const RESULTS = join(__dirname, 'results', 'store.json');
const EX = 'http://example.org/';
const JOURNAL_ENTRIES = 20_000;
const ENDLESS = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
const CHEAP = `ASK { <${EX}doc/1/p/1> ?p ?o }`;

const graph = require(join(ROOT, 'dist', 'graph')) as typeof Graph;

function writeData(path: string, quads: number): void {
  const lines: string[] = [];
  for (let i = 0; i < quads / 2; i++) {
    const doc = i % 5000;
    lines.push(`<${EX}doc/${doc}/p/${i}> <${EX}text> "Paragraph ${i} of a resolution, with some words"@en <${EX}graph/${doc}> .`);
    lines.push(`<${EX}doc/${doc}/p/${i}> <${EX}cites> <${EX}doc/${(i * 7) % 5000}> <${EX}graph/${doc}> .`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function writeJournal(path: string): void {
  const at = new Date().toISOString();
  const line = (i: number) =>
    JSON.stringify({ v: 1, at, write: { op: 'update', sparql: `INSERT DATA { GRAPH <${EX}graph/notes> { <${EX}note/${i}> <${EX}text> "note ${i}" } }` } });
  writeFileSync(path, Array.from({ length: JOURNAL_ENTRIES }, (_, i) => line(i) + '\n').join(''));
}

/** A bare oxigraph load of the file in a worker thread, from spawn to loaded. */
function bareLoad(path: string): Promise<number> {
  const started = Date.now();
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     const oxigraph = require(workerData.oxigraph);
     const store = new oxigraph.Store();
     const fd = fs.openSync(workerData.path, 'r');
     function* chunks() { for (;;) { const b = Buffer.allocUnsafe(16 * 1024 * 1024); const n = fs.readSync(fd, b, 0, b.length, null); if (!n) return; yield b.subarray(0, n); } }
     store.load(chunks(), { format: 'application/n-quads' });
     parentPort.postMessage(store.size);`,
    { eval: true, workerData: { path, oxigraph: require.resolve('oxigraph') } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => {
      resolve(Date.now() - started);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function quickStart(path: string) {
  const bare = await bareLoad(path);
  const started = Date.now();
  const store = await graph.openStore({ sources: [{ path, format: 'application/n-quads' }], workers: 2, spareWorkers: 0 });
  await store.query(CHEAP);
  const firstAnswer = Date.now() - started;
  await waitFor(() => store.status().workers.idle === 2 && store.status().workers.loading === 0);
  const allWorkers = Date.now() - started;
  await store.close();
  return { bareLoadMs: bare, firstAnswerMs: firstAnswer, allWorkersMs: allWorkers, firstAnswerToBare: +(firstAnswer / bare).toFixed(2) };
}

async function replacement(path: string, journal: string, variant: 'spare' | 'snapshot' | 'reload') {
  const journalPath = join(SCRATCH, `journal-${variant}.jsonl`);
  rmSync(journalPath, { force: true });
  rmSync(`${journalPath}.snapshot.json`, { force: true });
  copyFileSync(journal, journalPath);
  const store = await graph.createStore({
    sources: [{ path, format: 'application/n-quads' }],
    workers: 1,
    spareWorkers: variant === 'spare' ? 1 : 0,
    journalPath,
    compactEntries: 0,
  });
  if (variant !== 'reload') await store.compact();
  await waitFor(() => store.status().workers.loading === 0);
  const stopped = store.query(ENDLESS, { timeoutMs: 300 }).catch(() => Date.now());
  const at = await stopped;
  await store.query(CHEAP, { timeoutMs: 120_000 });
  const ms = Date.now() - (at as number);
  await store.close();
  return ms;
}

async function startup(path: string, journal: string) {
  const first = async (journalPath?: string) => {
    const started = Date.now();
    const store = await graph.createStore({ sources: [{ path, format: 'application/n-quads' }], workers: 1, spareWorkers: 0, journalPath, compactEntries: 0 });
    await store.query(CHEAP);
    const ms = Date.now() - started;
    return { ms, store };
  };
  const none = await first();
  await none.store.close();
  const journalPath = join(SCRATCH, 'journal-startup.jsonl');
  rmSync(`${journalPath}.snapshot.json`, { force: true });
  copyFileSync(journal, journalPath);
  const replayed = await first(journalPath);
  await replayed.store.compact();
  await replayed.store.close();
  const compacted = await first(journalPath);
  await compacted.store.close();
  return { withoutJournalMs: none.ms, rawJournalReplayedMs: replayed.ms, afterCompactionMs: compacted.ms };
}

async function main(): Promise<void> {
  const quads = Number(process.argv[2] ?? 300_000);
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  const data = join(SCRATCH, 'data.nq');
  const journal = join(SCRATCH, 'journal.jsonl');
  writeData(data, quads);
  writeJournal(journal);
  const loadBefore = loadavg();
  process.stdout.write(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`);
  const start = await quickStart(data);
  process.stdout.write(`quick start: ${JSON.stringify(start)}\n`);
  const replaced = {
    withSpareMs: await replacement(data, journal, 'spare'),
    fromSnapshotMs: await replacement(data, journal, 'snapshot'),
    reloadAndReplayMs: await replacement(data, journal, 'reload'),
  };
  process.stdout.write(`replacement (timeout to next answer): ${JSON.stringify(replaced)}\n`);
  const startupFigures = await startup(data, journal);
  process.stdout.write(`start-up with ${JOURNAL_ENTRIES} journal entries: ${JSON.stringify(startupFigures)}\n`);
  const loadAfter = loadavg();
  const result = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    loadAverage: { before: loadBefore, after: loadAfter },
    quads,
    journalEntries: JOURNAL_ENTRIES,
    quickStart: start,
    replacement: replaced,
    startup: startupFigures,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  rmSync(SCRATCH, { recursive: true, force: true });
  process.stdout.write(`written ${RESULTS}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
