import { BadRequestError, UnsupportedMediaTypeError } from '../http';
import { checkedIri } from '../vocab';
import { mergeParams, type Params } from './formParams';
import { FORM, SPARQL_QUERY, SPARQL_UPDATE, type RequestBody } from './requestBody';

/** What a request to the SPARQL endpoint asks for (SPARQL 1.1 Protocol §2). */
export type ProtocolOperation =
  | { kind: 'description' }
  | { kind: 'query'; query: string; defaultGraphs: string[]; namedGraphs: string[]; format?: string }
  | { kind: 'update'; update: string; usingGraphs: string[]; usingNamedGraphs: string[] };

export const POST_MEDIA_TYPES = [FORM, SPARQL_QUERY, SPARQL_UPDATE] as const;

function graphIris(params: Params, name: string): string[] {
  const values = [...(params[name] ?? [])];
  for (const value of values) checkedIri(value, () => new BadRequestError(`${name} must be an absolute IRI; got ${JSON.stringify(value)}`));
  return values;
}

function single(params: Params, name: 'query' | 'update'): string | undefined {
  const values = params[name] ?? [];
  if (values.length > 1) throw new BadRequestError(`Give one ${name} parameter per request; this one has ${values.length}`);
  return values[0];
}

function operation(params: Params, query: string | undefined, update: string | undefined): ProtocolOperation {
  if (query !== undefined && update !== undefined) throw new BadRequestError('A request carries either a query or an update, not both');
  if (update !== undefined) {
    return { kind: 'update', update, usingGraphs: graphIris(params, 'using-graph-uri'), usingNamedGraphs: graphIris(params, 'using-named-graph-uri') };
  }
  if (query === undefined) throw new BadRequestError('The request has neither a query nor an update parameter');
  // `format` (Fuseki, SPARQLWrapper) and `output` (Virtuoso, rdflib) may name the result format.
  const format = params.format?.[0] ?? params.output?.[0];
  return {
    kind: 'query',
    query,
    defaultGraphs: graphIris(params, 'default-graph-uri'),
    namedGraphs: graphIris(params, 'named-graph-uri'),
    ...(format ? { format } : {}),
  };
}

/** Reads the operation of a GET or POST request. Parameters the protocol does not define
 *  (maxrows, timeout, results, ...) are ignored. */
export function readOperation(method: string, url: Params, body: RequestBody | undefined): ProtocolOperation {
  if (method === 'GET' || method === 'HEAD') {
    if (url.update) throw new BadRequestError('SPARQL Update must be sent with POST');
    if (!url.query) return { kind: 'description' };
    return operation(url, single(url, 'query'), undefined);
  }
  if (!body) throw new UnsupportedMediaTypeError(undefined, POST_MEDIA_TYPES);
  switch (body.kind) {
    case 'form': {
      const params = mergeParams(url, body.params);
      return operation(params, single(params, 'query'), single(params, 'update'));
    }
    case 'sparql-query':
    case 'sparql-update': {
      if (url.query || url.update)
        throw new BadRequestError(
          `With a ${body.kind === 'sparql-query' ? SPARQL_QUERY : SPARQL_UPDATE} body the URL must not carry query or update parameters`,
        );
      return body.kind === 'sparql-query' ? operation(url, body.text, undefined) : operation(url, undefined, body.text);
    }
    case 'other':
      throw new UnsupportedMediaTypeError(body.mediaType, POST_MEDIA_TYPES);
  }
}
