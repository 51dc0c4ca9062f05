import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { AppConfig } from './config';
import type { GraphStore } from './graph';
import {
  corsPolicy,
  errorHandler,
  SECURITY_HEADERS,
  refuseEncodedBodies,
  HttpCache,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_HEADER_BYTES,
  MAX_POST_BODY_BYTES,
  notFoundHandler,
  PRESSURE_GRACE_MS,
  PRESSURE_RETRY_AFTER_S,
  PRESSURE_SAMPLE_INTERVAL_MS,
  RATE_LIMIT_WINDOW_MS,
  REQUEST_TIMEOUT_MS,
  HttpError,
  UNLIMITED_PATH_PREFIXES,
} from './http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { graphqlPlugin } from './graphql';
import { linkedDataPlugin } from './linkeddata';
import { loadNamedQueries, namedQueriesPlugin } from './queries';
import { graphRoutes } from './viz';
import { SearchIndex } from './search';
import { explorerPlugin, sparqlEditorPage, workbenchPlugin } from './web';
import { sparqlPlugin, type HtmlPageHandler } from './sparql';
import { observe, observedStore, requestId, ServiceMetrics } from './observability';

/** OpenAPI description of the REST routes (named queries, graph API) and its browsable docs. */
export const OPENAPI_JSON_PATH = '/api/openapi.json';

/** Groups of the API docs (the `tags` of the routes), in the order shown. */
export const API_DOC_GROUPS = [
  { name: 'queries', description: 'Named analyst queries (queries/*.rq) with their parameters' },
  { name: 'graph', description: 'Graph exports for visualisation tools' },
  { name: 'explorer', description: 'Search and resource summaries behind the explorer page' },
  { name: 'sparql', description: 'SPARQL 1.1 endpoint, Graph Store Protocol and VoID' },
  { name: 'graphql', description: 'GraphQL endpoint and its persisted operations' },
];
export const API_DOCS_PATH = '/api/docs';

/** Log lines for a person at a terminal: local time, level and message (coloured unless NO_COLOR is set). */
const PRETTY_LOGS = { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } };

export interface AppDependencies {
  store: GraphStore;
  /** Serves the query editor when a browser opens the SPARQL endpoint. */
  htmlPage?: HtmlPageHandler;
  /** Where log lines go (standard output when absent). */
  logStream?: { write(line: string): unknown };
}

/** The HTTP application, without listening (tests use inject; server.ts listens). */
export async function buildApp(config: AppConfig, { store: backend, htmlPage, logStream }: AppDependencies): Promise<FastifyInstance> {
  // Observability: query times by form, request ids, one debug line per request (observe below).
  const metrics = new ServiceMetrics(backend);
  const store = observedStore(backend, metrics);
  const app = Fastify({
    genReqId: requestId,
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(logStream ? { stream: logStream } : config.logPretty ? { transport: PRETTY_LOGS } : {}) },
    bodyLimit: MAX_POST_BODY_BYTES,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    ...(config.trustProxy !== undefined ? { trustProxy: trustedProxy(config.trustProxy) } : {}),
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await limitRate(app, config);

  // ETag, Cache-Control and 304 for the answers that depend only on the data (src/http/HttpCache).
  const httpCache = new HttpCache(() => store.version(), config.httpMaxAgeSeconds);
  app.addHook('onSend', httpCache.onSend);

  // Any origin may read; only the origins the operator names may send the write token.
  await app.register(cors, corsPolicy(config.corsWriteOrigins ?? []));
  // Security headers (Content-Security-Policy, nosniff, framing) on every answer.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  // Bodies are read as sent: a compressed one is refused rather than misread.
  app.addHook('onRequest', refuseEncodedBodies);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'UN resolutions knowledge graph',
        version: '1',
        description: 'Named analyst queries and graph exports over the SPARQL store; see /sparql for SPARQL 1.1 and /graphql for GraphQL.',
      },
      // The groups of the API docs, in this order: what an analyst calls first comes first.
      tags: API_DOC_GROUPS,
    },
  });
  await app.register(swaggerUi, { routePrefix: API_DOCS_PATH });
  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async () => app.swagger());

  // Health (/health/live, /health/ready, /health), Prometheus /metrics, request ids and logging.
  observe(app, store, metrics);

  await app.register(sparqlPlugin, {
    store,
    base: config.base,
    publicUrl: config.publicUrl,
    writeToken: config.writeToken,
    httpCache,
    htmlPage: htmlPage ?? sparqlEditorPage({ queriesDir: config.data.queriesDir }),
  });

  await app.register(namedQueriesPlugin, { store, queries: loadNamedQueries(config.data.queriesDir), httpCache });
  // One search index for the pages, the explorer and GraphQL: built at start, rebuilt when the store changes.
  // Its queries are the service's own upkeep, not clients' (left out of the query metrics), and
  // its first build runs behind the start: the port opens while the data loads, and a search
  // before the index exists waits for that build.
  const search = new SearchIndex(backend, config.base);
  app.addHook('onReady', async () => {
    search.start().catch((error: Error) => app.log.warn(`The search index could not be built yet (it is built again when the data changes): ${error.message}`));
  });
  app.addHook('onClose', async () => search.stop());
  await app.register(graphqlPlugin, { store, base: config.base, search });

  await app.register(linkedDataPlugin, { store, base: config.base, ontologyDir: config.data.ontologyDir, httpCache });
  await app.register(graphRoutes, { store, base: config.base, ontologyDir: config.data.ontologyDir, httpCache });
  await app.register(explorerPlugin, { store, base: config.base, queriesDir: config.data.queriesDir, search });
  await app.register(workbenchPlugin, { store, base: config.base, search });

  // Last, so the event loop's delay is sampled from here on, not while the app is built.
  await checkPressure(app, config);

  return app;
}

const unlimited = (url: string) => UNLIMITED_PATH_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));

/** Per-client request rate: 429 with Retry-After past it (health probes and metrics spared).
 *  Registered before the routes, which it decorates as they are added. */
async function limitRate(app: FastifyInstance, config: AppConfig): Promise<void> {
  if (config.rateLimit <= 0) return;
  await app.register(rateLimit, {
    max: config.rateLimit,
    timeWindow: RATE_LIMIT_WINDOW_MS,
    allowList: (request) => unlimited(request.url),
  });
}

/** Event-loop health: 503 with Retry-After while the loop lags (health probes and metrics
 *  spared). */
async function checkPressure(app: FastifyInstance, config: AppConfig): Promise<void> {
  if (config.maxEventLoopDelayMs <= 0) return;
  // The first samples measure the start-up itself (plugins booting, routes compiled): ignored.
  let since = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    since = Date.now() + PRESSURE_GRACE_MS;
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    sampleInterval: PRESSURE_SAMPLE_INTERVAL_MS,
    retryAfter: PRESSURE_RETRY_AFTER_S,
    pressureHandler: async (request, _reply, type, value) => {
      if (unlimited(request.url) || Date.now() < since) return;
      throw new HttpError(503, `The service is overloaded (${type} ${Math.round(value ?? 0)}); try again in ${PRESSURE_RETRY_AFTER_S} s`, {
        'Retry-After': String(PRESSURE_RETRY_AFTER_S),
      });
    },
  });
}

/** fastify's trustProxy: the listed proxies, or the nearest `hops` peers of any address. */
function trustedProxy(trust: string[] | number): string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
