import { gzipSync } from 'node:zlib';
import { buildTestApp, WRITE_TOKEN, type TestApp } from '../helpers';

describe('request bodies in a content coding', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN } })));
  afterAll(() => t.close());

  const graphs = async () => (await t.app.inject(`/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')}`)).json();

  it.each([
    ['a SPARQL query', '/sparql', 'POST', 'application/sparql-query', 'ASK {}', {}],
    ['a GraphQL request', '/graphql', 'POST', 'application/json', '{"query":"{ __typename }"}', {}],
    [
      'a Graph Store upload',
      '/store?graph=http://example.org/g',
      'PUT',
      'text/turtle',
      '<http://example.org/a> <http://example.org/b> <http://example.org/c> .',
      { authorization: `Bearer ${WRITE_TOKEN}` },
    ],
  ] as const)('are refused with 415 and the coding accepted, for %s, and nothing is written', async (_, url, method, type, text, extra) => {
    const before = await graphs();
    const response = await t.app.inject({ method, url, payload: gzipSync(text), headers: { 'content-type': type, 'content-encoding': 'gzip', ...extra } });
    expect(response.statusCode).toBe(415);
    expect(response.headers['accept-encoding']).toBe('identity');
    expect(response.json().message).toBe('Content-Encoding "gzip" is not accepted: send the body uncompressed (identity)');
    expect(await graphs()).toEqual(before);
  });

  it('accepts identity, said or not', async () => {
    for (const headers of [{}, { 'content-encoding': 'identity' }, { 'content-encoding': ' IDENTITY ' }]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/sparql',
        payload: 'ASK {}',
        headers: { 'content-type': 'application/sparql-query', ...headers },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});
