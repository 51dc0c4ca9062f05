import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../src/build';
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

let built: DataLayout | undefined;

/** The seed built once per test file, with the service's folder layout. */
export function seedLayout(): DataLayout {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'unkg-seed-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const graphDir = join(dir, 'graph');
  buildGraph({ inputs: [SEED_SOURCE], outDir: graphDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
  built = { graphDir, ontologyDir: ONTOLOGY_DIR, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE };
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
