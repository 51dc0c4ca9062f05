import { startService, type ServiceUnderTest } from './serviceUnderTest';

describe('the OpenAPI description', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => (service = await startService()));
  afterAll(() => service.close());

  it('documents the graph, search and resource routes, and leaves out pages and assets', async () => {
    const paths = Object.keys((await service.app.inject('/api/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/graph', '/api/search', '/api/resource']));
    expect(paths.filter((p) => /^\/(explore|yasgui|assets|eli|org|treaty|event|pub|plan|clause|ontology)\b|^\/$/.test(p))).toEqual([]);
  });

  it('lists the parameters of the graph API', async () => {
    const operation = (await service.app.inject('/api/openapi.json')).json().paths['/api/graph'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'depth',
      'direction',
      'document',
      'evidence',
      'format',
      'iri',
      'lang',
      'limit',
      'literals',
      'predicates',
    ]);
  });

  it('groups every operation, named queries first, and leaves out the write-only and asset routes', async () => {
    const doc = (await service.app.inject('/api/openapi.json')).json() as {
      tags: Array<{ name: string }>;
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(doc.tags.map((t) => t.name)).toEqual(['queries', 'graph', 'explorer', 'sparql', 'graphql']);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, tags: op.tags ?? [] })),
    );
    expect(operations.filter((op) => op.tags.length !== 1 || !doc.tags.some((t) => t.name === op.tags[0]))).toEqual([]);
    expect(operations.filter((op) => op.path.startsWith('/api/queries/')).every((op) => op.tags[0] === 'queries')).toBe(true);
    expect(doc.paths['/sparql']).toEqual({ get: expect.anything(), post: expect.anything() });
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/graphql/assets') || p === '/query')).toEqual([]);
  });
});
