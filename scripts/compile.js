#!/usr/bin/env node
/* Compiles src/ to dist/ unless dist/ is already current: `npm start` then starts at once
 * instead of spending a full type-check on unchanged sources (tsc --incremental still takes
 * most of the time of a full compile when nothing changed).
 *
 * dist/ is current when its stamp (dist/.compiled, dated when the last successful compile
 * began) is newer than every file and folder under src/ and than the tsconfig files and
 * package.json. Folders count: adding or removing a source file changes its folder's date.
 * `node scripts/compile.js --force` compiles regardless. */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.compiled');
const INPUTS = [join(ROOT, 'src'), join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.browser.json'), join(ROOT, 'package.json')];

/** The newest modification time (ms) under a path, and the path it belongs to. */
function newest(path) {
  const stat = statSync(path);
  let found = { mtimeMs: stat.mtimeMs, path };
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) {
      const inner = newest(join(path, name));
      if (inner.mtimeMs > found.mtimeMs) found = inner;
    }
  }
  return found;
}

function staleBecause() {
  if (!existsSync(STAMP) || !existsSync(join(DIST, 'server.js'))) return 'dist/ has not been compiled';
  const stamp = statSync(STAMP).mtimeMs;
  for (const input of INPUTS) {
    const changed = newest(input);
    if (changed.mtimeMs > stamp) return `${changed.path.slice(ROOT.length + 1)} changed`;
  }
  return undefined;
}

const reason = process.argv.includes('--force') ? 'asked to' : staleBecause();
if (!reason) {
  process.stderr.write('dist/ is current: not compiling\n');
  process.exit(0);
}
process.stderr.write(`compiling src/ to dist/ (${reason})\n`);
const began = new Date();
// The service, then the scripts the pages load (src/web/assets/*.ts, for the browser).
for (const project of ['tsconfig.json', 'tsconfig.browser.json']) {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, project)], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
writeFileSync(STAMP, `${began.toISOString()}\n`);
// Dated when the compile began: a source saved during it makes the next start compile again.
utimesSync(STAMP, began, began);
