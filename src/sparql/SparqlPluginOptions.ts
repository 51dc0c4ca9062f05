import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphStore } from '../graph';
import type { HttpCache } from '../http';
import { PUBLIC_URL_MEMO_ENTRIES } from './limits';

/** Answers a browser asking for the endpoint (Accept prefers text/html): the query editor. */
export type HtmlPageHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface SparqlPluginOptions {
  store: GraphStore;
  /** Base IRI of the data (VoID uriSpace). */
  base: string;
  /** Public root URL of the service (ending in '/'); derived from each request when absent. */
  publicUrl?: string;
  /** Enables SPARQL Update and Graph Store writes for `Authorization: Bearer <token>`. */
  writeToken?: string;
  htmlPage?: HtmlPageHandler;
  /** ETag, Cache-Control and 304 for query answers by GET and for VoID (none when absent). */
  httpCache?: HttpCache;
}

/** The public root URL of the service for this request. */
export function serviceRoot(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}/`;
}

const publicUrls = new Map<string, string>();

/** The public URL of a path of this service (`/sparql` → `https://example.org/sparql`),
 *  resolved once per root and path. */
export function publicUrlOf(request: FastifyRequest, publicUrl: string | undefined, path: string): string {
  const root = serviceRoot(request, publicUrl);
  const key = `${root} ${path}`;
  let url = publicUrls.get(key);
  if (url === undefined) {
    url = new URL(path.startsWith('/') ? path.slice(1) : path, root).href;
    if (publicUrls.size >= PUBLIC_URL_MEMO_ENTRIES) publicUrls.delete(publicUrls.keys().next().value as string);
    publicUrls.set(key, url);
  }
  return url;
}
