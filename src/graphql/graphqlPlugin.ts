import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { YogaLogger } from 'graphql-yoga';
import type { GraphStore } from '../graph';
import type { SearchIndex } from '../search';
import { createGraphqlServer, GRAPHIQL_ASSETS_PATH, GRAPHQL_PATH, PERSISTED_OPERATIONS_PATH } from './createGraphqlServer';
import { GRAPHIQL_ASSETS, graphiqlAsset, type GraphiqlAssetName } from './graphiql';
import { PERSISTED_OPERATIONS } from './persisted/persistedOperations';

export interface GraphqlPluginOptions {
  store: GraphStore;
  /** Base IRI of the data. */
  base: string;
  /** Serve GraphiQL to browsers opening /graphql (default true). */
  graphiql?: boolean;
  /** The service's full-text index, for `search`. */
  search?: SearchIndex;
}

/** The GraphiQL bundle never changes within a release. */
const ASSET_CACHE_CONTROL = 'public, max-age=86400';

/** GraphQL at /graphql (GET, POST, OPTIONS), GraphiQL for browsers with its assets under
 *  /graphql/assets, and the manifest of persisted operations at /graphql/operations. */
export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (app, { store, base, graphiql = true, search }) => {
  const yoga = createGraphqlServer({ store, base, graphiql, logger: yogaLogger(app.log), ...(search ? { search } : {}) });

  app.route({
    url: GRAPHQL_PATH,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (request, reply) => {
      const response = await yoga.handleNodeRequestAndResponse(request, reply, { req: request, reply });
      response.headers.forEach((value, name) => reply.header(name, value));
      reply.status(response.status);
      return reply.send(response.body);
    },
  });

  app.get(PERSISTED_OPERATIONS_PATH, async () => ({
    operations: PERSISTED_OPERATIONS.map(({ name, sha256Hash, document }) => ({ name, sha256Hash, document })),
  }));

  if (graphiql) {
    app.get<{ Params: { name: string } }>(`${GRAPHIQL_ASSETS_PATH}/:name`, async (request, reply) => {
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
