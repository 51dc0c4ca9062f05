import { SEED_REFERENCE } from '../seedData';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/commands';
import { createStore, discoverSources, type OxigraphStore } from '../../src/graph';
import { DEFAULT_BASE } from '../../src/vocab';
import { execute, graphqlServer } from './seedStore';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests/fixtures/documents');

/** A store over a resolution built from its English Word file and its French PDF. */
async function bilingualStore(): Promise<OxigraphStore> {
  const graphDir = mkdtempSync(join(tmpdir(), 'unkg-bilingual-'));
  await buildGraph({
    inputs: [join(FIXTURES, 'E-RES-2019-41.en.docx'), join(FIXTURES, 'E-RES-2019-41.fr.pdf')],
    outDir: graphDir,
    referenceDir: SEED_REFERENCE,
    base: DEFAULT_BASE,
  });
  const { sources } = discoverSources({ graphDir, ontologyDir: join(ROOT, 'ontology'), referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });
  return createStore({ sources, workers: 1 });
}

describe('GraphQL on a resolution built from its English and French versions', () => {
  let store: OxigraphStore;
  beforeAll(async () => {
    store = await bilingualStore();
  });
  afterAll(() => store.close());

  it('lists its languages and gives every paragraph both texts, and the preferred one by itself', async () => {
    const query = `{ resolution(symbol: "E/RES/2019/41") { languages paragraphs(kind: OPERATIVE, first: 100) { nodes { number en: text(lang: ["en"]) fr: text(lang: ["fr"]) texts { language } } } } }`;
    const response = await execute(graphqlServer(store), query);
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data.resolution;
    expect(r.languages).toEqual(['en', 'fr']);
    expect(r.paragraphs.nodes).toHaveLength(8);
    for (const p of r.paragraphs.nodes) expect(p.texts.map((t: { language: string }) => t.language).sort()).toEqual(['en', 'fr']);
    expect(r.paragraphs.nodes[1]).toMatchObject({
      number: '2',
      en: expect.stringMatching(/^Calls upon Member States/),
      fr: expect.stringMatching(/^Demande aux États Membres/),
    });
  });

  it('keeps the evidence of each citation in its own language', async () => {
    const query = `{ resolution(symbol: "E/RES/2019/41") { paragraphs(kind: PREAMBULAR, first: 2) { nodes { number citations { matchedText language target { ... on Node { id } } } } } } }`;
    const response = await execute(graphqlServer(store), query);
    expect(response.body.errors).toBeUndefined();
    const pp2 = response.body.data.resolution.paragraphs.nodes[1];
    const protocols = pp2.citations
      .filter((c: { target: { id: string } }) => c.target.id === `${DEFAULT_BASE}treaty/unts/2241/39574`)
      .map((c: { matchedText: string; language: string }) => `${c.language} ${c.matchedText}`)
      .sort();
    expect(protocols).toEqual([
      'en Ibid., vols. 2237, 2241 and 2326, No. 39574',
      'en its Protocols',
      'fr Ibid., vol. 2237, 2241 et 2326, n° 39574',
      'fr ses Protocoles',
    ]);
  });
});
