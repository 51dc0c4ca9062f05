import type { FastifyPluginAsync } from 'fastify';
import { negotiator, withCharset } from '../http';
import type { RdfMediaType } from '../graph';
import type { StatisticsCache } from './datasetStatistics';
import { DESCRIPTION_TYPES } from './formats';
import { GRAPH_STORE_PATH } from './graphStoreProtocol';
import { writeRdf } from './rdfDocument';
import { publicUrlOf, type SparqlPluginOptions } from './SparqlPluginOptions';
import { VOID_PREFIXES, describeDataset } from './voidDescription';

export const VOID_PATH = '/.well-known/void';

const negotiateDescription = negotiator(DESCRIPTION_TYPES, 'text/turtle');

/** The VoID description of the dataset (counts computed by SPARQL, cached per store version). */
export const voidEndpoint: FastifyPluginAsync<SparqlPluginOptions & { statistics: StatisticsCache }> = async (app, options) => {
  app.get(VOID_PATH, { schema: { summary: 'VoID description of the dataset: counts, partitions, linksets', tags: ['sparql'] } }, async (request, reply) => {
    reply.header('Vary', 'Accept');
    const mediaType = negotiateDescription(request.headers.accept) as RdfMediaType;
    // The description names the service's own URLs: they are part of what it depends on.
    if (options.httpCache?.notModified(request, reply, `${mediaType} ${publicUrlOf(request, options.publicUrl, VOID_PATH)}`)) return reply.send();
    const quads = describeDataset({
      documentUrl: publicUrlOf(request, options.publicUrl, VOID_PATH),
      endpoint: publicUrlOf(request, options.publicUrl, '/sparql'),
      dataDump: publicUrlOf(request, options.publicUrl, GRAPH_STORE_PATH),
      base: options.base,
      statistics: await options.statistics.get(),
    });
    return reply.type(withCharset(mediaType)).send(await writeRdf(quads, mediaType, VOID_PREFIXES));
  });
};
