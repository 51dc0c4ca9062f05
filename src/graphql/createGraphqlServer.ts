import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, createYoga, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import { scopedStore, type GraphStore, type QueryScope } from '../graph';
import type { SearchIndex } from '../search';
import { createIriScheme } from '../vocab';
import type { GraphqlContext } from './GraphqlContext';
import { renderGraphiqlPage } from './graphiql';
import { acceptLanguages } from './languages/acceptLanguages';
import { MAX_REQUEST_BODY_BYTES } from './limits';
import { createLoaders } from './loaders/createLoaders';
import { OperationPlans } from './plan/operationPlans';
import { introspectionCache } from './introspectionCache';
import { maskError } from './maskError';
import { persistedOperation, persistedOperationNamed } from './persisted/persistedOperations';
import { protectionPlugins } from './protection/protectionPlugins';
import { resolvers } from './resolvers';
import { buildSchema } from './schema/buildSchema';

export const GRAPHQL_PATH = '/graphql';
/** Where the GraphiQL bundle is served. */
export const GRAPHIQL_ASSETS_PATH = `${GRAPHQL_PATH}/assets`;
/** The manifest of persisted operations. */
export const PERSISTED_OPERATIONS_PATH = `${GRAPHQL_PATH}/operations`;

/** GraphiQL opens on this: the paragraphs citing the Global Plan of Action's resolution
 *  (A/RES/64/293, the default of its variable). */
const EXAMPLE = persistedOperationNamed('ParagraphsCiting');

export interface GraphqlServerOptions {
  store: GraphStore;
  /** Base IRI of the data (symbols and slugs become IRIs under it). */
  base: string;
  /** Where masked errors are logged (and yoga's own messages); silent when absent. */
  logger?: YogaLogger;
  /** Serve GraphiQL to browsers (default true). */
  graphiql?: boolean;
  /** More envelop plugins, after the service's own (instrumentation). */
  plugins?: Plugin<GraphqlContext>[];
  /** The full-text index `search` reads (without it, a substring scan in SPARQL). */
  search?: SearchIndex;
}

/** What the HTTP layer hands to each request: the scope every store query of the request
 *  carries (the client's abort signal, its deadline and its identity for per-client limits). */
export interface GraphqlServerContext {
  scope?: QueryScope;
}

export type GraphqlServer = YogaServerInstance<GraphqlServerContext, GraphqlContext>;

/** Plans the operation before it runs (see planOperation), and tells the fallback loaders which
 *  links it follows (see prefetchPaths); both kept per query text (see OperationPlans). */
function planPlugin(): Plugin<GraphqlContext & { params?: { query?: string } }> {
  let plans: OperationPlans | undefined;
  return {
    onExecute({ args }) {
      if (!plans) plans = new OperationPlans(args.schema, resolvers);
      const { plan, paths } = plans.prepare(args.document, args.contextValue.params?.query, args.operationName, args.variableValues ?? undefined);
      args.contextValue.plan = plan;
      args.contextValue.loaders.lookAhead(paths);
    },
  };
}

/** The body limit, from Content-Length, before the body is read. In the service, fastify reads
 *  every body first, under its own bodyLimit (src/http) also when it comes without a length, and
 *  hands it over parsed; yoga's streaming check, which pipes each body through a transform
 *  stream (half the cost of an empty request), is therefore off. */
const bodyLimitPlugin: Plugin = {
  onRequestParse({ request }) {
    const length = request.headers.get('content-length');
    if (length !== null && !(/^\d+$/.test(length) && Number(length) <= MAX_REQUEST_BODY_BYTES)) {
      throw createGraphQLError(`The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes, or its Content-Length is not a number`, {
        extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
      });
    }
  },
};

const SILENT: YogaLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The GraphQL server (graphql-yoga) over a store, independent of the HTTP framework: the
 *  fastify plugin mounts it, tests and the benchmark call `fetch` on it directly. */
export function createGraphqlServer({ store, base, logger = SILENT, graphiql = true, plugins = [], search }: GraphqlServerOptions): GraphqlServer {
  const iris = createIriScheme(base);
  return createYoga<GraphqlServerContext, GraphqlContext>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    logging: logger,
    // CORS is the application's (one policy for every interface).
    cors: false,
    landingPage: false,
    maskedErrors: { maskError },
    maxRequestBodySize: false,
    context: ({ request, scope }) => {
      const requestStore = scope ? scopedStore(store, scope) : store;
      return {
        store: requestStore,
        iris,
        loaders: createLoaders(requestStore),
        languages: acceptLanguages(request.headers.get('accept-language')),
        ...(search ? { search } : {}),
      };
    },
    graphiql: graphiql && {
      title: 'UN resolutions knowledge graph: GraphQL',
      defaultQuery: EXAMPLE?.document,
    },
    renderGraphiQL: (options) => renderGraphiqlPage(GRAPHIQL_ASSETS_PATH, options),
    plugins: [
      bodyLimitPlugin,
      ...protectionPlugins(),
      introspectionCache(),
      planPlugin(),
      usePersistedOperations({
        getPersistedOperation: (hash) => persistedOperation(hash)?.document ?? null,
        // Front ends send hashes; analysts may still send any operation.
        allowArbitraryOperations: true,
      }),
      ...plugins,
    ],
  });
}
