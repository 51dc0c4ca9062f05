import { parse } from 'graphql';
import type { GraphStore } from '../../src/graph';
import { persistedOperationNamed, type GraphqlServer } from '../../src/graphql';
import { prefetchPaths } from '../../src/graphql/loaders/prefetchPaths';
import { buildSchema } from '../../src/graphql/schema/buildSchema';
import { CountingStore } from './CountingStore';
import { DOC, execute, graphqlServer, seedStore } from './seedStore';

/** Resolvers batch per request: the number of SPARQL queries a request sends depends on the
 *  shape of the request, not on how many results it has. */

const PARAGRAPHS_WITH_EVERYTHING = `query($first: Int) {
  resolution(symbol: "E/RES/2017/18") {
    paragraphs(first: $first) {
      nodes {
        id kind number text
        clauseActs { verb { slug label } verbText addressee { ... on Node { id } } }
        clauseVerbs { slug }
        citations { matchedText startOffset endOffset viaFootnote { number } target { ... on Node { id types } } }
        mentions { ... on Node { id } ... on Organisation { label } }
        footnotes { number text cites { ... on Node { id } } }
      }
    }
  }
}`;

/** A small constant. Measured: 3 (the resolution with the order of its paragraphs; then, side
 *  by side, the paragraphs with their clause acts, verbs, footnotes and mentioned things, and
 *  their citations with the cited things and footnotes). */
const MAX_QUERIES = 6;

describe('batching', () => {
  let real: GraphStore;
  let store: CountingStore;
  let server: GraphqlServer;

  beforeAll(async () => {
    real = await seedStore();
    store = new CountingStore(real);
    server = graphqlServer(store);
  });
  afterAll(() => real.close());
  beforeEach(() => store.reset());

  async function queriesFor(first: number) {
    store.reset();
    const response = await execute(server, PARAGRAPHS_WITH_EVERYTHING, { first });
    expect(response.body.errors).toBeUndefined();
    return { queries: store.count, paragraphs: response.body.data.resolution.paragraphs.nodes };
  }

  test('fetches all 32 paragraphs with citations, mentions, verbs and footnotes in a handful of queries', async () => {
    const { queries, paragraphs } = await queriesFor(32);
    expect(paragraphs).toHaveLength(32);
    const citationCount = (
      await real.select(`SELECT (COUNT(DISTINCT ?ref) AS ?n) WHERE {
        <${DOC}> <http://data.europa.eu/eli/ontology#has_part> ?p .
        ?p a ?kind . FILTER(?kind IN (<https://w3id.org/unkg/ontology#PreambularParagraph>, <https://w3id.org/unkg/ontology#OperativeParagraph>))
        ?ref <http://purl.org/spar/cito/hasCitingEntity> ?p ; a <https://w3id.org/unkg/ontology#Citation> }`)
    ).results.bindings[0].n.value;
    expect(paragraphs.flatMap((p: { citations: unknown[] }) => p.citations)).toHaveLength(Number(citationCount));
    expect(queries).toBeLessThanOrEqual(MAX_QUERIES);
  });

  test('sends as many queries for 32 paragraphs as for 5', async () => {
    const five = await queriesFor(5);
    const all = await queriesFor(32);
    expect(five.paragraphs).toHaveLength(5);
    expect(all.queries).toBe(five.queries);
  });

  test('batches the keys of one level into one VALUES block when they were not loaded ahead', async () => {
    // With two paragraph lists below the resolution, neither is loaded ahead of its order.
    store.reset();
    const response = await execute(
      server,
      PARAGRAPHS_WITH_EVERYTHING.replace('paragraphs(first: $first) {', 'citedBy(first: 1) { totalCount } paragraphs(first: $first) {'),
      { first: 32 },
    );
    expect(response.body.errors).toBeUndefined();
    const valuesBlocks = (query: string) => (query.match(/VALUES \?\w+ \{[^}]*\}/g) ?? []).filter((block) => block.includes(`${DOC}/op/13>`));
    const aboutParagraphs = store.queries.filter((query) => valuesBlocks(query).length);
    // The paragraphs' descriptions and their citations: one query for all 32.
    expect(aboutParagraphs).toHaveLength(1);
    for (const block of aboutParagraphs.flatMap(valuesBlocks)) expect(block.match(/\/E\/RES\/2017\/18\/(pp|op)\/\d+>/g)).toHaveLength(32);
  });

  test('fetches the resources at the end of the links an operation selects with the resources themselves', async () => {
    const response = await execute(server, `{ paragraphs(filter: { cites: "A/RES/64/293" }) { nodes { document { symbol } clauseVerbs { slug } } } }`);
    expect(response.body.data.paragraphs.nodes).toEqual([
      { document: { symbol: 'E/RES/2017/18' }, clauseVerbs: [{ slug: 'aware' }, { slug: 'stressing' }] },
      { document: { symbol: 'E/RES/2017/18' }, clauseVerbs: [{ slug: 'urges' }, { slug: 'invites' }] },
      { document: { symbol: 'E/RES/2017/18' }, clauseVerbs: [{ slug: 'recalls' }] },
    ]);
    // The page of paragraphs, with the paragraphs, their documents, clause acts and verbs.
    expect(store.count).toBe(1);
  });

  test('reads the links to follow from the operation, through fragments and up to two links deep', () => {
    const paths = (operation: string) => prefetchPaths(buildSchema(), parse(operation));
    expect(paths(persistedOperationNamed('ParagraphsCiting')!.document)).toEqual([
      'eli:is_part_of',
      'eli:is_part_of/eli:is_part_of',
      'unkg:clauseAct',
      'unkg:clauseVerb',
    ]);
    expect(
      paths(`{ node(id: "x") { ...act } } fragment act on ClauseAct { verb { slug } addressee { ... on Organisation { parent { parent { slug } } } } }`),
    ).toEqual(['org:subOrganizationOf', 'org:subOrganizationOf/org:subOrganizationOf', 'unkg:addressee', 'unkg:addressee/org:subOrganizationOf', 'unkg:verb']);
    expect(paths(`{ resolution(symbol: "x") { paragraphs { nodes { id } } citedBy { totalCount } } }`)).toEqual([]);
  });

  test('shares nothing between requests: the same request sends the same queries again', async () => {
    const first = await queriesFor(10);
    const second = await queriesFor(10);
    expect(second.queries).toBe(first.queries);
  });
});
