/** npm run bench:start: what `npm start` spends compiling before it serves, side by side in
 *  one run: the former step (`tsc -p tsconfig.json` on every start), `tsc --incremental` with
 *  nothing changed, and `scripts/compile.js` when dist/ is current (a date check, no tsc).
 *  Writes bench/results/start-compile.json. Usage: tsx bench/startCompile.ts [rounds=2] */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const ROUNDS = Math.max(1, Number(process.argv[2] ?? 2));
const TSC = require.resolve('typescript/bin/tsc');

function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const buildInfo = join(tmpdir(), `unkg-bench-${process.pid}.tsbuildinfo`);
// dist/ current to begin with.
timed([join(ROOT, 'scripts/compile.js')]);
timed([TSC, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo]);
const rounds: Array<{ fullTscMs: number; incrementalTscMs: number; compileIfStaleMs: number }> = [];
for (let i = 0; i < ROUNDS; i++) {
  const fullTscMs = timed([TSC, '-p', 'tsconfig.json']);
  const incrementalTscMs = timed([TSC, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo]);
  // tsc rewrote dist/: the stamp is older than its output but not than src/, so still current.
  const compileIfStaleMs = timed([join(ROOT, 'scripts/compile.js')]);
  rounds.push({ fullTscMs: Math.round(fullTscMs), incrementalTscMs: Math.round(incrementalTscMs), compileIfStaleMs: Math.round(compileIfStaleMs) });
  process.stdout.write(
    `round ${i + 1}: tsc ${Math.round(fullTscMs)} ms, tsc --incremental (no change) ${Math.round(incrementalTscMs)} ms, scripts/compile.js (current) ${Math.round(compileIfStaleMs)} ms\n`,
  );
}
rmSync(buildInfo, { force: true });
const result = {
  what: 'time spent before `npm start` serves, with src/ unchanged since the last compile: the former `tsc -p tsconfig.json`, tsc --incremental, and scripts/compile.js',
  when: new Date().toISOString(),
  node: process.version,
  rounds,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/start-compile.json'), JSON.stringify(result, null, 2) + '\n');
process.stdout.write('written to bench/results/start-compile.json\n');
