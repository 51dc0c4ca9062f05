import type { FastifyBaseLogger, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { YogaLogger } from 'graphql-yoga';
import type { GraphStore } from '../graph';
import { queryScope, varyOn } from '../http';
import type { SearchIndex } from '../search';
import { createGraphqlServer, GRAPHIQL_ASSETS_PATH, GRAPHQL_PATH, PERSISTED_OPERATIONS_PATH } from './createGraphqlServer';
import { GRAPHIQL_ASSETS, graphiqlAsset, type GraphiqlAssetName } from './graphiql';
import { PERSISTED_OPERATIONS } from './persisted/persistedOperations';
import { requestBodyProblem } from './requestBodyProblem';
import { IntrospectionAnswers, warmIntrospection } from './introspectionCache';

export interface GraphqlPluginOptions {
  store: GraphStore;
  /** Base IRI of the data. */
  base: string;
  /** Serve GraphiQL to browsers opening /graphql (default true). */
  graphiql?: boolean;
  /** The service's full-text index, for `search`. */
  search?: SearchIndex;
}

/** What a GET /graphql without an operation is told (a browser gets GraphiQL instead). */
export const MISSING_QUERY_MESSAGE =
  'GET /graphql needs an operation: ?query={resolution(symbol:"E/RES/2017/18"){title}} (and variables=... as JSON), ' +
  `or a persisted operation's hash in extensions= (listed at ${PERSISTED_OPERATIONS_PATH}); ` +
  'or POST application/json {"query": "..."}. Opened in a browser, /graphql is GraphiQL.';

/** A GET that names no operation, from a client that does not take HTML. */
function asksNothing(request: FastifyRequest): boolean {
  if (request.method !== 'GET' || (request.headers.accept ?? '').includes('text/html')) return false;
  const query = request.query as Record<string, unknown>;
  return query.query === undefined && query.extensions === undefined;
}

/** The GraphiQL bundle never changes within a release. */
const ASSET_CACHE_CONTROL = 'public, max-age=86400';

/** GraphQL at /graphql (GET, POST, OPTIONS), GraphiQL for browsers with its assets under
 *  /graphql/assets, and the manifest of persisted operations at /graphql/operations. */
export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (app, { store, base, graphiql = true, search }) => {
  const yoga = createGraphqlServer({ store, base, graphiql, logger: yogaLogger(app.log), ...(search ? { search } : {}) });

  // The first introspection builds a large answer on the event loop (hundreds of ms, cold):
  // done while the service starts, not while it serves. Later ones come from memory.
  app.addHook('onReady', async () => {
    await warmIntrospection(yoga);
  });
  const introspection = new IntrospectionAnswers();

  app.route({
    url: GRAPHQL_PATH,
    method: ['GET', 'POST', 'OPTIONS'],
    schema: { summary: 'GraphQL (GraphiQL in a browser); the schema by introspection', tags: ['graphql'] },
    handler: async (request, reply) => {
      // The answer depends on Accept: GraphiQL for browsers, the GraphQL media types otherwise.
      varyOn(reply, 'Accept');
      const problem = request.method === 'POST' ? requestBodyProblem(request.body) : undefined;
      if (problem)
        return reply
          .status(400)
          .type('application/json; charset=utf-8')
          .send({ errors: [{ message: problem, extensions: { code: 'BAD_REQUEST' } }] });
      if (asksNothing(request)) {
        return reply
          .status(400)
          .type('application/json; charset=utf-8')
          .send({ errors: [{ message: MISSING_QUERY_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
      }
      const key = request.method === 'POST' ? introspection.keyOf(request.body, request.headers.accept) : undefined;
      const kept = key === undefined ? undefined : introspection.get(key);
      if (kept) {
        for (const [name, value] of kept.headers) reply.header(name, value);
        return reply.status(kept.status).send(kept.body);
      }
      const response = await yoga.handleNodeRequestAndResponse(request, reply, { scope: queryScope(request, reply) });
      const headers: Array<[string, string]> = [];
      response.headers.forEach((value, name) => {
        reply.header(name, value);
        if (name !== 'content-length') headers.push([name, value]);
      });
      reply.status(response.status);
      if (key === undefined) return reply.send(response.body);
      const body = await response.text();
      introspection.keep(key, request.body as { query: string; operationName?: string }, { status: response.status, headers, body });
      return reply.send(body);
    },
  });

  app.get(PERSISTED_OPERATIONS_PATH, { schema: { summary: 'The persisted operations: names, hashes and documents', tags: ['graphql'] } }, async () => ({
    operations: PERSISTED_OPERATIONS.map(({ name, sha256Hash, document }) => ({ name, sha256Hash, document })),
  }));

  if (graphiql) {
    app.get<{ Params: { name: string } }>(`${GRAPHIQL_ASSETS_PATH}/:name`, { schema: { hide: true } }, async (request, reply) => {
      const name = request.params.name as GraphiqlAssetName;
      if (!Object.hasOwn(GRAPHIQL_ASSETS, name)) return reply.callNotFound();
      return reply.type(GRAPHIQL_ASSETS[name].type).header('cache-control', ASSET_CACHE_CONTROL).send(graphiqlAsset(name));
    });
  }
};

/** Yoga's messages into the application's log. */
function yogaLogger(log: FastifyBaseLogger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args;
      if (first instanceof Error) log[level]({ err: first }, rest.map(String).join(' ') || first.message);
      else log[level](args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
