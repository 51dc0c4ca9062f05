/** npm run bench:build — `unkg build` (buildGraph, as the command line runs it: incremental,
 *  into an empty folder) on the synthetic corpus (bench/syntheticCorpus.ts, French and English
 *  in turn), written as source files:
 *
 *  1. a full build on the calling thread (--jobs 1) and on 2 worker threads (--jobs 2), in turn,
 *     ROUNDS times: documents/s and the speed-up from 1 to 2 jobs; the load average is printed
 *     around each pair, and a pair during which it moved more than LOAD_CHANGE_LIMIT gives no
 *     ratio. The two outputs are compared byte for byte. Each round first measures what the
 *     machine gives a second thread (two spinning threads against one): on shared cores the
 *     build cannot scale past it.
 *  2. a rebuild of the 2-job output after one source changed: how long it takes, and that it
 *     built that one document only.
 *
 *  Usage: tsx bench/parallelBuild.ts [documents=2000] [rounds=1]
 *  Writes bench/results/parallel-build.json and .md. */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildGraph, MANIFEST_FILE, type BuildResult } from '../src/commands';
import { DEFAULT_BASE } from '../src/vocab';
import { LOAD_CHANGE_LIMIT, machine, oversubscribed, range, underLoadWatch } from './lib/machineLoad';
import { writeResults } from './lib/writeResults';
import { syntheticResolution } from './syntheticCorpus';

const ROOT = join(__dirname, '..');
const SCRATCH = join(ROOT, 'var', 'bench', 'build');
/** Up to 8999 documents: the number after the slash has at most four digits. */
const DOCUMENTS = Math.min(8999, Number(process.argv[2] ?? 2000));
const ROUNDS = Number(process.argv[3] ?? 1);
const round2 = (n: number) => Number(n.toFixed(2));

function writeCorpus(): string[] {
  const dir = join(SCRATCH, 'sources');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    // A build refuses one resolution twice in one language: each document gets a number of its own.
    const { text } = syntheticResolution(i, i % 2 === 0 ? 'fr' : 'en');
    const unique = text.replace(
      /^(\d+)\/\d+\. (Résolution de synthèse numéro|Synthetic resolution number) /m,
      (_, first: string, words: string) => `${first}/${1000 + i}. ${words} `,
    );
    if (unique === text) throw new Error(`no symbol line in synthetic document ${i}`);
    const path = join(dir, `${String(i).padStart(5, '0')}.md`);
    writeFileSync(path, unique);
    return path;
  });
}

/** What the machine gives a second thread right now: the work two threads spinning for
 *  SPIN_MS get done over what one gets done (2 on two idle cores; near 1 when other work
 *  holds the cores). The build's speed-up cannot exceed it. */
const SPIN_MS = 2000;
async function machineSpeedUp(): Promise<number> {
  const spin = `let n = 0; const end = Date.now() + ${SPIN_MS}; while (Date.now() < end) n++; require('node:worker_threads').parentPort.postMessage(n);`;
  const work = async (threads: number) => {
    const counts = await Promise.all(
      Array.from({ length: threads }, () => new Promise<number>((resolve) => new Worker(spin, { eval: true }).once('message', resolve))),
    );
    return counts.reduce((a, b) => a + b, 0);
  };
  const one = await work(1);
  return round2((await work(2)) / one);
}

async function build(inputs: string[], outDir: string, jobs: number): Promise<{ seconds: number; result: BuildResult }> {
  const started = process.hrtime.bigint();
  const result = await buildGraph({ inputs, outDir, referenceDir: join(ROOT, 'data/reference'), base: DEFAULT_BASE, jobs, incremental: true });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

/** The same files with the same bytes (the build's record aside: it names the output folder). */
function sameBytes(a: string, b: string): boolean {
  const files = readdirSync(a).filter((f) => f !== MANIFEST_FILE);
  return (
    files.length === readdirSync(b).filter((f) => f !== MANIFEST_FILE).length && files.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
  );
}

async function main(): Promise<void> {
  const inputs = writeCorpus();
  const start = machine();
  console.log(
    `parallel build: ${DOCUMENTS} synthetic documents, ${ROUNDS} round(s) of 1 then 2 jobs; ${start.cores} cores, load average ${start.loadAverage.join(' ')}`,
  );
  const rounds: Array<{
    round: number;
    'docs/s, 1 job': number;
    'docs/s, 2 jobs': number;
    speedUp: number | null;
    machineSpeedUp: number;
    loadBefore: number;
    loadAfter: number;
    identical: boolean;
  }> = [];
  const out = (jobs: number) => join(SCRATCH, `out-${jobs}`);
  for (let round = 1; round <= ROUNDS; round++) {
    const { value, load } = await underLoadWatch(`round ${round}`, async () => {
      const rate: Record<number, number> = {};
      rate[0] = await machineSpeedUp();
      console.log(`    the machine gives two spinning threads ${rate[0]}x the work of one`);
      for (const jobs of [1, 2]) {
        rmSync(out(jobs), { recursive: true, force: true });
        const { seconds, result } = await build(inputs, out(jobs), jobs);
        if (result.built !== DOCUMENTS) throw new Error(`built ${result.built} of ${DOCUMENTS}`);
        rate[jobs] = DOCUMENTS / seconds;
        console.log(`    ${jobs} job(s), ${result.threads} worker thread(s): ${seconds.toFixed(1)} s, ${rate[jobs].toFixed(1)} documents/s`);
      }
      return rate;
    });
    const identical = sameBytes(out(1), out(2));
    rounds.push({
      round,
      'docs/s, 1 job': round2(value[1]),
      'docs/s, 2 jobs': round2(value[2]),
      speedUp: load.changed ? null : round2(value[2] / value[1]),
      machineSpeedUp: value[0],
      loadBefore: load.before,
      loadAfter: load.after,
      identical,
    });
  }
  // Nothing changed, then one document changed: the rebuild builds it alone.
  const { value: unchanged } = await underLoadWatch('rebuild, nothing changed', () => build(inputs, out(2), 2));
  console.log(`    ${unchanged.seconds.toFixed(3)} s, ${unchanged.result.built} built, ${unchanged.result.unchanged} unchanged`);
  appendFileSync(inputs[Math.floor(DOCUMENTS / 2)], '\n');
  const { value: rebuild, load } = await underLoadWatch('rebuild after one change', () => build(inputs, out(2), 2));
  console.log(`    ${rebuild.seconds.toFixed(3)} s, ${rebuild.result.built} built, ${rebuild.result.unchanged} unchanged`);
  const reported = rounds.filter((r) => r.speedUp !== null);
  const speedUps = reported.map((r) => r.speedUp!).sort((a, b) => a - b);
  const end = machine();
  const summary = {
    documents: DOCUMENTS,
    'docs/s, 1 job (best)': Math.max(...rounds.map((r) => r['docs/s, 1 job'])),
    'docs/s, 2 jobs (best)': Math.max(...rounds.map((r) => r['docs/s, 2 jobs'])),
    'speed-up 1 → 2 (median of reported rounds)': speedUps.length ? speedUps[speedUps.length >> 1] : null,
    'speed-up range': range(speedUps),
    'machine speed-up 1 → 2 threads (spin)': range(rounds.map((r) => r.machineSpeedUp)),
    oversubscribed: rounds.some((r) => oversubscribed(r.loadBefore)),
    'outputs identical': rounds.every((r) => r.identical),
    'rebuild, nothing changed, s': round2(unchanged.seconds),
    'rebuild after one change, s': round2(rebuild.seconds),
    'rebuilt documents': rebuild.result.built,
    'rebuild load average': `${load.before} → ${load.after}`,
    'load average before → after': `${start.loadAverage[0]} → ${end.loadAverage[0]}`,
  };
  console.table(summary);
  if (!speedUps.length) console.log(`the load average moved more than ${LOAD_CHANGE_LIMIT} in every round: no speed-up reported`);
  writeResults(
    'parallel-build',
    { when: new Date().toISOString(), node: process.version, machine: start, machineAfter: end, loadChangeLimit: LOAD_CHANGE_LIMIT, summary, rounds },
    {
      title: '`unkg build` on 1 and 2 jobs, and a rebuild after one change',
      method: `${DOCUMENTS} synthetic resolutions (bench/syntheticCorpus.ts) written as files and built by buildGraph as \`unkg build\` runs it (incremental) into empty folders, with --jobs 1 (the calling thread) then --jobs 2 (two worker threads), ${ROUNDS} round(s); the outputs of 1 and 2 jobs compared byte for byte; then the 2-job output rebuilt with nothing changed, and after one source changed. A round whose one-minute load average moved more than ${LOAD_CHANGE_LIMIT} gives no speed-up. Machine: ${start.cores} cores (${start.cpuModel}), node ${process.version}, load average ${start.loadAverage.join(' ')} before and ${end.loadAverage.join(' ')} after, ${new Date().toISOString()}.`,
      tables: [
        { caption: 'Summary', rows: [summary] },
        { caption: 'Rounds', rows: rounds },
      ],
    },
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
