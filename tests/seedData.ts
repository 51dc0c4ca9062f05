import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverSources, type DataLayout, type StoreSource } from '../src/graph';
import { DEFAULT_BASE } from '../src/vocab';

/** The seed resolution as the tests see it: its text and the reference data as they were
 *  when the tests were written (a committed copy under tests/fixtures/seed), built into a
 *  temporary folder of the test run. The project's own data/ (which grows as resolutions
 *  are added) is never read, so adding a resolution cannot change what a test sees. */

export const SEED_FIXTURE = join(__dirname, 'fixtures', 'seed');
export const SEED_SOURCE = join(SEED_FIXTURE, 'sources', 'E-RES-2017-18.fr.md');
export const SEED_REFERENCE = join(SEED_FIXTURE, 'reference');
/** The vocabulary is code, not data: tests load the project's own. */
export const ONTOLOGY_DIR = join(__dirname, '..', 'ontology');

/** Where jest's global setup (tests/globalSetup.ts) built the seed for the run. */
export const SEED_BUILD_ENV = 'UNKG_TEST_SEED_BUILD';

let built: DataLayout | undefined;

/** The seed built once per test run (by the global setup), with the service's folder
 *  layout; outside jest it is built here, by the command line, into a folder of its own. */
export function seedLayout(): DataLayout {
  if (built) return built;
  let dir = process.env[SEED_BUILD_ENV];
  if (!dir) {
    const own = mkdtempSync(join(tmpdir(), 'unkg-seed-'));
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
    const cli = join(__dirname, '..', 'src', 'cli.ts');
    execFileSync(process.execPath, ['--import', 'tsx', cli, 'build', SEED_SOURCE, '--out', join(own, 'graph'), '--reference', SEED_REFERENCE, '--no-clauses'], {
      stdio: 'ignore',
    });
    dir = own;
  }
  built = { graphDir: join(dir, 'graph'), ontologyDir: ONTOLOGY_DIR, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE };
  return built;
}

/** What the store loads for the seed: its graph, the ontology and the reference data. */
export function seedSources(base: string = DEFAULT_BASE): StoreSource[] {
  return discoverSources({ ...seedLayout(), base }).sources;
}

/** Configuration variables pointing the service at the seed build (for testConfig). */
export function seedEnv(): Record<string, string> {
  const { graphDir, ontologyDir, referenceDir } = seedLayout();
  return { UNKG_GRAPH_DIR: graphDir, UNKG_ONTOLOGY_DIR: ontologyDir, UNKG_REFERENCE_DIR: referenceDir };
}
