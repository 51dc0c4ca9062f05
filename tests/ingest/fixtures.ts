import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReference } from '../../src/commands';
import { echoCandidatesFromQuads, gazetteerFromQuads, ingestBytes, type IngestResult } from '../../src/ingest';
import { createIriScheme, DEFAULT_BASE, sdgIri } from '../../src/vocab';
import { SEED_REFERENCE, SEED_SOURCE } from '../seedData';

export const ROOT = join(__dirname, '../..');
/** The seed resolution's text and the reference data, as committed under tests/fixtures/seed. */
export const SEED = SEED_SOURCE;
export { SEED_REFERENCE };
export const EN_FIXTURE = join(ROOT, 'tests/fixtures/ingest/A-RES-72-195.en.md');
export const FR_GA_FIXTURE = join(ROOT, 'tests/fixtures/ingest/A-RES-71-167.fr.md');

export const iris = createIriScheme(DEFAULT_BASE);
const reference = readReference(SEED_REFERENCE);
export const gazetteer = gazetteerFromQuads(reference);
export const echoCandidates = echoCandidatesFromQuads(reference);

export function ingestFile(path: string): IngestResult {
  return ingestBytes(readFileSync(path), path, { iris, gazetteer, echoCandidates });
}

/** Short names for IRIs in assertions: "A/RES/64/293", "treaty 2225/39574", "sdg 5.2", "org unodc". */
export function short(iri: string): string {
  if (iri.startsWith('http://metadata.un.org/sdg/')) return `sdg ${iri.slice(27)}`;
  const rest = iri.slice(DEFAULT_BASE.length);
  if (rest.startsWith('eli/un/')) return rest.slice(7);
  if (rest.startsWith('treaty/unts/')) return `treaty ${rest.slice(12)}`;
  const [kind, ...slug] = rest.split('/');
  return `${kind} ${slug.join('/')}`;
}

export { sdgIri };
