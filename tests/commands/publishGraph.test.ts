import { join } from 'node:path';
import { publishGraph } from '../../src/commands';
import { createStore, discoverSources, type GraphStore } from '../../src/graph';
import { DEFAULT_BASE } from '../../src/vocab';
import { createVirtuosoStore } from '../storeUnderTest';

jest.setTimeout(120_000);
const FIXTURES = join(__dirname, '..', 'fixtures', 'sparql');
const { sources } = discoverSources({
  graphDir: join(FIXTURES, 'graph'),
  ontologyDir: join(FIXTURES, 'ontology'),
  referenceDir: join(FIXTURES, 'reference'),
  base: DEFAULT_BASE,
});
const dataset = async (store: GraphStore) => (await store.dump('application/n-quads')).split('\n').filter(Boolean).sort();

describe('publishing built graphs to a remote store', () => {
  let remote: GraphStore;
  beforeAll(async () => ({ store: remote } = await createVirtuosoStore({ sources: [] })));
  afterAll(() => remote.close());

  it('holds the same quads as the embedded store loaded from the same files', async () => {
    const result = await publishGraph(remote, sources);
    const embedded = await createStore({ sources, workers: 1 });
    try {
      expect(result.graphs).toEqual(await embedded.graphs());
      expect(await dataset(remote)).toEqual(await dataset(embedded));
      expect(result.quads).toBe(await embedded.size());
    } finally {
      await embedded.close();
    }
  });

  it('replaces each graph whole when published again, leaving nothing of the old one', async () => {
    const graph = (await remote.graphs())[0];
    await remote.load(`<urn:x:stale> <urn:x:p> "left over" .`, 'application/n-triples', graph);
    await publishGraph(remote, sources);
    await expect(remote.ask(`ASK { GRAPH <${graph}> { <urn:x:stale> ?p ?o } }`)).resolves.toBe(false);
  });
});
