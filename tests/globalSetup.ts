import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../src/commands';
import { DEFAULT_BASE } from '../src/vocab';
import { SEED_BUILD_ENV, SEED_REFERENCE, SEED_SOURCE } from './seedData';

/** Builds the seed fixture once per test run (the build reads PDF and Word files, so it is
 *  asynchronous) and tells the test workers where it is. */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-seed-'));
  await buildGraph({ inputs: [SEED_SOURCE], outDir: join(dir, 'graph'), referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
  process.env[SEED_BUILD_ENV] = dir;
}
