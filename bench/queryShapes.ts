/** The datasets and the six query shapes of the SPARQL benchmarks (bench:sparql, bench:scale). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { readReference } from '../src/commands';
import { discoverSources, type StoreSource } from '../src/graph';
import { gazetteerFromQuads, ingestText, toNQuads } from '../src/ingest';
import { createIriScheme, DEFAULT_BASE, NS } from '../src/vocab';
import { syntheticResolution } from './syntheticCorpus';

const ROOT = join(__dirname, '..');
export const SCRATCH = join(ROOT, 'var', 'bench');
export const JSON_RESULTS = 'application/sparql-results+json';
export const TURTLE = 'text/turtle';
const iris = createIriScheme(DEFAULT_BASE);
const PREFIXES = `PREFIX eli: <${NS.eli}>\nPREFIX unkg: <${NS.unkg}>\nPREFIX schema: <${NS.schema}>\n`;

// ---- datasets ---------------------------------------------------------------------------

export interface Dataset {
  name: string;
  sources: StoreSource[];
  /** The resolution the per-document shapes are about. */
  resolution: string;
  documents: number;
}

/** The project's own data: the seed's graphs, the ontology and the reference data. */
export function projectSources(): StoreSource[] {
  return discoverSources({
    graphDir: join(ROOT, 'data', 'graph'),
    ontologyDir: join(ROOT, 'ontology'),
    referenceDir: join(ROOT, 'data', 'reference'),
    base: DEFAULT_BASE,
  }).sources;
}

/** The ontology and the reference data, without any resolution's graph. */
export const vocabularySources = (): StoreSource[] => projectSources().filter((source) => source.format !== 'application/n-quads');

export function seedDataset(): Dataset {
  return { name: 'seed', sources: projectSources(), resolution: iris.document('E/RES/2017/18'), documents: 1 };
}

/** Ingests synthetic resolutions (French and English in turn) until the corpus holds
 *  `targetTriples` quads, written as one N-Quads file (each resolution in its own graph). */
export function syntheticDataset(targetTriples: number): Dataset {
  const gazetteer = gazetteerFromQuads(readReference(join(ROOT, 'data', 'reference')));
  const bar = new SingleBar(
    { format: 'generating [{bar}] {value}/{total} quads | {documents} resolutions | {duration}s', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(targetTriples, 0, { documents: 0 });
  const chunks: string[] = [];
  let quads = 0;
  let documents = 0;
  let resolution = '';
  while (quads < targetTriples) {
    const { name, text } = syntheticResolution(documents, documents % 2 === 0 ? 'fr' : 'en');
    const result = ingestText(text, name, { iris, gazetteer });
    if (!resolution) resolution = result.analysis.iri;
    chunks.push(toNQuads(result.quads));
    quads += result.quads.length;
    documents++;
    bar.update(Math.min(quads, targetTriples), { documents });
  }
  bar.stop();
  mkdirSync(SCRATCH, { recursive: true });
  const path = join(SCRATCH, 'synthetic-corpus.nq');
  writeFileSync(path, chunks.join(''));
  return { name: `synthetic (${documents} resolutions)`, sources: [{ path, format: 'application/n-quads' }, ...vocabularySources()], resolution, documents };
}

// ---- query shapes -----------------------------------------------------------------------

export interface Shape {
  name: string;
  accept: string;
  query(resolution: string): string;
}

export const SHAPES: readonly Shape[] = [
  { name: 'lookup', accept: JSON_RESULTS, query: (doc) => `SELECT ?p ?o WHERE { <${doc}> ?p ?o }` },
  {
    name: 'join',
    accept: JSON_RESULTS,
    query: (doc) =>
      `${PREFIXES}SELECT ?paragraph ?verb ?addressee WHERE { ?paragraph eli:is_part_of <${doc}> ; unkg:clauseAct ?act . ?act unkg:verb ?verb . OPTIONAL { ?act unkg:addressee ?addressee } }`,
  },
  {
    name: 'aggregate',
    accept: JSON_RESULTS,
    query: () =>
      `${PREFIXES}SELECT ?cited (COUNT(?paragraph) AS ?citations) WHERE { ?paragraph eli:cites ?cited } GROUP BY ?cited ORDER BY DESC(?citations) ?cited LIMIT 20`,
  },
  {
    name: 'text filter',
    accept: JSON_RESULTS,
    query: () => `${PREFIXES}SELECT (COUNT(?paragraph) AS ?n) WHERE { ?paragraph schema:text ?text FILTER(CONTAINS(LCASE(?text), "traite des personnes")) }`,
  },
  { name: 'property path', accept: JSON_RESULTS, query: (doc) => `${PREFIXES}SELECT DISTINCT ?part WHERE { ?part eli:is_part_of+ <${doc}> }` },
  {
    name: 'CONSTRUCT neighbourhood',
    accept: TURTLE,
    query: (doc) => `CONSTRUCT { <${doc}> ?p ?o . ?s ?q <${doc}> } WHERE { { <${doc}> ?p ?o } UNION { ?s ?q <${doc}> } }`,
  },
];
