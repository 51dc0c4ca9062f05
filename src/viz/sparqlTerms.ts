/** Safe SPARQL terms for the queries graph views send: IRIs come from requests, so they
 *  are checked against the IRIREF grammar before they are written into a query. */
import { InvalidIriError } from './errors';

/** SPARQL 1.1 IRIREF forbids these characters (and everything up to U+0020). */
const IRIREF_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isAbsoluteIri(iri: string): boolean {
  return HAS_SCHEME.test(iri) && !IRIREF_FORBIDDEN.test(iri);
}

/** `<iri>`, or InvalidIriError. */
export function iriRef(iri: string): string {
  if (!isAbsoluteIri(iri)) throw new InvalidIriError(iri);
  return `<${iri}>`;
}

/** `VALUES ?name { <a> <b> }` */
export function valuesClause(variable: string, iris: readonly string[]): string {
  return `VALUES ?${variable} { ${iris.map(iriRef).join(' ')} }`;
}

/** Split a list into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
