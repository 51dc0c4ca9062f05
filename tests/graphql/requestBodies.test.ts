import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../../src/graph';
import { graphqlApp } from './graphqlApp';
import { seedStore } from './seedStore';

/** Every body POSTed to /graphql gets an answer: what is not a GraphQL request object is a 400
 *  saying what was expected (these bodies once left the request hanging). */
describe('bodies POSTed to /graphql', () => {
  let store: GraphStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await seedStore();
    app = await graphqlApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const post = (payload: string | undefined, contentType = 'application/json') =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...(contentType ? { 'content-type': contentType } : {}), accept: 'application/json' },
      ...(payload === undefined ? {} : { payload }),
    });

  test.each([
    ['an empty object', '{}', /got an empty object/],
    ['null', 'null', /got null/],
    ['an array', '[]', /got an array/],
    ['a batch', '[{"query":"{ __typename }"}]', /got an array/],
    ['a number', '1', /got number/],
    ['true', 'true', /got boolean/],
    ['an object without a query', '{"variables":{}}', /has no "query"/],
    ['a string', '"{ __typename }"', /got string/],
  ])('answers 400 to %s', async (_, payload, message) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST' } });
  });

  test.each([
    ['a query that is not a string', '{"query":1}', /"query" param to be a string/],
    ['a member GraphQL does not define', '{"query":"{ __typename }","extra":1}', /Unexpected parameter "extra"/],
  ])('answers 400 to %s', async (_, payload, message) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(message);
  });

  test('answers 400 to broken JSON, saying so', async () => {
    const response = await post('{"query":');
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/JSON/);
  });

  test('answers 400 to a POST without a body', async () => {
    const response = await post(undefined, '');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/has no body/);
  });

  test('answers a GraphQL request object', async () => {
    const response = await post('{"query":"{ __typename }"}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
