import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../src/graph';

const EX = 'http://example.org/';
const WRITER = join(__dirname, 'processes', 'journalWriter.ts');
const ROOT = join(__dirname, '..', '..', '..');
/** The long form (UNKG_HOSTILE_LONG=1, run by `npm run loadtest:store`) kills it 20 times. */
const TRIALS = process.env.UNKG_HOSTILE_LONG ? 20 : 4;
/** A compaction every three writes: most kills land during or near one. */
const COMPACT_ENTRIES = 3;

/** Runs the writer until it has acknowledged `count` writes, waits a little more, then kills it
 *  with SIGKILL. Resolves with the writes it acknowledged. */
function runAndKill(journalPath: string, first: number, count: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // node itself runs the writer (tsx as a loader, not its CLI, which would run it in a
    // child process that SIGKILL does not reach).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, journalPath, String(COMPACT_ENTRIES), String(first)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(Number(line));
      if (!killing && acknowledged.length >= count) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      // Lines printed before the kill may still be in the pipe: count the complete ones.
      if (/^\d+$/.test(buffer)) acknowledged.push(Number(buffer));
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer exited with ${code}: ${stderr}`));
    });
  });
}

/** What a kill left on disk: was a compaction half done? */
function leftovers(dir: string): string[] {
  const names = readdirSync(dir);
  const found = names.filter((name) => name.endsWith('.tmp'));
  const manifestPath = join(dir, 'journal.jsonl.snapshot.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { id: string; file: string };
    const header = readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n')[0];
    if (!header.includes(manifest.id)) found.push('journal not yet cut');
    const snapshots = names.filter((name) => name.startsWith('journal.jsonl.snapshot-'));
    if (snapshots.length > 1) found.push('another snapshot file (being written, or superseded and still read)');
  }
  return found;
}

describe('a store killed with SIGKILL while writing and compacting its journal', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'unkg-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `loses no acknowledged write over ${TRIALS} kills at random points`,
    async () => {
      const journalPath = join(dir, 'journal.jsonl');
      const acknowledged: number[] = [];
      const halfDone: string[][] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const count = 5 + Math.floor(Math.random() * 25);
        acknowledged.push(...(await runAndKill(journalPath, trial * 1_000_000, count, Math.floor(Math.random() * 40))));
        halfDone.push(leftovers(dir));
      }
      const store = await createStore({
        sources: [{ data: `<${EX}s> <${EX}p> "seed" .\n`, format: 'application/n-triples' }],
        workers: 1,
        spareWorkers: 0,
        journalPath,
      });
      try {
        const values = JSON.parse((await store.query(`SELECT ?o WHERE { <${EX}s> <${EX}n> ?o }`)).body).results.bindings.map((row: { o: { value: string } }) =>
          Number(row.o.value),
        );
        const graphs = new Set(await store.graphs());
        const missing = acknowledged.filter((i) => (i % 7 === 0 ? !graphs.has(`${EX}empty/${i}`) : !values.includes(i)));
        expect(acknowledged.length).toBeGreaterThan(TRIALS * 5);
        expect(missing).toEqual([]);
        // Some kills landed inside a compaction (a .tmp file, an uncut journal or an old snapshot left).
        process.stdout.write(
          `journal crash test: ${acknowledged.length} acknowledged writes over ${TRIALS} kills; half-done compactions found: ${JSON.stringify(halfDone)}\n`,
        );
      } finally {
        await store.close();
      }
    },
    TRIALS * 15_000,
  );
});
