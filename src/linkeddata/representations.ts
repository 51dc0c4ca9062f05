/** The representations of a resource and how a request picks one: `?format=` when given,
 *  else content negotiation on Accept (src/http's negotiate), among the representations the
 *  resource has: every resource has a page and RDF; a resolution whose text the graph holds
 *  is also an Akoma Ntoso document. */
import { BadRequestError, HttpError, negotiate } from '../http';

export type RdfRepresentation = 'text/turtle' | 'application/ld+json' | 'application/n-triples' | 'application/rdf+xml';
export type Representation = 'text/html' | RdfRepresentation;
/** Akoma Ntoso 3.0 XML (src/akn). */
export const AKN_MEDIA_TYPE = 'application/akn+xml';
export type DocumentRepresentation = Representation | typeof AKN_MEDIA_TYPE;

/** In the server's order of preference: a client that accepts anything (curl's `*\/*`, or no
 *  Accept at all) is a program and gets Turtle; browsers name text/html and get the page. */
export const REPRESENTATIONS: readonly Representation[] = ['text/turtle', 'text/html', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];
export const DEFAULT_REPRESENTATION: Representation = 'text/turtle';
/** What a resolution with its text offers: the same, and its Akoma Ntoso document. */
export const DOCUMENT_REPRESENTATIONS: readonly DocumentRepresentation[] = [...REPRESENTATIONS, AKN_MEDIA_TYPE];

/** Names clients use for the same media types. */
const ALIASES: Readonly<Record<string, Representation>> = {
  'application/xhtml+xml': 'text/html',
  'application/x-turtle': 'text/turtle',
  'application/json': 'application/ld+json',
  'application/xml': 'application/rdf+xml',
  'text/xml': 'application/rdf+xml',
};

/** Values of `?format=`, and the short name each representation is linked with. */
export const FORMAT_NAMES: Readonly<Record<string, DocumentRepresentation>> = {
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
  akn: AKN_MEDIA_TYPE,
  akomantoso: AKN_MEDIA_TYPE,
};
export const SHORT_FORMAT_NAMES: Readonly<Record<DocumentRepresentation, string>> = {
  'text/html': 'html',
  'text/turtle': 'ttl',
  'application/ld+json': 'jsonld',
  'application/n-triples': 'nt',
  'application/rdf+xml': 'rdf',
  [AKN_MEDIA_TYPE]: 'akn',
};

/** The representation to answer with, among those `offered`. A `?format=` this service does
 *  not know is a 400; one it knows but this resource does not offer, like an Accept header
 *  nothing offered satisfies, is a 406 listing what is offered. */
export function chooseRepresentation<T extends DocumentRepresentation = Representation>(
  format: string | undefined,
  accept: string | undefined,
  offered: readonly T[] = REPRESENTATIONS as readonly T[],
): T {
  if (format !== undefined && format !== '') {
    const wanted = format.trim().toLowerCase();
    const named = FORMAT_NAMES[wanted] ?? (DOCUMENT_REPRESENTATIONS as readonly string[]).find((t) => t === wanted);
    if (!named) {
      throw new BadRequestError(`format must be one of ${Object.values(SHORT_FORMAT_NAMES).join(', ')}: ${JSON.stringify(format)}`);
    }
    if (!(offered as readonly string[]).includes(named)) {
      throw new HttpError(
        406,
        `format ${JSON.stringify(format)} (${named}) is not available for this resource; available: ${offered.map((t) => SHORT_FORMAT_NAMES[t]).join(', ')}`,
      );
    }
    return named as T;
  }
  return negotiate(accept, offered, DEFAULT_REPRESENTATION as T, ALIASES as Readonly<Record<string, T>>);
}

/** `Link` header value naming every other representation of the resource at `path`. */
export function alternateLinks(
  path: string,
  current: DocumentRepresentation,
  extraQuery = '',
  offered: readonly DocumentRepresentation[] = REPRESENTATIONS,
): string {
  return offered
    .filter((type) => type !== current)
    .map((type) => `<${path}?format=${SHORT_FORMAT_NAMES[type]}${extraQuery}>; rel="alternate"; type="${type}"`)
    .join(', ');
}
