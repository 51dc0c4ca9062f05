import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphStore } from '../../src/graph';
import { graphqlPlugin } from '../../src/graphql';
import { errorHandler, notFoundHandler } from '../../src/http';
import { DEFAULT_BASE } from '../../src/vocab';

/** A fastify application with the GraphQL plugin, set up as src/app.ts sets up the service
 *  (the same CORS policy and error handlers), without the other interfaces. */
export async function graphqlApp(store: GraphStore): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'POST'], maxAge: 86_400 });
  await app.register(graphqlPlugin, { store, base: DEFAULT_BASE });
  return app;
}
