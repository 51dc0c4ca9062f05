import type { GraphStore } from '../../src/graph';
import { MAX_PAGE_SIZE, type GraphqlServer } from '../../src/graphql';
import { execute, graphqlServer, seedStore } from './seedStore';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; number: string } }>;
}

describe('connections', () => {
  let store: GraphStore;
  let server: GraphqlServer;
  let preambleInOrder: string[];

  beforeAll(async () => {
    store = await seedStore();
    server = graphqlServer(store);
    const rows = await store.select(
      'SELECT DISTINCT ?p ?n WHERE { ?p a <https://w3id.org/unkg/ontology#PreambularParagraph> ; <https://w3id.org/unkg/ontology#position> ?n } ORDER BY ?n',
    );
    preambleInOrder = rows.results.bindings.map((row) => row.p.value);
  });
  afterAll(() => store.close());

  /** Follows endCursor from the first page to the last. */
  async function walk(list: (after: string | null) => Promise<Page>): Promise<Page[]> {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page = await list(after);
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 50);
    return pages;
  }

  const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id number } }';

  test.each([
    [
      'Query.paragraphs',
      `query($after: String) { list: paragraphs(filter: { kind: PREAMBULAR, document: "E/RES/2017/18" }, first: 5, after: $after) { ${PAGE} } }`,
    ],
    [
      'Resolution.paragraphs',
      `query($after: String) { resolution(symbol: "E/RES/2017/18") { list: paragraphs(kind: PREAMBULAR, first: 5, after: $after) { ${PAGE} } } }`,
    ],
  ])('%s walks the 19 preambular paragraphs in order, 5 at a time', async (_, query) => {
    const pages = await walk(async (after) => {
      const response = await execute(server, query, { after });
      expect(response.body.errors).toBeUndefined();
      const data = response.body.data;
      return (data.list ?? data.resolution.list) as Page;
    });
    expect(preambleInOrder).toHaveLength(19);
    expect(pages.map((p) => p.edges.length)).toEqual([5, 5, 5, 4]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual(preambleInOrder);
    expect(pages.map((p) => p.totalCount)).toEqual([19, 19, 19, 19]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.number))).toEqual(preambleInOrder.map((_, i) => String(i + 1)));
  });

  test('put sub-paragraphs right after their paragraph in Query.paragraphs', async () => {
    const response = await execute(server, `{ paragraphs(filter: { document: "E/RES/2017/18" }, first: 100) { totalCount nodes { id } } }`);
    const ids = response.body.data.paragraphs.nodes.map((p: { id: string }) => p.id.replace(/^.*2017\/18\//, ''));
    expect(response.body.data.paragraphs.totalCount).toBe(38);
    expect(ids.slice(4, 13)).toEqual(['pp/5', 'pp/6', 'pp/6/a', 'pp/6/b', 'pp/6/c', 'pp/6/d', 'pp/6/e', 'pp/6/f', 'pp/7']);
    expect(ids.slice(-2)).toEqual(['op/12', 'op/13']);
  });

  test('refuse a page larger than the maximum, saying what the maximum is', async () => {
    const response = await execute(server, `{ paragraphs(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`at most ${MAX_PAGE_SIZE}`),
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  test('refuse a cursor they did not issue', async () => {
    const response = await execute(server, `{ resolution(symbol: "E/RES/2017/18") { paragraphs(after: "not-a-cursor") { totalCount } } }`);
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('not a cursor'),
      path: ['resolution', 'paragraphs'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });

  test('answer an empty page past the end with no next page', async () => {
    const first = await execute(server, `{ paragraphs(filter: { kind: OPERATIVE }, first: 13) { pageInfo { hasNextPage endCursor } } }`);
    const { endCursor, hasNextPage } = first.body.data.paragraphs.pageInfo;
    expect(hasNextPage).toBe(false);
    const after = await execute(
      server,
      `query($after: String) { paragraphs(filter: { kind: OPERATIVE }, after: $after) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      { after: endCursor },
    );
    expect(after.body.data.paragraphs).toEqual({ totalCount: 13, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
