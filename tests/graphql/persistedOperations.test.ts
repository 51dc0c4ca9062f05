import type { GraphStore } from '../../src/graph';
import { PERSISTED_OPERATIONS, persistedOperationNamed, sha256, type GraphqlServer } from '../../src/graphql';
import { execute, graphqlServer, seedStore } from './seedStore';

describe('persisted operations', () => {
  let store: GraphStore;
  let server: GraphqlServer;

  beforeAll(async () => {
    store = await seedStore();
    server = graphqlServer(store);
  });
  afterAll(() => store.close());

  const byHash = async (sha256Hash: string, variables: Record<string, unknown>) => {
    const response = await server.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string }> } };
  };

  test('are keyed by the SHA-256 of their text', () => {
    expect(PERSISTED_OPERATIONS.map((op) => op.name)).toEqual([
      'NodeNeighbourhood',
      'ParagraphsCiting',
      'ResolutionWithParagraphs',
      'SdgTargetWithCitingParagraphs',
    ]);
    for (const op of PERSISTED_OPERATIONS) expect(op.sha256Hash).toBe(sha256(op.document));
  });

  test.each([
    ['ParagraphsCiting', { cites: 'A/RES/64/293' }],
    ['ResolutionWithParagraphs', { symbol: 'E/RES/2017/18', lang: ['en'] }],
    ['SdgTargetWithCitingParagraphs', { code: '8.7' }],
    ['NodeNeighbourhood', { id: 'https://w3id.org/unkg/org/unodc' }],
  ])('%s sent by hash answers as its text does', async (name, variables) => {
    const operation = persistedOperationNamed(name)!;
    const persisted = await byHash(operation.sha256Hash, variables);
    const sent = await execute(server, operation.document, variables);
    expect(persisted.status).toBe(200);
    expect(persisted.body.errors).toBeUndefined();
    expect(persisted.body).toEqual(sent.body);
  });

  test('an unknown hash is refused as not found', async () => {
    const response = await byHash(sha256('{ __typename }'), {});
    expect(response.body.errors?.[0].message).toBe('PersistedQueryNotFound');
  });

  test('ad-hoc operations are still accepted', async () => {
    const response = await execute(server, '{ sdgTarget(code: "16.2") { code goal { code } } }');
    expect(response.body).toEqual({ data: { sdgTarget: { code: '16.2', goal: { code: '16' } } } });
  });
});
