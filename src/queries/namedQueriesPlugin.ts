/** The named analyst queries as a REST API (grlc style): GET /api/queries lists them, and
 *  GET /api/queries/{name}?param=value runs one, each documented as its own operation in
 *  the OpenAPI description (its parameters, defaults and result formats). */
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { GraphStore, ResultsMediaType } from '../graph';
import { BadRequestError, negotiateReply, queryScope, withCharset, type HttpCache } from '../http';
import { formatOverride, SOLUTION_TYPES } from '../sparql';
import { OFFERS } from '../vocab';
import { bindParameters, ParameterError } from './bindParameters';
import type { NamedQuery } from './NamedQuery';

export const NAMED_QUERIES_PATH = '/api/queries';

export interface NamedQueriesPluginOptions {
  store: GraphStore;
  queries: readonly NamedQuery[];
  /** ETag, Cache-Control and 304 for the answers (none when absent). */
  httpCache?: HttpCache;
}

function describe(q: NamedQuery) {
  return {
    name: q.name,
    summary: q.summary,
    description: q.description,
    tags: q.tags,
    url: `${NAMED_QUERIES_PATH}/${q.name}`,
    parameters: q.parameters.map((p) => ({ name: p.name, required: p.required && p.default === undefined, type: p.type, default: p.default, language: p.language })),
    sparql: q.sparql,
  };
}

export const namedQueriesPlugin: FastifyPluginAsync<NamedQueriesPluginOptions> = async (app: FastifyInstance, options) => {
  const { store, queries } = options;
  app.get(NAMED_QUERIES_PATH, { schema: { summary: 'The named analyst queries', tags: ['queries'] } }, async () => queries.map(describe));

  for (const q of queries) {
    const properties: Record<string, object> = {};
    for (const p of q.parameters) {
      properties[p.name] = {
        type: p.type === 'integer' ? 'integer' : p.type === 'number' ? 'number' : 'string',
        ...(p.default !== undefined ? { default: p.default } : {}),
        description: `${p.required ? 'Required' : 'Optional'} ${p.type === 'iri' ? 'IRI' : p.type}${p.language ? ` (@${p.language})` : ''}, bound to ?${p.variable}`,
      };
    }
    properties.format = { type: 'string', enum: ['json', 'xml', 'csv', 'tsv'], description: 'Result format, instead of the Accept header' };
    app.get(
      `${NAMED_QUERIES_PATH}/${q.name}`,
      {
        schema: {
          summary: q.summary,
          description: `${q.description ?? q.summary}${q.tags.length ? `\n\nTopics: ${q.tags.join(', ')}.` : ''}\n\nSPARQL:\n\n\`\`\`sparql\n${q.sparql}\`\`\``,
          // One group for all of them (their topics are in the description), first in the docs.
          tags: ['queries'],
          querystring: { type: 'object', properties, required: q.parameters.filter((p) => p.required && p.default === undefined).map((p) => p.name) },
          produces: [...SOLUTION_TYPES],
        },
      },
      async (request, reply) => {
        const params = request.query as Record<string, string | number | undefined>;
        let sparql: string;
        try {
          sparql = bindParameters(q, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === undefined ? undefined : String(v)])), {
            alsoKnown: ['format'],
          });
        } catch (e) {
          if (e instanceof ParameterError) throw new BadRequestError(`${q.name}: ${e.message}`);
          throw e;
        }
        const chosen = formatOverride(typeof params.format === 'string' ? params.format : undefined, 'SELECT') as ResultsMediaType | undefined;
        const mediaType = negotiateReply(request, reply, OFFERS.solutions, { chosen });
        if (options.httpCache?.notModified(request, reply, mediaType)) return reply.send();
        const result = await store.query(sparql, {
          resultsFormat: mediaType,
          ...queryScope(request, reply),
        });
        return reply.header('Content-Type', withCharset(result.mediaType)).send(result.body);
      },
    );
  }
};
