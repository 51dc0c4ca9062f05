import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphStore } from '../graph';

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
  /** Time budget of one query or update (the store's own default when absent). */
  queryTimeoutMs?: number;
  htmlPage?: HtmlPageHandler;
}

/** The public root URL of the service for this request. */
export function serviceRoot(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}/`;
}

/** The public URL of a path of this service (`/sparql` → `https://example.org/sparql`). */
export function publicUrlOf(request: FastifyRequest, publicUrl: string | undefined, path: string): string {
  return new URL(path.replace(/^\//, ''), serviceRoot(request, publicUrl)).href;
}
