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
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ['depth', 'direction', 'document', 'evidence', 'format', 'iri', 'lang', 'limit', 'literals', 'predicates'],
    );
  });
});
