import { getIntrospectionQuery } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphqlContext } from '../../src/graphql/GraphqlContext';
import type { GraphStore } from '../../src/graph';
import { createGraphqlServer, IntrospectionAnswers, MAX_SCHEMA_FIELDS, MAX_TYPE_FIELDS, type GraphqlServer } from '../../src/graphql';
import { DEFAULT_BASE } from '../../src/vocab';
import { execute, seedStore } from './seedStore';

/** Introspection is answered from memory and bounded: the schema never changes while the
 *  service runs, and one request may not multiply its large answer. */
describe('introspection', () => {
  let store: GraphStore;
  let server: GraphqlServer;
  let executions = 0;
  /** Runs after the service's own plugins: it sees only the operations that are executed. */
  const counter: Plugin<GraphqlContext> = {
    onExecute() {
      executions += 1;
    },
  };

  beforeAll(async () => {
    store = await seedStore();
    server = createGraphqlServer({ store, base: DEFAULT_BASE, plugins: [counter] });
  });
  afterAll(() => store.close());
  beforeEach(() => {
    executions = 0;
  });

  const INTROSPECTION = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });

  test('executes GraphiQL’s introspection query once and answers the same thing from memory after', async () => {
    const first = await execute(server, INTROSPECTION);
    const second = await execute(server, INTROSPECTION);
    const third = await execute(server, INTROSPECTION);
    expect(first.status).toBe(200);
    expect(first.body.data?.__schema.types.map((t: { name: string }) => t.name)).toContain('Resolution');
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(executions).toBe(1);
  });

  test('keeps one answer per set of variables', async () => {
    const typeQuery = 'query($name: String!) { __type(name: $name) { name kind } }';
    expect((await execute(server, typeQuery, { name: 'Resolution' })).body.data).toEqual({ __type: { name: 'Resolution', kind: 'OBJECT' } });
    expect((await execute(server, typeQuery, { name: 'Paragraph' })).body.data).toEqual({ __type: { name: 'Paragraph', kind: 'OBJECT' } });
    expect((await execute(server, typeQuery, { name: 'Resolution' })).body.data).toEqual({ __type: { name: 'Resolution', kind: 'OBJECT' } });
    expect(executions).toBe(2);
  });

  test('executes every operation that asks for data as well', async () => {
    await execute(server, '{ __typename sdgTarget(code: "5.2") { code } }');
    await execute(server, '{ __typename sdgTarget(code: "5.2") { code } }');
    expect(executions).toBe(2);
  });

  test.each([
    ['__schema', MAX_SCHEMA_FIELDS, (i: number) => `s${i}: __schema { types { name } }`],
    ['__type', MAX_TYPE_FIELDS, (i: number) => `t${i}: __type(name: "Resolution") { name }`],
  ])('refuses a document selecting %s more than %i times, before executing anything', async (field, limit, alias) => {
    const within = await execute(server, `{ ${Array.from({ length: limit }, (_, i) => alias(i)).join(' ')} }`);
    expect(within.status).toBe(200);
    executions = 0;
    const over = await execute(server, `{ ${Array.from({ length: limit + 1 }, (_, i) => alias(i)).join(' ')} }`);
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${field} at most ${limit}`),
      extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
    });
    expect(over.body.data).toBeUndefined();
    expect(executions).toBe(0);
  });
});

describe('serialised introspection answers', () => {
  const INTROSPECTION_ONLY = '{ __schema { queryType { name } } }';
  const answer = (body: string, status = 200) => ({ status, headers: [['content-type', 'application/json']] as Array<[string, string]>, body });

  test('are kept for an introspection-only request and found again by the same request', () => {
    const answers = new IntrospectionAnswers();
    const key = answers.keyOf({ query: INTROSPECTION_ONLY }, 'application/json')!;
    answers.keep(key, { query: INTROSPECTION_ONLY }, answer('{"data":{"__schema":{"queryType":{"name":"Query"}}}}'));
    expect(answers.get(answers.keyOf({ query: INTROSPECTION_ONLY }, 'application/json')!)?.body).toBe('{"data":{"__schema":{"queryType":{"name":"Query"}}}}');
    // Another Accept is another answer (status codes and media types differ by it).
    expect(answers.get(answers.keyOf({ query: INTROSPECTION_ONLY }, 'application/graphql-response+json')!)).toBeUndefined();
  });

  test.each([
    ['a document that also asks for data', '{ __typename sdgTarget(code: "5.2") { code } }', answer('{"data":{}}')],
    ['an answer with errors', INTROSPECTION_ONLY, answer('{"errors":[{"message":"refused"}]}')],
    ['a refused request', INTROSPECTION_ONLY, answer('{"errors":[{"message":"refused"}]}', 400)],
  ])('are not kept for %s', (_, query, refused) => {
    const answers = new IntrospectionAnswers();
    const key = answers.keyOf({ query }, undefined)!;
    answers.keep(key, { query }, refused);
    expect(answers.get(key)).toBeUndefined();
  });

  test.each([
    ['a document without a __ field', { query: '{ sdgTarget(code: "5.2") { code } }' }],
    ['a persisted operation', { query: INTROSPECTION_ONLY, extensions: { persistedQuery: {} } }],
    ['a very long document', { query: `{ __typename ${' '.repeat(20_000)} }` }],
    ['no query', { variables: {} }],
  ])('are never looked for with %s', (_, params) => {
    expect(new IntrospectionAnswers().keyOf(params, undefined)).toBeUndefined();
  });
});
