import type { FastifyPluginAsync } from 'fastify';
import { negotiateReply, withCharset } from '../http';
import { OFFERS, writeRdf } from '../vocab';
import type { StatisticsCache } from './datasetStatistics';
import { GRAPH_STORE_PATH } from './graphStoreProtocol';
import { publicUrlOf, type SparqlPluginOptions } from './SparqlPluginOptions';
import { VOID_PREFIXES, describeDataset } from './voidDescription';

export const VOID_PATH = '/.well-known/void';

/** The VoID description of the dataset (counts computed by SPARQL, cached per store version). */
export const voidEndpoint: FastifyPluginAsync<SparqlPluginOptions & { statistics: StatisticsCache }> = async (app, options) => {
  app.get(VOID_PATH, { schema: { summary: 'VoID description of the dataset: counts, partitions, linksets', tags: ['sparql'] } }, async (request, reply) => {
    const mediaType = negotiateReply(request, reply, OFFERS.description);
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
