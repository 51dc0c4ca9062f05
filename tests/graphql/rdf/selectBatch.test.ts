import type { GraphStore } from '../../../src/graph';
import { PREFIXES } from '../../../src/graphql/rdf/sparqlSyntax';
import { selectBatch } from '../../../src/graphql/rdf/selectBatch';
import { selectAsTsv } from '../../../src/graphql/rdf/tsvResults';
import { CountingStore } from '../CountingStore';
import { DOC, seedStore } from '../seedStore';

/** The SELECTs of one turn go to the store as one query, and each gets back exactly the rows it
 *  would have got alone, a page in its order. */

const PARAGRAPHS = `${PREFIXES}\nSELECT ?p ?position WHERE { ?p eli:is_part_of <${DOC}> ; a unkg:OperativeParagraph ; unkg:position ?position } ORDER BY DESC(?position) ?p LIMIT 5`;
const TITLE = `${PREFIXES}\nSELECT DISTINCT ?title WHERE { <${DOC}> dcterms:title ?title }`;
const COUNT = `${PREFIXES}\nSELECT (COUNT(?p) AS ?n) WHERE { ?p eli:is_part_of <${DOC}> }`;
const NOTHING = `${PREFIXES}\nSELECT ?x WHERE { <${DOC}> unkg:noSuchProperty ?x }`;

describe('selectBatch', () => {
  let real: GraphStore;
  let store: CountingStore;
  beforeAll(async () => {
    real = await seedStore();
    store = new CountingStore(real);
  });
  afterAll(() => real.close());
  beforeEach(() => store.reset());

  it('sends the queries of one turn as one query, each answered with its own rows', async () => {
    const alone = await Promise.all([PARAGRAPHS, TITLE, COUNT, NOTHING].map((query) => selectAsTsv(real, query)));
    const select = selectBatch(store);
    const together = await Promise.all([select(PARAGRAPHS, { orderBy: 'DESC(?position) ?p' }), select(TITLE), select(COUNT), select(NOTHING)]);
    expect(store.count).toBe(1);
    expect(store.rounds).toBe(1);
    expect(together.map((r) => r.results.bindings)).toEqual(alone.map((r) => r.results.bindings));
    // The page keeps its order: the last five operative paragraphs, last first.
    expect(together[0].results.bindings.map((row) => Number(row.position.value))).toEqual([13, 12, 11, 10, 9]);
    expect(together[3].results.bindings).toEqual([]);
  });

  it('sends a query alone as it is', async () => {
    const select = selectBatch(store);
    await select(TITLE);
    expect(store.queries).toEqual([TITLE]);
  });

  it('puts a second ordered query in a batch of its own', async () => {
    const select = selectBatch(store);
    const [first, second] = await Promise.all([select(PARAGRAPHS, { orderBy: 'DESC(?position) ?p' }), select(PARAGRAPHS, { orderBy: 'DESC(?position) ?p' })]);
    expect(store.count).toBe(2);
    expect(second).toEqual(first);
  });

  it('fails every query of a batch the store refuses', async () => {
    const select = selectBatch(store);
    const results = await Promise.allSettled([select(TITLE), select(`${PREFIXES}\nSELECT ?x WHERE { ?x ?y }`)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
