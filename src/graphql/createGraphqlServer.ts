import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createYoga, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { GraphStore } from '../graph';
import { createIriScheme } from '../vocab';
import type { GraphqlContext } from './GraphqlContext';
import { renderGraphiqlPage } from './graphiql';
import { acceptLanguages } from './languages/acceptLanguages';
import { createLoaders } from './loaders/createLoaders';
import { prefetchPaths } from './loaders/prefetchPaths';
import { maskError } from './maskError';
import { persistedOperation, persistedOperationNamed } from './persisted/persistedOperations';
import { protectionPlugins } from './protection/protectionPlugins';
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
}

export type GraphqlServer = YogaServerInstance<Record<string, unknown>, GraphqlContext>;

/** Tells the request's loaders which links the operation will follow (see prefetchPaths). */
const lookAheadPlugin: Plugin<GraphqlContext> = {
  onExecute({ args }) {
    args.contextValue.loaders.lookAhead(prefetchPaths(args.schema, args.document, args.operationName));
  },
};

const SILENT: YogaLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The GraphQL server (graphql-yoga) over a store, independent of the HTTP framework: the
 *  fastify plugin mounts it, tests and the benchmark call `fetch` on it directly. */
export function createGraphqlServer({ store, base, logger = SILENT, graphiql = true }: GraphqlServerOptions): GraphqlServer {
  const iris = createIriScheme(base);
  return createYoga<Record<string, unknown>, GraphqlContext>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    logging: logger,
    // CORS is the application's (one policy for every interface).
    cors: false,
    landingPage: false,
    maskedErrors: { maskError },
    context: ({ request }) => ({
      store,
      iris,
      loaders: createLoaders(store),
      languages: acceptLanguages(request.headers.get('accept-language')),
    }),
    graphiql: graphiql && {
      title: 'UN resolutions knowledge graph: GraphQL',
      defaultQuery: EXAMPLE?.document,
    },
    renderGraphiQL: (options) => renderGraphiqlPage(GRAPHIQL_ASSETS_PATH, options),
    plugins: [
      ...protectionPlugins(),
      lookAheadPlugin,
      usePersistedOperations({
        getPersistedOperation: (hash) => persistedOperation(hash)?.document ?? null,
        // Front ends send hashes; analysts may still send any operation.
        allowArbitraryOperations: true,
      }),
    ],
  });
}
