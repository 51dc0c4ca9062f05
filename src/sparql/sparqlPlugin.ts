import type { FastifyPluginAsync } from 'fastify';
import { StatisticsCache } from './datasetStatistics';
import { graphStoreProtocol } from './graphStoreProtocol';
import { sparqlEndpoint } from './sparqlEndpoint';
import type { SparqlPluginOptions } from './SparqlPluginOptions';
import { voidEndpoint } from './voidEndpoint';

/** Everything SPARQL: the protocol endpoint with its service description (/sparql, /query),
 *  the Graph Store Protocol (/store) and the VoID description (/.well-known/void). Each part
 *  is its own encapsulated plugin with its own body parsers and limits. */
export const sparqlPlugin: FastifyPluginAsync<SparqlPluginOptions> = async (app, options) => {
  const statistics = new StatisticsCache(options.store);
  await app.register(sparqlEndpoint, { ...options, statistics });
  await app.register(graphStoreProtocol, options);
  await app.register(voidEndpoint, { ...options, statistics });
};
