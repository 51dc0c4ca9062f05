/** The representations of a resource and how a request picks one: `?format=` when given,
 *  else content negotiation on Accept (src/http's negotiate). */
import { BadRequestError, negotiate } from '../http';

export type RdfRepresentation = 'text/turtle' | 'application/ld+json' | 'application/n-triples' | 'application/rdf+xml';
export type Representation = 'text/html' | RdfRepresentation;

/** In the server's order of preference: a client that accepts anything (curl's `*\/*`, or no
 *  Accept at all) is a program and gets Turtle; browsers name text/html and get the page. */
export const REPRESENTATIONS: readonly Representation[] = ['text/turtle', 'text/html', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];
export const DEFAULT_REPRESENTATION: Representation = 'text/turtle';

/** Names clients use for the same media types. */
const ALIASES: Readonly<Record<string, Representation>> = {
  'application/xhtml+xml': 'text/html',
  'application/x-turtle': 'text/turtle',
  'application/json': 'application/ld+json',
  'application/xml': 'application/rdf+xml',
  'text/xml': 'application/rdf+xml',
};

/** Values of `?format=`, and the short name each representation is linked with. */
export const FORMAT_NAMES: Readonly<Record<string, Representation>> = {
  html: 'text/html',
  ttl: 'text/turtle',
  turtle: 'text/turtle',
  jsonld: 'application/ld+json',
  'json-ld': 'application/ld+json',
  json: 'application/ld+json',
  nt: 'application/n-triples',
  ntriples: 'application/n-triples',
  'n-triples': 'application/n-triples',
  rdf: 'application/rdf+xml',
  rdfxml: 'application/rdf+xml',
  xml: 'application/rdf+xml',
};
export const SHORT_FORMAT_NAMES: Readonly<Record<Representation, string>> = {
  'text/html': 'html',
  'text/turtle': 'ttl',
  'application/ld+json': 'jsonld',
  'application/n-triples': 'nt',
  'application/rdf+xml': 'rdf',
};

export function chooseRepresentation(format: string | undefined, accept: string | undefined): Representation {
  if (format !== undefined && format !== '') {
    const named = FORMAT_NAMES[format.trim().toLowerCase()] ?? (REPRESENTATIONS as readonly string[]).find((t) => t === format.trim().toLowerCase());
    if (!named) {
      throw new BadRequestError(`format must be one of ${Object.values(SHORT_FORMAT_NAMES).join(', ')}: ${JSON.stringify(format)}`);
    }
    return named as Representation;
  }
  return negotiate(accept, REPRESENTATIONS, DEFAULT_REPRESENTATION, ALIASES);
}

/** `Link` header value naming every other representation of the resource at `path`. */
export function alternateLinks(path: string, current: Representation, extraQuery = ''): string {
  return REPRESENTATIONS.filter((type) => type !== current)
    .map((type) => `<${path}?format=${SHORT_FORMAT_NAMES[type]}${extraQuery}>; rel="alternate"; type="${type}"`)
    .join(', ');
}
