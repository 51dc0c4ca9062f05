/** The service over fixture data, never the live data/graph: the seed resolution's text and the
 *  ingest fixtures (English and French resolutions that cite one another's instruments) built
 *  into a temp folder, with the project's ontology and the seed fixture's reference data. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/commands';
import { createStore, discoverSources } from '../../src/graph';
import { serveApp, testConfig } from '../helpers';
import { SEED_REFERENCE } from '../seedData';
import type { ServiceUnderTest } from './serviceUnderTest';

const ROOT = join(__dirname, '..', '..');
export const SEED_TEXT = join(ROOT, 'tests', 'fixtures', 'workbench', 'E-RES-2017-18.fr.md');
export const INGEST_FIXTURES = join(ROOT, 'tests', 'fixtures', 'ingest');
export const REFERENCE_DIR = SEED_REFERENCE;
export const ONTOLOGY_DIR = join(ROOT, 'ontology');

export interface WorkbenchService extends ServiceUnderTest {
  graphDir: string;
}

/** Builds the fixture texts (and `extra` .nq files, e.g. English texts of the seed's
 *  paragraphs) into a temp folder and starts the app on them. */
export async function startWorkbenchService(options: { extraSources?: string[] } = {}): Promise<WorkbenchService> {
  const graphDir = mkdtempSync(join(tmpdir(), 'unkg-workbench-'));
  const inputs = [
    SEED_TEXT,
    ...readdirSync(INGEST_FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(INGEST_FIXTURES, f)),
  ];
  const config = testConfig({ UNKG_GRAPH_DIR: graphDir, UNKG_ONTOLOGY_DIR: ONTOLOGY_DIR, UNKG_REFERENCE_DIR: REFERENCE_DIR });
  await buildGraph({ inputs, outDir: graphDir, referenceDir: REFERENCE_DIR, base: config.base });
  const { sources } = discoverSources({ ...config.data, base: config.base });
  const extra = (options.extraSources ?? []).map((path) => ({ path, format: 'application/n-quads' as const }));
  const store = await createStore({ sources: [...sources, ...extra], workers: 1 });
  const service = await serveApp(config, store, {}, () => rmSync(graphDir, { recursive: true, force: true }));
  return { ...service, graphDir };
}
