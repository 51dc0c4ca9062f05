import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config';
import type { GraphStore } from './graph';
import {
  errorHandler,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_HEADER_BYTES,
  MAX_POST_BODY_BYTES,
  notFoundHandler,
  REQUEST_TIMEOUT_MS,
} from './http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { graphqlPlugin } from './graphql';
import { linkedDataPlugin } from './linkeddata';
import { loadNamedQueries, namedQueriesPlugin } from './queries';
import { graphRoutes } from './viz';
import { explorerPlugin, sparqlEditorPage } from './web';
import { sparqlPlugin, type HtmlPageHandler } from './sparql';

/** OpenAPI description of the REST routes (named queries, graph API) and its browsable docs. */
export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs';

export interface AppDependencies {
  store: GraphStore;
  /** Serves the query editor when a browser opens the SPARQL endpoint. */
  htmlPage?: HtmlPageHandler;
}

/** The HTTP application, without listening (tests use inject; server.ts listens). */
export async function buildApp(config: AppConfig, { store, htmlPage }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: MAX_POST_BODY_BYTES,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // The data is public and read-only without a token: any origin may read it. Preflight
  // admits the read methods; cross-origin writes from browsers are not offered.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST'],
    maxAge: 86_400,
    // Front ends on other origins read these: truncation of graph exports, alternates, file names.
    exposedHeaders: ['Graph-Truncated', 'Link', 'Content-Disposition'],
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'UN resolutions knowledge graph', version: '1', description: 'Named analyst queries and graph exports over the SPARQL store; see /sparql for SPARQL 1.1 and /graphql for GraphQL.' },
    },
  });
  await app.register(swaggerUi, { routePrefix: API_DOCS_PATH });
  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async () => app.swagger());

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Readiness (container health checks, load balancers): the store can take a query now.
  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const status = store.status();
    return reply.code(status.ready ? 200 : 503).send({ status: status.ready ? 'ready' : 'not ready', backend: status.backend, ...(status.reason ? { reason: status.reason } : {}) });
  });

  await app.register(sparqlPlugin, {
    store,
    base: config.base,
    publicUrl: config.publicUrl,
    writeToken: config.writeToken,
    queryTimeoutMs: config.queryTimeoutMs,
    htmlPage: htmlPage ?? sparqlEditorPage({ queriesDir: config.data.queriesDir }),
  });

  await app.register(namedQueriesPlugin, { store, queries: loadNamedQueries(config.data.queriesDir), queryTimeoutMs: config.queryTimeoutMs });
  await app.register(graphqlPlugin, { store, base: config.base });

  await app.register(linkedDataPlugin, { store, base: config.base, ontologyDir: config.data.ontologyDir });
  await app.register(graphRoutes, { store, base: config.base, ontologyDir: config.data.ontologyDir });
  await app.register(explorerPlugin, { store, base: config.base, queriesDir: config.data.queriesDir });

  return app;
}
