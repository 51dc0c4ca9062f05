/** The representations of a resource and how a request picks one: `?format=` when given,
 *  else content negotiation on Accept (src/http's negotiate), among the representations the
 *  resource has: every resource has a page and RDF; a resolution whose text the graph holds
 *  is also an Akoma Ntoso document. */
import { BadRequestError, HttpError, negotiate } from '../http';
import { AKN_MEDIA_TYPE, FORMATS, OFFERS } from '../vocab';

export type RdfRepresentation = 'text/turtle' | 'application/ld+json' | 'application/n-triples' | 'application/rdf+xml';
export type Representation = 'text/html' | RdfRepresentation;
export { AKN_MEDIA_TYPE };
export type DocumentRepresentation = Representation | typeof AKN_MEDIA_TYPE;

/** In the server's order of preference (src/vocab's format registry): a client that accepts
 *  anything (curl's `*\/*`, or no Accept at all) is a program and gets Turtle; browsers name
 *  text/html and get the page. */
export const REPRESENTATIONS: readonly Representation[] = OFFERS.resource.types;
export const DEFAULT_REPRESENTATION: Representation = OFFERS.resource.fallback;
/** What a resolution with its text offers: the same, and its Akoma Ntoso document. */
export const DOCUMENT_REPRESENTATIONS: readonly DocumentRepresentation[] = OFFERS.document.types;

/** Values of `?format=` (short names, other names, the media types themselves). */
export const FORMAT_NAMES: Readonly<Record<string, DocumentRepresentation>> = OFFERS.document.names;
/** The short name each representation is linked with, in the order error messages list them. */
export const SHORT_FORMAT_NAMES = Object.fromEntries(
  (['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml', AKN_MEDIA_TYPE] as const).map((type) => [
    type,
    FORMATS[type].name,
  ]),
) as Readonly<Record<DocumentRepresentation, string>>;

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
    const named = FORMAT_NAMES[wanted];
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
  return negotiate(accept, offered, DEFAULT_REPRESENTATION as T, OFFERS.document.aliases as Readonly<Record<string, T>>);
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
