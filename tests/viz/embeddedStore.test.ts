/** Graph views read the same from the product's embedded store (oxigraph in worker
 *  threads, which writes out the xsd:string datatype of simple literals) as from a bare
 *  oxigraph store. */
import { createStore, type GraphStore } from '../../src/graph';
import { createIriScheme, DEFAULT_BASE } from '../../src/vocab';
import { documentGraph, neighbourhood } from '../../src/viz';
import { FIXTURE_FILES, fixtureStore } from './OxigraphSelectStore';

const iris = createIriScheme(DEFAULT_BASE);

describe('graph views over the embedded store', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await createStore({
      sources: FIXTURE_FILES.map(({ path, graph }) => ({ path, graph, format: 'text/turtle' as const })),
      workers: 1,
    });
  });
  afterAll(() => store?.close());

  it.each(['attributes', 'nodes'] as const)('draw the same document graph, literals as %s', async (literals) => {
    const options = { limit: 100, lang: ['en'], literals };
    const embedded = await documentGraph(store, iris.document('E/RES/2017/18'), options);
    expect(embedded.nodes.length).toBeGreaterThan(10);
    expect(embedded).toEqual(await documentGraph(fixtureStore(), iris.document('E/RES/2017/18'), options));
  });

  it('draw the same two-hop neighbourhood', async () => {
    const options = { depth: 2, direction: 'both', limit: 100, lang: ['fr'], literals: 'nodes' } as const;
    const cited = iris.document('A/RES/64/293');
    expect(await neighbourhood(store, cited, options)).toEqual(await neighbourhood(fixtureStore(), cited, options));
  });
});
