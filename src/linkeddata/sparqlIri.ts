/** IRIs written into SPARQL text: requests supply them, so each is checked against the
 *  IRIREF grammar first. */
import { BadRequestError } from '../http';

const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const NOT_IN_IRIREF = /[\u0000-\u0020<>"{}|^`\\]/;

export const isAbsoluteIri = (iri: string): boolean => HAS_SCHEME.test(iri) && !NOT_IN_IRIREF.test(iri);

/** `<iri>`; a string that cannot be an absolute IRI is the client's error. */
export function sparqlIri(iri: string): string {
  if (!isAbsoluteIri(iri)) throw new BadRequestError(`not an absolute IRI: ${JSON.stringify(iri)}`);
  return `<${iri}>`;
}

export const sparqlValues = (variable: string, iris: readonly string[]): string => `VALUES ?${variable} { ${iris.map(sparqlIri).join(' ')} }`;
