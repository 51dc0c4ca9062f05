/** npm run conformance -- <rdf-tests root>
 *
 *  Runs the W3C SPARQL 1.1 test suites against the service and compares the failures with
 *  conformance/known-failures.json; see conformance/runConformance.ts for what runs how.
 *  Exit status: 0 when every failure is a known one, 1 on a regression, 2 on a usage error. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareWithKnownFailures, MANIFEST_URL, NOT_RUN, readKnownFailures, runConformance, type SuiteResult } from '../conformance';

const PROJECT = resolve(__dirname, '..');
const KNOWN_FAILURES = join(PROJECT, 'conformance', 'known-failures.json');
const RESULTS = join(PROJECT, 'conformance', 'results.json');
const CACHE_DIR = join(PROJECT, 'var', 'rdf-test-suite-cache');
/** How much of a failure message is printed for a regression. */
const MESSAGE_PREVIEW_CHARS = 1200;

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run conformance -- <rdf-tests root>   (the folder holding sparql/sparql11/manifest-all.ttl)\n`);
  process.exit(2);
}

function resultsDocument(suites: SuiteResult[]) {
  return {
    runner: 'rdf-test-suite',
    manifest: MANIFEST_URL,
    suites: suites.map((suite) => ({
      name: suite.name,
      specification: suite.specification,
      passed: suite.passed,
      failed: suite.failed,
      skipped: suite.skipped,
      total: suite.total,
      failing: suite.failures.map((failure) => failure.test),
    })),
    notRun: NOT_RUN,
  };
}

async function main(): Promise<number> {
  const [root] = process.argv.slice(2);
  if (!root) usage('Missing the path of the W3C rdf-tests folder.');
  if (!existsSync(join(root, 'sparql', 'sparql11', 'manifest-all.ttl'))) usage(`${root} has no sparql/sparql11/manifest-all.ttl.`);
  const known = readKnownFailures(KNOWN_FAILURES);

  const started = Date.now();
  console.log(`W3C SPARQL 1.1 test suites from ${resolve(root)}`);
  const suites = await runConformance({ testsRoot: root, cacheDir: CACHE_DIR, log: (line) => console.log(line) });
  writeFileSync(RESULTS, `${JSON.stringify(resultsDocument(suites), null, 2)}\n`);

  const failures = suites.flatMap((suite) => suite.failures);
  const ran = new Set(suites.flatMap((suite) => suite.ran));
  const { regressions, nowPassing, notRun } = compareWithKnownFailures(failures, ran, known);

  console.log('\nsuite                   passed  failed  total');
  for (const suite of suites) {
    console.log(`${suite.name.padEnd(22)} ${String(suite.passed).padStart(7)} ${String(suite.failed).padStart(7)} ${String(suite.total).padStart(6)}`);
  }
  for (const { specification, reason } of NOT_RUN) console.log(`not run: ${specification}: ${reason}`);
  console.log(
    `\n${failures.length - regressions.length} known failures (conformance/known-failures.json); results in conformance/results.json; ${Math.round((Date.now() - started) / 1000)} s`,
  );

  for (const entry of nowPassing) console.log(`NOW PASSING (remove it from the known failures): ${entry.test}`);
  for (const entry of notRun) console.log(`NOT RUN (listed as a known failure): ${entry.test}`);
  for (const failure of regressions) {
    console.log(`\nREGRESSION: ${failure.name}\n  ${failure.test}\n  ${failure.message.slice(0, MESSAGE_PREVIEW_CHARS).replace(/\n/g, '\n  ')}`);
  }
  if (regressions.length) {
    console.log(`\n${regressions.length} test(s) failed that are not known failures.`);
    return 1;
  }
  console.log('No regressions.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
